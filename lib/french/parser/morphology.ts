// Morphological features of each word (Gender, Number, Person, VerbForm,
// Mood, Tense, PronType…), predicted as one bundle per word among the
// bundles the training data shows for its part of speech, so that a bundle
// is always one the treebanks use ("Mood=Ind|Number=Sing|Person=3|
// Tense=Imp|VerbForm=Fin", never a Tense without a Mood).
import { bestClass, hashFeature, type FrozenPerceptron, PerceptronTrainer } from "@/lib/french/parser/perceptron";
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

function wordFeatures(words: readonly { form: string; upos: string }[], lower: readonly string[], index: number): number[] {
  const word = lower[index]!;
  const upos = words[index]!.upos;
  const at = (offset: number) => words[index + offset];
  const lowerAt = (offset: number) => lower[index + offset] ?? "<>";
  const lexical = lexicalMorphology(word);
  const features = [
    `u=${upos}`,
    `w=${word}|${upos}`,
    `s1=${suffix(word, 1)}|${upos}`,
    `s2=${suffix(word, 2)}|${upos}`,
    `s3=${suffix(word, 3)}|${upos}`,
    `s4=${suffix(word, 4)}|${upos}`,
    `lm=${lexical}|${upos}`,
    `u-1=${at(-1)?.upos}|${upos}`,
    `u+1=${at(1)?.upos}|${upos}`,
    `w-1=${lowerAt(-1)}|${upos}`,
    `w+1=${lowerAt(1)}|${upos}`,
    `w-2=${lowerAt(-2)}|${upos}`,
    `s3+1=${suffix(lowerAt(1), 3)}|${upos}`,
    `lm+1=${lexicalMorphology(lowerAt(1))}|${upos}`,
    `lm-1=${lexicalMorphology(lowerAt(-1))}|${upos}`,
  ];
  for (const tag of lexical.split("|")) features.push(`lt=${tag}|${upos}`);
  return features.map(hashFeature);
}

/** The feature bundle of every word of a sentence whose UPOS are known. */
export function tagMorphology(model: MorphologyModel, words: readonly { form: string; upos: string }[]): string[] {
  const lower = words.map((word) => featureForm(word.form));
  const scores = new Float64Array(model.bundles.length);
  return words.map((word, index) => {
    const allowed = model.bundlesByUpos[word.upos];
    if (!allowed || allowed.length === 0) return "_";
    if (allowed.length === 1) return model.bundles[allowed[0]!]!;
    model.perceptron.scores(wordFeatures(words, lower, index), scores);
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
  const prepared = sentences.map((sentence) => ({ sentence, lower: sentence.map((word) => featureForm(word.form)) }));
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    for (const { sentence, lower } of shuffled(prepared, random)) {
      sentence.forEach((word, index) => {
        const allowed = bundlesByUpos[word.upos]!;
        if (allowed.length < 2) return;
        const features = wordFeatures(sentence, lower, index);
        const guess = bestClass(trainer.scores(features, scores), allowed);
        trainer.tick();
        trainer.update(bundleIndex.get(word.feats)!, guess, features);
      });
    }
  }
  return { bundles, bundlesByUpos, perceptron: trainer.freeze() };
}
