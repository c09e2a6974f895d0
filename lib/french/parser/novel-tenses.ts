// Training sentences in a novel's tenses. The treebanks are news, encyclopedia
// and medicine, told in the present: of their 96,000 training words, 260 are
// verbs in the passé simple and none is in the imperfect subjunctive, where a
// novel narrates in the passé simple and the imperfect (2.4 % and 5.6 % of the
// words of the hand-annotated novel sentences). Without them the tagger reads
// "le vit" as a noun phrase. A copy of a sentence with its finite verbs put in
// those tenses, conjugated by the Lefff, has the same tree: it teaches the
// tagger, the morphology and the parser the forms, not new syntax.
import type { ConlluSentence, ConlluToken, ConlluWord } from "@/lib/french/parser/conllu";
import { startsWithVowel } from "@/lib/french/elision";
import { lefffForms } from "@/lib/french/load-lefff";

export type NovelTense = "passé simple" | "imparfait";

/** Verb forms by lemma and FRMG tag: "voir J3s" → "vit" (J passé simple, T imperfect subjunctive, I imparfait). */
export type Conjugations = ReadonlyMap<string, string>;

const verbCategories = new Set(["v", "auxAvoir", "auxEtre"]);

/** The Lefff's finite verb forms; where two forms share a tag ("paya", "paya"), the first in sorted order. */
export function lefffConjugations(): Conjugations {
  const table = new Map<string, string>();
  for (const [form, readings] of lefffForms()) {
    for (const reading of readings) {
      // A tag such as "PS13s" stands for P1s, P3s, S1s and S3s.
      const tag = /^([A-Z]+)([123]+)([sp])$/u.exec(reading.morphology);
      if (!tag || !verbCategories.has(reading.category) || reading.capital) continue;
      const lemma = reading.lemma.replace(/_+\d+$/u, "");
      for (const mood of tag[1]!) {
        for (const person of tag[2]!) {
          const key = `${lemma} ${mood}${person}${tag[3]}`;
          if (!table.has(key)) table.set(key, form);
        }
      }
    }
  }
  return table;
}

function featureMap(feats: string): Map<string, string> {
  return new Map(feats === "_" ? [] : feats.split("|").map((pair) => pair.split("=") as [string, string]));
}

function featureString(features: Map<string, string>): string {
  return [...features].map(([name, value]) => `${name}=${value}`).join("|");
}

/**
 * The FRMG mood letter and UD tense a finite verb takes in `tense`; undefined
 * when it stays as it is. A passé composé's auxiliary goes to the imparfait
 * ("avait vu", the novel's plus-que-parfait), not to the rarer passé antérieur.
 */
function target(features: Map<string, string>, deprel: string, tense: NovelTense): { letter: string; tense: string } | undefined {
  const mood = features.get("Mood");
  const now = features.get("Tense");
  if (tense === "imparfait" || deprel === "aux:tense") return mood === "Ind" && now === "Pres" ? { letter: "I", tense: "Imp" } : undefined;
  if (mood === "Ind" && (now === "Pres" || now === "Imp")) return { letter: "J", tense: "Past" };
  if (mood === "Sub" && now === "Pres") return { letter: "T", tense: "Imp" };
  return undefined;
}

/** The word in `tense`, or undefined when it is no finite verb to change or the Lefff lacks the form. */
function conjugated(word: ConlluWord, tense: NovelTense, conjugations: Conjugations): ConlluWord | undefined {
  if ((word.upos !== "VERB" && word.upos !== "AUX") || !word.feats.includes("VerbForm=Fin")) return undefined;
  const features = featureMap(word.feats);
  const goal = target(features, word.deprel, tense);
  const person = features.get("Person");
  const number = features.get("Number") === "Plur" ? "p" : features.get("Number") === "Sing" ? "s" : undefined;
  if (!goal || !person || !number) return undefined;
  const form = conjugations.get(`${word.lemma} ${goal.letter}${person}${number}`);
  if (!form) return undefined;
  features.set("Tense", goal.tense);
  const spelled = /^\p{Lu}/u.test(word.form) ? form[0]!.toUpperCase() + form.slice(1) : form;
  return { ...word, form: spelled, feats: featureString(features) };
}

// Words elided before a vowel ("s'est"), and their full forms before a consonant ("se fut").
const fullForms: Record<string, string> = { "j'": "je", "m'": "me", "t'": "te", "s'": "se", "n'": "ne", "qu'": "que", "c'": "ce" };
const elidedForms = Object.fromEntries(Object.entries(fullForms).map(([elided, full]) => [full, elided]));

/** `before` respelled for the verb form that now follows it: "s'" + "fut" → "se", "ne" + "alla" → "n'". */
function agreeingElision(before: ConlluWord, verb: string): string {
  const form = before.form.replace(/’/gu, "'");
  const lower = form.toLowerCase();
  const capital = (spelled: string) => (/^\p{Lu}/u.test(form) ? spelled[0]!.toUpperCase() + spelled.slice(1) : spelled);
  if (!startsWithVowel.test(verb)) {
    if (lower === "l'") return capital(before.feats.includes("Gender=Fem") ? "la" : "le");
    return fullForms[lower] ? capital(fullForms[lower]!) : before.form;
  }
  if (lower === "le" || lower === "la") return before.upos === "PRON" ? capital("l'") : before.form;
  if (lower === "ce") return /^[eéèê]/iu.test(verb) ? capital("c'") : before.form;
  return elidedForms[lower] ? capital(elidedForms[lower]!) : before.form;
}

/** An inverted subject after the verb: "-t-il" only after a vowel ("alla-t-il", "fut-il"). */
function agreeingInversion(after: string, verb: string): string {
  if (/^-t-/u.test(after) && /[td]$/u.test(verb)) return after.slice(2);
  if (/^-(il|elle|on|ils|elles)$/u.test(after) && /[ae]$/u.test(verb)) return `-t${after}`;
  return after;
}

function oneWordToken(token: ConlluToken, word: ConlluWord): ConlluToken {
  return { ...token, form: word.form, words: [word] };
}

/**
 * The sentence with its finite verbs in `tense`, the words around them
 * respelled to agree ("s'est" → "se fut", "a-t-il" → "eut-il"); undefined
 * when no verb changed. Heads, relations and lemmas stay.
 */
export function inNovelTense(sentence: ConlluSentence, tense: NovelTense, conjugations: Conjugations): ConlluSentence | undefined {
  const tokens = [...sentence.tokens];
  let changed = 0;
  tokens.forEach((token, index) => {
    if (token.words.length !== 1) return;
    const verb = conjugated(token.words[0]!, tense, conjugations);
    if (!verb) return;
    changed += 1;
    tokens[index] = oneWordToken(token, verb);
    const before = tokens[index - 1];
    if (before?.words.length === 1) tokens[index - 1] = oneWordToken(before, { ...before.words[0]!, form: agreeingElision(before.words[0]!, verb.form) });
    const after = tokens[index + 1];
    if (after?.words.length === 1) tokens[index + 1] = oneWordToken(after, { ...after.words[0]!, form: agreeingInversion(after.words[0]!.form, verb.form) });
  });
  return changed > 0 ? { comments: [], tokens } : undefined;
}

/**
 * The training sentences, each one with a finite verb also seen in a novel's
 * tense: every `every`-th in the imparfait, the others in the passé simple.
 */
export function withNovelTenses(sentences: readonly ConlluSentence[], every: number, conjugations: Conjugations): ConlluSentence[] {
  return sentences.flatMap((sentence, index) => {
    const copy = inNovelTense(sentence, index % every === 0 ? "imparfait" : "passé simple", conjugations);
    return copy ? [sentence, copy] : [sentence];
  });
}
