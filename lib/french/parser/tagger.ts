// Parts of speech of surface tokens, left to right, each decision seeing the
// two before it. A token's tag is its words' tags joined by "+": "du" is
// ADP+DET (de + le), "des" either ADP+DET or DET, so the tagger also decides
// which contractions are two words.
import { bestClass, hashFeature, type FrozenPerceptron, PerceptronTrainer } from "@/lib/french/parser/perceptron";
import { featureForm, lexicalClass, wordShape } from "@/lib/french/parser/lexical-features";
import { seededRandom, shuffled } from "@/lib/french/parser/random";

export interface TaggedToken {
  form: string;
  /** The words' UPOS joined by "+". */
  tag: string;
}

interface Scorer {
  scores(features: readonly number[], into?: Float64Array): Float64Array;
}

/** What the tagger sees of a sentence, computed once per sentence. */
interface TokenContext {
  forms: string[];
  lower: string[];
  classes: string[];
}

function tokenContext(forms: readonly string[]): TokenContext {
  const lower = forms.map(featureForm);
  return { forms: [...forms], lower, classes: forms.map(lexicalClass) };
}

function suffix(word: string, length: number): string {
  return word.length > length ? word.slice(-length) : word;
}

function tokenFeatures(context: TokenContext, index: number, previous: string, beforePrevious: string): number[] {
  const { forms, lower, classes } = context;
  const word = lower[index]!;
  const at = (offset: number, of: string[]) => of[index + offset] ?? (offset < 0 ? "<s>" : "</s>");
  const features = [
    "bias",
    `w=${word}`,
    `s1=${suffix(word, 1)}`,
    `s2=${suffix(word, 2)}`,
    `s3=${suffix(word, 3)}`,
    `s4=${suffix(word, 4)}`,
    `p2=${word.slice(0, 2)}`,
    `sh=${wordShape(forms[index]!)}`,
    `sh0=${wordShape(forms[index]!)}|${index === 0}`,
    `t1=${previous}`,
    `t2=${beforePrevious}|${previous}`,
    `t1w=${previous}|${word}`,
    `w-1=${at(-1, lower)}`,
    `w-2=${at(-2, lower)}`,
    `w+1=${at(1, lower)}`,
    `w+2=${at(2, lower)}`,
    `ww+1=${word}|${at(1, lower)}`,
    `w-1w=${at(-1, lower)}|${word}`,
    `l=${classes[index]}`,
    `lt1=${classes[index]}|${previous}`,
    `lw=${classes[index]}|${word}`,
    `l-1=${at(-1, classes)}`,
    `l+1=${at(1, classes)}`,
    `l+2=${at(2, classes)}`,
    `ll+1=${classes[index]}|${at(1, classes)}`,
    `t1l+1=${previous}|${classes[index]}|${at(1, classes)}`,
    `s3+1=${suffix(at(1, lower), 3)}`,
    `s3-1=${suffix(at(-1, lower), 3)}`,
  ];
  return features.map(hashFeature);
}

function decode(model: Scorer, tags: readonly string[], context: TokenContext, allowed?: (index: number) => readonly number[] | undefined): number[] {
  const chosen: number[] = [];
  const scores = new Float64Array(tags.length);
  for (let index = 0; index < context.forms.length; index += 1) {
    const previous = index > 0 ? tags[chosen[index - 1]!]! : "<s>";
    const beforePrevious = index > 1 ? tags[chosen[index - 2]!]! : "<s>";
    model.scores(tokenFeatures(context, index, previous, beforePrevious), scores);
    chosen.push(bestClass(scores, allowed?.(index)));
  }
  return chosen;
}

export interface TaggerModel {
  tags: readonly string[];
  perceptron: FrozenPerceptron;
}

/**
 * Tags a sentence's tokens; `allowed`, when given, lists the tag indices
 * each token may take (a token given as two words, a form that is no
 * contraction).
 */
export function tagTokens(
  model: TaggerModel,
  forms: readonly string[],
  allowed?: (index: number) => readonly number[] | undefined,
): string[] {
  return decode(model.perceptron, model.tags, tokenContext(forms), allowed).map((index) => model.tags[index]!);
}

/** Trains on gold sentences, `epochs` passes in a seeded order; returns the averaged model. */
export function trainTagger(sentences: readonly TaggedToken[][], epochs: number, seed: number): TaggerModel {
  const tags = [...new Set(sentences.flatMap((sentence) => sentence.map((token) => token.tag)))].sort();
  const tagIndex = new Map(tags.map((tag, index) => [tag, index]));
  const trainer = new PerceptronTrainer(tags.length);
  const random = seededRandom(seed);
  const contexts = sentences.map((sentence) => ({
    context: tokenContext(sentence.map((token) => token.form)),
    gold: sentence.map((token) => tagIndex.get(token.tag)!),
  }));
  const scores = new Float64Array(tags.length);
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    for (const { context, gold } of shuffled(contexts, random)) {
      // The previous tags are the model's own guesses, as when tagging.
      const guesses: number[] = [];
      for (let index = 0; index < gold.length; index += 1) {
        const previous = index > 0 ? tags[guesses[index - 1]!]! : "<s>";
        const beforePrevious = index > 1 ? tags[guesses[index - 2]!]! : "<s>";
        const features = tokenFeatures(context, index, previous, beforePrevious);
        const guess = bestClass(trainer.scores(features, scores));
        trainer.tick();
        trainer.update(gold[index]!, guess, features);
        guesses.push(guess);
      }
    }
  }
  return { tags, perceptron: trainer.freeze() };
}
