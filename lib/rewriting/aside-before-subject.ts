// Writers set a phrase between a subject and its verb ("Rodolphe, le soir,
// la trouva plus sérieuse que d'habitude"); at eight words the cut then
// leaves "Rodolphe, le soir," alone and gives the predicate its subject
// again: the name twice, one row broken. Said with the phrase first, as a
// French sentence may say it, the clause keeps subject and verb together:
// "Le soir, Rodolphe la trouva plus sérieuse que d'habitude." So with a
// phrase between the verb and its complement ("Elle essaya, par
// mortification, ‖ de rester…" → "Par mortification, elle essaya de
// rester…"). No word is added or dropped, only the phrase moved.
import { auxiliaryRelations, childrenWith, parseTree, phraseWords, subtree, timeNouns, wordSpans, type SentenceTree, type TreeWord } from "@/lib/rewriting/sentence-tree";
import { capitalizeFirst } from "@/lib/text/capitalize-first";
import { countWords } from "@/lib/text/count-words";
import { findLocutions } from "@/lib/french/locutions";
import { negationEnds } from "@/lib/text/split-long-sentence";

// What may be set first: a phrase of time, place or manner of the verb, or what describes the subject
// ("silencieuse", "prise de dégoût", "les yeux à demi clos"); not a relative clause or an apposition,
// which must follow their noun.
const verbAsides = /^(obl|obl:mod|advmod|advcl|nmod)$/u;
const subjectAsides = /^(amod|acl)$/u;

const sorted = (indices: number[]) => [...indices].sort((a, b) => a - b);
// Days and seasons say when too, set off by commas ("Rodolphe, le lendemain,").
const whenNoun = (lemma: string) => timeNouns.test(lemma) || /^(lendemain|veille|dimanche|lundi|mardi|mercredi|jeudi|vendredi|samedi|hiver|été|automne|printemps)$/u.test(lemma);

/**
 * `text` with the phrase between its opening subject and that subject's
 * verb moved before the subject, set off by its comma: "Emma, de temps à
 * autre, se rafraîchissait les joues…" → "De temps à autre, Emma se
 * rafraîchissait les joues…". Else undefined.
 */
export function asideBeforeSubject(text: string, tree: SentenceTree): string | undefined {
  // Only a text parsed on its own: a piece the rules wrote comes with its sentence's whole parse.
  const spans = wordSpans(text, tree);
  if (!spans || spans.length < 4 || spans.length !== tree.words.filter((word) => word.index > 0 && word.upos !== "PUNCT").length) return undefined;
  // The sentence opens on its subject: a name or a noun with its article, nothing before it.
  const opener = tree.words[spans[0]!.index]!;
  const head = /^(PROPN|NOUN)$/u.test(opener.upos) && /^nsubj/u.test(opener.deprel) ? opener : tree.words[opener.head];
  if (!/^(DET|PROPN|NOUN)$/u.test(opener.upos) || !head || !/^nsubj/u.test(head.deprel) || !/^(PROPN|NOUN)$/u.test(head.upos)) return undefined;
  // "Le lendemain, dès neuf heures, il était à la ferme": a time is no subject.
  if (whenNoun(head.lemma)) return undefined;
  const verb = tree.words[head.head]!;
  if (verb.index === 0 || !/^(VERB|AUX|ADJ|NOUN)$/u.test(verb.upos)) return undefined;
  // A finite verb: "L'homme, debout, roulant dans ses mains…" is no clause the parse can be trusted with.
  const finite = [verb, ...childrenWith(tree, verb.index, auxiliaryRelations)].some((word) => word.feats.VerbForm === "Fin");
  if (!finite) return undefined;
  // The subject's own words, up to the first comma.
  const words = tree.words;
  let subjectEnd = spans[0]!.index;
  while (words[subjectEnd + 1] && words[subjectEnd + 1]!.upos !== "PUNCT") subjectEnd += 1;
  const subjectWords = sorted(subtree(tree, head.index)).filter((index) => index <= subjectEnd);
  if (subjectWords[0] !== spans[0]!.index || subjectWords.at(-1) !== subjectEnd) return undefined;
  if (words[subjectEnd + 1]?.form !== ",") return undefined;
  // Then the aside, up to the comma before the verb's group (its clitics, "ne", auxiliaries).
  const inGroup = (child: number) =>
    child > subjectEnd && child < verb.index &&
    (/^(aux|aux:tense|aux:pass|cop|expl:pv|expl:subj|iobj|obj)$/u.test(words[child]!.deprel) || /^(ne|n'|n’)$/iu.test(words[child]!.form));
  const groupStart = Math.min(verb.index, ...tree.children[verb.index]!.filter(inGroup));
  const asideStart = subjectEnd + 2;
  const asideEnd = groupStart - 2;
  if (asideEnd < asideStart || words[groupStart - 1]?.form !== ",") return undefined;
  const aside = words.slice(asideStart, asideEnd + 1);
  // One phrase with no clause of its own ("à quelque heure que ce fût"), and no pronoun that
  // stresses the subject ("Son oeil, à lui,", "L'accusé, lui,").
  if (aside.some((word) => (word.upos === "PUNCT" && word.form !== ",") || word.feats.VerbForm === "Fin" || word.upos === "SCONJ" || word.upos === "PRON")) return undefined;
  // Every word of the aside hangs, through the aside, on the verb or on the subject as a phrase that may go first.
  const inAside = (index: number) => index >= asideStart && index <= asideEnd;
  const tops = aside.filter((word) => !inAside(word.head));
  // The parse often hangs the phrase on the subject: "de temps à autre", "le soir", "deux fois par jour",
  // "sur la grande route" (even as a second subject, with no "et"), "un moment" (a time, as an apposition or a second subject).
  const movable = (word: TreeWord) =>
    (word.head === verb.index && verbAsides.test(word.deprel)) ||
    (word.head === head.index && subjectAsides.test(word.deprel) && (word.upos === "ADJ" || word.feats.VerbForm === "Part")) ||
    (word.head === head.index && /^(nmod|conj)$/u.test(word.deprel) && childrenWith(tree, word.index, /^case$/u).length > 0 && childrenWith(tree, word.index, /^cc$/u).length === 0) ||
    (word.head === head.index && /^(appos|conj)$/u.test(word.deprel) && whenNoun(word.lemma) && childrenWith(tree, word.index, /^cc$/u).length === 0) ||
    // An infinitive of purpose or concession ("pour n'être point visibles", "sans le savoir"), whichever word the parse hung it on.
    ([head.index, verb.index].includes(word.head) && childrenWith(tree, word.index, /^mark$/u).some((mark) => /^(pour|sans|afin)$/iu.test(mark.form)) &&
      subtree(tree, word.index).some((index) => words[index]!.feats.VerbForm === "Inf"));
  // One phrase: "au rez-de-chaussée, la seule du logis" says two things of the room, the second on it.
  const phrases = tops.filter((word) => word.upos !== "PUNCT");
  if (phrases.length !== 1 || !movable(phrases[0]!)) return undefined;
  const own = (word: TreeWord) => phraseWords(tree, word.index);
  if (!tops.every((word) => word.upos === "PUNCT" || own(word).every(inAside))) return undefined;
  if (childrenWith(tree, verb.index, /^(nsubj|nsubj:pass|expl:subj)$/u).length !== 1) return undefined;
  const at = new Map(spans.map((span) => [span.index, span]));
  const subjectText = text.slice(at.get(subjectWords[0]!)!.start, at.get(subjectEnd)!.end);
  const firstAside = aside.find((word) => word.upos !== "PUNCT")!;
  const lastAside = [...aside].reverse().find((word) => word.upos !== "PUNCT")!;
  const asideText = text.slice(at.get(firstAside.index)!.start, at.get(lastAside.index)!.end);
  const rest = text.slice(at.get(groupStart)!.start);
  // "Les petits Homais" → "les petits Homais"; a name or a title stays as it is ("M. l'évêque", "Mademoiselle Baptistine").
  const lowered = opener.upos === "DET" ? subjectText.replace(/^\p{Lu}/u, (letter) => letter.toLowerCase()) : subjectText;
  return `${text.slice(0, at.get(subjectWords[0]!)!.start)}${capitalizeFirst(asideText)}, ${lowered} ${rest}`;
}

// What may follow the aside as the verb's own complement: "essaya, par mortification, ‖ de rester…".
const complements = /^(obj|xcomp|ccomp|obl:arg|iobj)$/u;

/**
 * `text` with the phrase between its opening clause's verb and that verb's
 * complement moved before the clause: "Elle essaya, par mortification, de
 * rester tout un jour sans manger." → "Par mortification, elle essaya de
 * rester tout un jour sans manger.", so that the cut keeps the verb with
 * what it governs; also an auxiliary with its participle ("Il a, l'année
 * dernière, aidé nos gens"). Else undefined.
 */
export function asideAfterVerb(text: string, tree: SentenceTree): string | undefined {
  const spans = wordSpans(text, tree);
  if (!spans || spans.length < 4 || spans.length !== tree.words.filter((word) => word.index > 0 && word.upos !== "PUNCT").length) return undefined;
  const words = tree.words;
  const first = spans[0]!.index;
  const comma = words.findIndex((word) => word.index > first && word.upos === "PUNCT");
  if (comma < 0 || words[comma]!.form !== ",") return undefined;
  // The clause before the comma: subject, verb group, verb, its negation's end.
  let verbIndex = comma - 1;
  while (verbIndex > first && negationEnds.has(words[verbIndex]!.form.toLowerCase())) verbIndex -= 1;
  const closing = words.findIndex((word) => word.index > comma && word.upos === "PUNCT");
  if (closing < 0 || words[closing]!.form !== "," || closing - comma < 2) return undefined;
  // "Elle lui avait, autrefois, tenu société": an auxiliary before the comma waits for its participle after the aside.
  const auxiliary = words[verbIndex]!;
  const waits = auxiliary.upos === "AUX" && /^(aux|aux:tense)$/u.test(auxiliary.deprel) && auxiliary.head === closing + 1;
  const verb = waits ? words[closing + 1]! : auxiliary;
  if (!/^(VERB|AUX)$/u.test(verb.upos) || verb.deprel !== "root") return undefined;
  const finite = [verb, ...childrenWith(tree, verb.index, /^(aux|aux:tense|aux:pass)$/u)].some((word) => word.feats.VerbForm === "Fin");
  const subjects = childrenWith(tree, verb.index, /^(nsubj|nsubj:pass)$/u);
  if (!finite || subjects.length !== 1 || subtree(tree, subjects[0]!.index)[0] !== first) return undefined;
  const before = new Set([...subtree(tree, subjects[0]!.index), verb.index]);
  for (const child of tree.children[verb.index]!) {
    if (child < verb.index && /^(aux|aux:tense|aux:pass|expl:pv|obj|iobj|advmod)$/u.test(words[child]!.deprel)) before.add(child);
  }
  for (let index = first; index < comma; index += 1) if (!before.has(index) && !negationEnds.has(words[index]!.form.toLowerCase())) return undefined;
  // The aside: one phrase of the verb between two commas, with no clause of its own.
  const aside = words.slice(comma + 1, closing);
  if (aside.some((word) => word.feats.VerbForm === "Fin" || word.upos === "SCONJ" || word.upos === "PRON" || word.upos === "CCONJ")) return undefined;
  const tops = aside.filter((word) => word.head <= comma || word.head >= closing);
  if (tops.length !== 1 || tops[0]!.head !== verb.index || !/^(obl|obl:mod|advmod)$/u.test(tops[0]!.deprel)) return undefined;
  // Then the verb's complement (or the participle itself), right after the aside.
  const opens = (child: TreeWord) => phraseWords(tree, child.index)[0] === closing + 1;
  if (!waits && !childrenWith(tree, verb.index, complements).some(opens)) return undefined;
  const at = new Map(spans.map((span) => [span.index, span]));
  const clause = text.slice(at.get(first)!.start, at.get(comma - 1)!.end);
  const asideText = text.slice(at.get(aside[0]!.index)!.start, at.get(aside.at(-1)!.index)!.end);
  const rest = text.slice(at.get(closing + 1)!.start);
  // "Elle essaya" → "elle essaya"; a name stays as it is.
  const lowered = words[first]!.upos === "PROPN" ? clause : clause.replace(/^\p{Lu}/u, (letter) => letter.toLowerCase());
  return `${text.slice(0, at.get(first)!.start)}${capitalizeFirst(asideText)}, ${lowered} ${rest}`;
}

// "Rodolphe, le soir,", "La terre, à un endroit,": a name or an article, at most four more words, a comma, a phrase, a comma.
export const opensOnSubjectAndAside = /^(\p{Lu}[\p{L}.'’-]*)(\s[^\s,]+){0,4},[^,]{1,60},/u;

// A connective that ties the sentence to the one before it, then the subject: "Mais le curé, soudain, …".
const openingConnective = /^(Et puis|Et|Mais|Puis|Alors|Enfin|Or|Car|Cependant|Pourtant|Aussi)\s+(?=\p{L})/u;

/**
 * `text` that opens on a connective, with the phrase after its subject or
 * its verb moved first, after the connective: "Mais le curé, soudain,
 * distribua sur tous une grêle de soufflets." → "Mais soudain, le curé
 * distribua…". The clause is parsed without its connective, which the
 * parse reads badly at a sentence's start ("Et puis" as a form of pouvoir).
 * Else undefined.
 */
export function asideAfterConnective(text: string): string | undefined {
  const connective = openingConnective.exec(text)?.[0];
  if (!connective) return undefined;
  const clause = capitalizeFirst(text.slice(connective.length));
  // (Parsed only where it looks like one: a short subject, then a phrase between commas.)
  if (!opensOnSubjectAndAside.test(clause)) return undefined;
  const tree = parseTree(clause);
  const moved = asideBeforeSubject(clause, tree) ?? asideAfterVerb(clause, tree);
  if (!moved) return undefined;
  // The phrase keeps the book's capital only where the book gave it one ("Mais, à Rouen," → "Mais à Rouen,").
  const firstWord = /^\p{L}+/u.exec(moved)?.[0] ?? "";
  const capitalized = new RegExp(`(?<!\\p{L})${firstWord}(?!\\p{L})`, "u").test(clause.slice(1));
  return connective + (capitalized ? moved : moved.replace(/^\p{Lu}/u, (letter) => letter.toLowerCase()));
}

// "Il y avait sous le hangar ‖ deux grandes charrettes": with a phrase of place or time between "il y a"
// and what there is, the cut leaves "Il y avait sous le hangar" saying nothing. Set first, as French
// often sets it, the phrase leaves the clause whole: "Sous le hangar, il y avait deux grandes charrettes".
function thereIsAfterPhrase(whatThereIs: string): RegExp {
  return new RegExp(
    "^((?:Et|Mais|Puis|Or)\\s+)?" +
      "([Ii]l y (?:a|avait|eut|aura|aurait|eût|ait)(?:\\s+(?:alors|encore|toujours|déjà|souvent|aussi|même|parfois|quelquefois))*)\\s+" +
      "((?:dans|sur|sous|à|au|aux|en|pour|derrière|devant|chez|entre|parmi|contre|vers|près de|auprès de|autour de|au milieu de|au fond de|le long de|à côté de)\\s[^,;:.!?«»()_—–-]+?)\\s+" +
      `((?:${whatThereIs})(?!\\p{L})[\\s\\S]*)$`,
    "u",
  );
}

// What there is opens on a number or an indefinite word, which no phrase takes without "de": the phrase
// ends right before it. Or on "des", "du", "de la", which may also be the phrase's own complement ("la cour
// des voisins"): only where no other noun phrase follows it in the clause to be what there is instead.
const indefiniteAfterPhrase = thereIsAfterPhrase("un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt|trente|cent|mille|quelques?|plusieurs|beaucoup|tant|trop|certains|certaines");
const partitiveAfterPhrase = thereIsAfterPhrase("des|du|de la|de l['’]");
const clauseEnd = /[,;:.!?…]|\s(?:qui|que|qu['’]|dont|où)(?!\p{L})/u;
const article = /^(un|une|des|du|le|la|les|l['’])$/u;
const preposition = /^(de|d['’]|à|dans|sur|en|par|pour|avec|sans|sous|vers|chez|entre)$/u;

/** Whether a noun phrase with its article, not after a preposition, follows the first in `clause`: "de la route ‖ des arbres". */
function secondNounPhrase(clause: string): boolean {
  const end = clause.search(clauseEnd);
  const words = clause.slice(0, end === -1 ? clause.length : end).toLowerCase().split(/\s+|(?<=['’])/u).filter(Boolean);
  for (let index = words[0] === "de" ? 2 : 1; index < words.length; index += 1) {
    if (article.test(words[index]!) && !preposition.test(words[index - 1]!)) return true;
  }
  return false;
}

/**
 * `text` that opens on "il y a" and a phrase before what there is, with the
 * phrase first: "Il y a dans le vieil ordre social une foule
 * d'institutions…" → "Dans le vieil ordre social, il y a une foule
 * d'institutions…". Else undefined.
 */
export function phraseBeforeThereIs(text: string): string | undefined {
  const partitive = () => {
    const found = partitiveAfterPhrase.exec(text);
    return found && !secondNounPhrase(found[4]!) ? found : null;
  };
  const match = indefiniteAfterPhrase.exec(text) ?? partitive();
  if (!match) return undefined;
  const [, connective = "", thereIs, phrase, rest] = match as unknown as [string, string | undefined, string, string, string];
  // A phrase of a few words ("dans la cour de la ferme"), not a clause the pattern ran into.
  if (countWords(phrase) > 6 || /(?<!\p{L})(qui|que|qu['’]|dont|où|et|ou|mais)(?!\p{L})/iu.test(phrase)) return undefined;
  // Nor an adverb of several words, which says how much or how, not where: "Il y avait à peu près une heure", "en outre".
  if (findLocutions(phrase.toLowerCase().split(/\s+/u)).some((found) => found.locution.kind === "adverb" && found.first === 0)) return undefined;
  const opening = connective ? phrase : capitalizeFirst(phrase);
  return `${connective}${opening}, ${thereIs.replace(/^Il/u, "il")} ${rest}`;
}
