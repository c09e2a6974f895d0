// Morphological features of each word (Gender, Number, Person, VerbForm,
// Mood, Tense, PronType…), predicted as one bundle per word among the
// bundles the training data shows for its part of speech, so that a bundle
// is always one the treebanks use ("Mood=Ind|Number=Sing|Person=3|
// Tense=Imp|VerbForm=Fin", never a Tense without a Mood).
import {
  bestClass,
  combine1,
  combine2,
  hashFeature,
  type FrozenPerceptron,
  PerceptronTrainer,
} from "@/lib/french/parser/perceptron";
import { featureForm, lexicalMorphology } from "@/lib/french/parser/lexical-features";
import { seededRandom, shuffled } from "@/lib/french/parser/random";

export interface MorphWord {
  form: string;
  upos: string;
  /** The bundle, "_" when none. */
  feats: string;
}

export interface MorphologyModel {
  bundles: readonly string[];
  /** For each UPOS, the indices of the bundles seen with it in training. */
  bundlesByUpos: Readonly<Record<string, readonly number[]>>;
  perceptron: FrozenPerceptron;
}

function suffix(word: string, length: number): string {
  return word.length > length ? word.slice(-length) : word;
}

const outside = hashFeature("<>");

/** Each word's parts, hashed once per sentence; two positions of padding on each side. */
interface WordContext {
  upos: Uint32Array;
  word: Uint32Array;
  suffixes: Uint32Array[];
  lexical: Uint32Array;
  /** Each Lefff inflection of the word on its own ("v:P3s"). */
  lexicalTags: number[][];
}

const padding = 2;

function wordContext(words: readonly { form: string; upos: string }[]): WordContext {
  const size = words.length + 2 * padding;
  const make = () => new Uint32Array(size).fill(outside);
  const context: WordContext = { upos: make(), word: make(), suffixes: [make(), make(), make(), make()], lexical: make(), lexicalTags: [] };
  words.forEach((word, index) => {
    const at = index + padding;
    const parts = partsOf(word.form);
    context.upos[at] = uposHash(word.upos);
    context.word[at] = parts.word;
    context.suffixes.forEach((array, length) => (array[at] = parts.suffixes[length]!));
    context.lexical[at] = parts.lexical;
    context.lexicalTags.push(parts.lexicalTags);
  });
  return context;
}

interface FormParts {
  word: number;
  suffixes: number[];
  lexical: number;
  lexicalTags: number[];
}

// A form's hashed parts, worked out once per process: novels repeat their words.
const formParts = new Map<string, FormParts>();
const uposHashes = new Map<string, number>();

function uposHash(upos: string): number {
  let hash = uposHashes.get(upos);
  if (hash === undefined) uposHashes.set(upos, (hash = hashFeature(`u ${upos}`)));
  return hash;
}

function partsOf(form: string): FormParts {
  let parts = formParts.get(form);
  if (parts) return parts;
  const lower = featureForm(form);
  const lexical = lexicalMorphology(lower);
  parts = {
    word: hashFeature(`w ${lower}`),
    suffixes: [1, 2, 3, 4].map((length) => hashFeature(`s ${suffix(lower, length)}`)),
    lexical: hashFeature(`m ${lexical}`),
    lexicalTags: lexical.split("|").map((tag) => hashFeature(`t ${tag}`)),
  };
  if (formParts.size > 200_000) formParts.clear();
  formParts.set(form, parts);
  return parts;
}

function wordFeatures(context: WordContext, index: number): number[] {
  const at = index + padding;
  const { upos, word, suffixes, lexical } = context;
  const u = upos[at]!;
  const features = [
    combine1(1, u),
    combine2(2, word[at]!, u),
    combine2(3, suffixes[0]![at]!, u),
    combine2(4, suffixes[1]![at]!, u),
    combine2(5, suffixes[2]![at]!, u),
    combine2(6, suffixes[3]![at]!, u),
    combine2(7, lexical[at]!, u),
    combine2(8, upos[at - 1]!, u),
    combine2(9, upos[at + 1]!, u),
    combine2(10, word[at - 1]!, u),
    combine2(11, word[at + 1]!, u),
    combine2(12, word[at - 2]!, u),
    combine2(13, suffixes[2]![at + 1]!, u),
    combine2(14, lexical[at + 1]!, u),
    combine2(15, lexical[at - 1]!, u),
  ];
  for (const tag of context.lexicalTags[index]!) features.push(combine2(16, tag, u));
  return features;
}

/** The feature bundle of every word of a sentence whose UPOS are known. */
export function tagMorphology(model: MorphologyModel, words: readonly { form: string; upos: string }[]): string[] {
  const context = wordContext(words);
  const scores = new Float64Array(model.bundles.length);
  return words.map((word, index) => {
    const allowed = model.bundlesByUpos[word.upos];
    if (!allowed || allowed.length === 0) return "_";
    if (allowed.length === 1) return model.bundles[allowed[0]!]!;
    model.perceptron.scores(wordFeatures(context, index), scores);
    return model.bundles[bestClass(scores, allowed)]!;
  });
}

export function trainMorphology(sentences: readonly MorphWord[][], epochs: number, seed: number): MorphologyModel {
  const bundles = [...new Set(sentences.flatMap((sentence) => sentence.map((word) => word.feats)))].sort();
  const bundleIndex = new Map(bundles.map((bundle, index) => [bundle, index]));
  const byUpos = new Map<string, Set<number>>();
  for (const word of sentences.flat()) {
    const seen = byUpos.get(word.upos) ?? new Set<number>();
    seen.add(bundleIndex.get(word.feats)!);
    byUpos.set(word.upos, seen);
  }
  const bundlesByUpos = Object.fromEntries([...byUpos].map(([upos, seen]) => [upos, [...seen].sort((a, b) => a - b)]));
  const trainer = new PerceptronTrainer(bundles.length);
  const random = seededRandom(seed);
  const scores = new Float64Array(bundles.length);
  const prepared = sentences.map((sentence) => ({ sentence, context: wordContext(sentence) }));
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    for (const { sentence, context } of shuffled(prepared, random)) {
      sentence.forEach((word, index) => {
        const allowed = bundlesByUpos[word.upos]!;
        if (allowed.length < 2) return;
        const features = wordFeatures(context, index);
        const guess = bestClass(trainer.scores(features, scores), allowed);
        trainer.tick();
        trainer.update(bundleIndex.get(word.feats)!, guess, features);
      });
    }
  }
  return { bundles, bundlesByUpos, perceptron: trainer.freeze() };
}
