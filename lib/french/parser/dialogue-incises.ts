// Training sentences with a novel's speech tags. A novel names who speaks in
// an incise whose subject follows its verb: "Cependant, reprit Emma, ils
// fatiguent", "Il dort, dit-il.". The treebanks' news have a few ("a précisé
// Roger Thiriot"), too few for the parser, which took the speaker for the
// object of "reprit" and "-il" for an impersonal subject. A copy of a
// sentence with such an incise inserted after one of its commas, or before
// its last mark, shows the parser the construction with the tree the
// treebanks give it: the incise's verb a parataxis:insert of the sentence's
// root, the speaker its nsubj.
import { sentenceWords, type ConlluSentence, type ConlluToken, type ConlluWord } from "@/lib/french/parser/conllu";
import type { Conjugations } from "@/lib/french/parser/novel-tenses";

// Verbs of saying, as novels tag speech; the reflexive one takes "s'".
const speechVerbs = ["dire", "reprendre", "répondre", "demander", "ajouter", "continuer", "murmurer", "s'écrier", "faire", "répliquer", "penser", "poursuivre"];

export interface Speaker {
  /** The speaker's words, in order, the last one the head (a determiner and its noun, or a name). */
  words: ConlluWord[];
  plural: boolean;
  /** A subject pronoun, written joined to the verb ("-il", "-t-il"). */
  pronoun: boolean;
}

function word(form: string, lemma: string, upos: string, feats: string, head: number, deprel: string, misc = "_"): ConlluWord {
  return { form, lemma, upos, xpos: "_", feats, head, deprel, deps: "_", misc };
}

/**
 * The speakers the treebanks themselves give: their subject pronouns
 * (il, elle, ils, elles, with the treebanks' lemma and features), their
 * subjects made of a determiner and a noun, and their one-word names.
 */
function treebankSpeakers(sentences: readonly ConlluSentence[]): { pronouns: Speaker[]; phrases: Speaker[] } {
  const pronouns = new Map<string, Speaker>();
  const phrases: Speaker[] = [];
  for (const sentence of sentences) {
    const words = sentenceWords(sentence);
    words.forEach((subject, index) => {
      if (subject.deprel !== "nsubj") return;
      const children = words.filter((other) => other.head === index + 1);
      const plural = subject.feats.includes("Number=Plur");
      if (subject.upos === "PRON" && /^(il|elle|ils|elles)$/u.test(subject.form) && !pronouns.has(subject.form)) {
        pronouns.set(subject.form, { words: [word(subject.form, subject.lemma, "PRON", subject.feats, 0, "nsubj")], plural, pronoun: true });
      } else if (subject.upos === "PROPN" && children.length === 0 && /^\p{Lu}\p{Ll}+$/u.test(subject.form)) {
        phrases.push({ words: [word(subject.form, subject.lemma, "PROPN", subject.feats, 0, "nsubj")], plural: false, pronoun: false });
      } else if (subject.upos === "NOUN" && children.length === 1 && children[0] === words[index - 1] && children[0]!.upos === "DET") {
        const determiner = children[0]!;
        const lowered = determiner.form.replace(/^\p{Lu}/u, (letter) => letter.toLowerCase());
        phrases.push({
          words: [word(lowered, determiner.lemma, "DET", determiner.feats, 0, "det"), word(subject.form, subject.lemma, "NOUN", subject.feats, 0, "nsubj")],
          plural,
          pronoun: false,
        });
      }
    });
  }
  return { pronouns: [...pronouns.values()], phrases };
}

/** The incise's words, heads relative to its verb at `verbAt` (1-based, in the sentence as it will be). */
function inciseWords(verb: string, lemma: string, speaker: Speaker, verbAt: number): ConlluWord[] {
  const reflexive = lemma.startsWith("s'");
  const number = speaker.plural ? "Plur" : "Sing";
  const verbWord = word(verb, reflexive ? lemma.slice(2) : lemma, "VERB", `Mood=Ind|Number=${number}|Person=3|Tense=Past|VerbForm=Fin`, 0, "parataxis:insert");
  const words = reflexive ? [word("s'", "se", "PRON", "Person=3|PronType=Prs|Reflex=Yes", verbAt, "expl:pv", "SpaceAfter=No"), verbWord] : [verbWord];
  const speakerAt = verbAt + 1;
  const speakerWords = speaker.words.map((part, index) => {
    const isHead = index === speaker.words.length - 1;
    const form = speaker.pronoun ? `${/[ae]$/u.test(verb) ? "-t-" : "-"}${part.form}` : part.form;
    return { ...part, form, head: isHead ? verbAt : speakerAt + speaker.words.length - 1, deprel: isHead ? "nsubj" : part.deprel };
  });
  if (speaker.pronoun) verbWord.misc = "SpaceAfter=No";
  return [...words, ...speakerWords];
}

/**
 * The sentence with an incise inserted: after its first comma when
 * `middle` and it has one (closed by a comma of its own), else before its
 * final mark (opened by a comma). Undefined when the sentence has no single
 * root or its final word is no punctuation.
 */
export function withIncise(sentence: ConlluSentence, verb: string, lemma: string, speaker: Speaker, middle: boolean): ConlluSentence | undefined {
  const words = sentenceWords(sentence);
  const roots = words.flatMap((candidate, index) => (candidate.head === 0 ? [index + 1] : []));
  const last = sentence.tokens.at(-1);
  if (roots.length !== 1 || !last || last.words.length !== 1 || last.words[0]!.upos !== "PUNCT") return undefined;
  const commaToken = middle ? sentence.tokens.findIndex((token, index) => index > 0 && index < sentence.tokens.length - 2 && token.form === ",") : -1;
  const tokenAt = commaToken >= 0 ? commaToken + 1 : sentence.tokens.length - 1;
  // Words before the insertion point keep their number; the others move up by the incise's length.
  const wordAt = sentence.tokens.slice(0, tokenAt).reduce((count, token) => count + token.words.length, 0) + 1;
  const opening = commaToken < 0;
  const verbAt = wordAt + (opening ? 1 : 0) + (lemma.startsWith("s'") ? 1 : 0);
  const incise = inciseWords(verb, lemma, speaker, verbAt);
  const comma = word(",", ",", "PUNCT", "_", verbAt, "punct");
  const inserted = opening ? [comma, ...incise] : [...incise, comma];
  const shift = (head: number) => (head >= wordAt ? head + inserted.length : head);
  const root = shift(roots[0]!);
  const moved = sentence.tokens.map((token) => ({ ...token, words: token.words.map((part) => ({ ...part, head: part.head > 0 ? shift(part.head) : part.head })) }));
  const newTokens: ConlluToken[] = inserted.map((part) => ({
    form: part.form,
    words: [part.deprel === "parataxis:insert" ? { ...part, head: root } : part],
    misc: "_",
    emptyNodes: [],
  }));
  return { comments: [], tokens: [...moved.slice(0, tokenAt), ...newTokens, ...moved.slice(tokenAt)] };
}

/**
 * The training sentences, every `every`-th one also with a speech tag in the
 * passé simple, its verb and speaker drawn in turn (a pronoun one time in
 * two, as novels write them), two in three in the sentence's middle.
 */
export function withDialogueIncises(sentences: readonly ConlluSentence[], every: number, conjugations: Conjugations): ConlluSentence[] {
  const { pronouns, phrases } = treebankSpeakers(sentences);
  let drawn = 0;
  return sentences.flatMap((sentence, index) => {
    if (index % every !== 0 || pronouns.length === 0 || phrases.length === 0) return [sentence];
    drawn += 1;
    const speaker = drawn % 2 === 0 ? pronouns[(drawn / 2) % pronouns.length]! : phrases[(drawn * 7919) % phrases.length]!;
    const lemma = speechVerbs[drawn % speechVerbs.length]!;
    const verb = conjugations.get(`${lemma.replace(/^s'/u, "")} J3${speaker.plural ? "p" : "s"}`);
    const copy = verb ? withIncise(sentence, verb, lemma, speaker, drawn % 3 !== 0) : undefined;
    return copy ? [sentence, copy] : [sentence];
  });
}
