// Training the parser from Universal Dependencies treebanks: each part on
// the gold annotation of the training files, in a seeded order, so that the
// same files give the same model byte for byte.
import { sentenceWords, type ConlluSentence } from "@/lib/french/parser/conllu";
import { trainTagger, type TaggedToken } from "@/lib/french/parser/tagger";
import { trainMorphology } from "@/lib/french/parser/morphology";
import { trainArcHybrid, type ParserWord, type TreeExample } from "@/lib/french/parser/arc-hybrid";
import { trainLabeller } from "@/lib/french/parser/labeller";
import { trainLemmas } from "@/lib/french/parser/lemmas";
import { featureForm } from "@/lib/french/parser/lexical-features";
import type { ParserModel } from "@/lib/french/parser/model-file";

export interface TrainingOptions {
  /** File names, for the model's header. */
  trainedOn: string[];
  seed: number;
  epochs: { tagger: number; morphology: number; parser: number; labeller: number };
  /** Called after each part with its name and the seconds it took. */
  progress?: (part: string, seconds: number) => void;
}

function tokenTags(sentence: ConlluSentence): TaggedToken[] {
  return sentence.tokens.map((token) => ({ form: token.form, tag: token.words.map((word) => word.upos).join("+") }));
}

function contractionsOf(sentences: readonly ConlluSentence[]): Record<string, string[]> {
  const contractions: Record<string, string[]> = {};
  for (const token of sentences.flatMap((sentence) => sentence.tokens)) {
    if (token.words.length < 2) continue;
    const key = `${featureForm(token.form)}\t${token.words.map((word) => word.upos).join("+")}`;
    contractions[key] ??= token.words.map((word) => featureForm(word.form));
  }
  return Object.fromEntries(Object.entries(contractions).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function treeExample(sentence: ConlluSentence): TreeExample & { labels: string[] } {
  const words = sentenceWords(sentence);
  const parserWords: ParserWord[] = words.map((word) => ({ form: word.form, upos: word.upos, feats: word.feats }));
  return {
    words: parserWords,
    heads: Int32Array.from([-1, ...words.map((word) => word.head)]),
    labels: ["-", ...words.map((word) => word.deprel)],
  };
}

/**
 * The sentence as a line of dialogue in a novel: an opening dash attached to
 * the root as punctuation. The treebanks have none, and novels open every
 * other line with one.
 */
function asDialogueLine(sentence: ConlluSentence): ConlluSentence {
  const shifted = sentence.tokens.map((token) => ({
    ...token,
    words: token.words.map((word) => ({ ...word, head: word.head > 0 ? word.head + 1 : word.head })),
  }));
  const root = sentenceWords(sentence).findIndex((word) => word.head === 0) + 2;
  const dash = { form: "—", lemma: "—", upos: "PUNCT", xpos: "_", feats: "_", head: root, deprel: "punct", deps: "_", misc: "_" };
  return { comments: [], tokens: [{ form: "—", words: [dash], misc: "_", emptyNodes: [] }, ...shifted] };
}

/**
 * Two sentences as one, as a novel writes them: the first one's full stop
 * becomes ", et" (the second clause joined to the first) or ";" (set beside
 * it). The treebanks' sentences are half as long as a novel's, whose clauses
 * the parser must tell apart.
 */
function joined(first: ConlluSentence, second: ConlluSentence, withAnd: boolean): ConlluSentence | undefined {
  const firstWords = sentenceWords(first);
  const secondWords = sentenceWords(second);
  const firstRoot = firstWords.findIndex((word) => word.head === 0) + 1;
  const secondRoot = secondWords.findIndex((word) => word.head === 0) + 1;
  const last = first.tokens.at(-1);
  if (!last || last.words.length !== 1 || last.words[0]!.form !== "." || firstRoot === 0 || secondRoot === 0) return undefined;
  const kept = first.tokens.slice(0, -1);
  const offset = firstWords.length - 1 + (withAnd ? 2 : 1);
  const mark = { form: withAnd ? "," : ";", lemma: withAnd ? "," : ";", upos: "PUNCT", xpos: "_", feats: "_", head: secondRoot + offset, deprel: "punct", deps: "_", misc: "_" };
  const and = { form: "et", lemma: "et", upos: "CCONJ", xpos: "_", feats: "_", head: secondRoot + offset, deprel: "cc", deps: "_", misc: "_" };
  const shifted = second.tokens.map((token, index) => ({
    ...token,
    form: index === 0 && token.words[0]?.upos !== "PROPN" ? token.form.replace(/^\p{Lu}/u, (letter) => letter.toLowerCase()) : token.form,
    words: token.words.map((word, at) => {
      const form = index === 0 && at === 0 && word.upos !== "PROPN" ? word.form.replace(/^\p{Lu}/u, (letter) => letter.toLowerCase()) : word.form;
      if (word.head === 0) return { ...word, form, head: firstRoot, deprel: withAnd ? "conj" : "parataxis" };
      // The second sentence's final mark ends the whole.
      const final = index === second.tokens.length - 1 && word.upos === "PUNCT";
      return { ...word, form, head: final ? firstRoot : word.head + offset };
    }),
  }));
  const single = (word: typeof mark) => ({ form: word.form, words: [word], misc: "_", emptyNodes: [] });
  return { comments: [], tokens: [...kept, single(mark), ...(withAnd ? [single(and)] : []), ...shifted] };
}

/** The training sentences, every `joinEvery`-th one also joined to the next, as a novel's long sentences are. */
export function withJoinedSentences(sentences: readonly ConlluSentence[], joinEvery: number): ConlluSentence[] {
  return sentences.flatMap((sentence, index) => {
    const next = sentences[index + 1];
    const both = index % joinEvery === 0 && next ? joined(sentence, next, index % (2 * joinEvery) === 0) : undefined;
    return both ? [sentence, both] : [sentence];
  });
}

/** The training sentences, every `dialogueEvery`-th one also as a line of dialogue. */
export function withDialogueLines(sentences: readonly ConlluSentence[], dialogueEvery: number): ConlluSentence[] {
  return sentences.flatMap((sentence, index) => (index % dialogueEvery === 0 ? [sentence, asDialogueLine(sentence)] : [sentence]));
}

export function trainParserModel(sentences: readonly ConlluSentence[], options: TrainingOptions): ParserModel {
  const timed = <T>(part: string, work: () => T): T => {
    const started = performance.now();
    const result = work();
    options.progress?.(part, (performance.now() - started) / 1000);
    return result;
  };
  const { seed, epochs } = options;
  const tagger = timed("tagger", () => trainTagger(sentences.map(tokenTags), epochs.tagger, seed));
  const morphology = timed("morphology", () => trainMorphology(sentences.map(sentenceWords), epochs.morphology, seed + 1));
  const trees = sentences.map(treeExample);
  const parser = timed("parser", () => trainArcHybrid(trees, epochs.parser, seed + 2));
  const labeller = timed("labeller", () => trainLabeller(trees, epochs.labeller, seed + 3));
  const lemmas = timed("lemmas", () => trainLemmas(sentences.flatMap(sentenceWords)));
  return {
    header: {
      format: 1,
      trainedOn: options.trainedOn,
      tags: [...tagger.tags],
      contractions: contractionsOf(sentences),
      bundles: [...morphology.bundles],
      bundlesByUpos: Object.fromEntries(Object.entries(morphology.bundlesByUpos).map(([upos, list]) => [upos, [...list]])),
      labels: [...labeller.labels],
      lemmaExceptions: { ...lemmas.exceptions },
    },
    perceptrons: {
      tagger: tagger.perceptron,
      morphology: morphology.perceptron,
      parser: parser.perceptron,
      labeller: labeller.perceptron,
    },
  };
}
