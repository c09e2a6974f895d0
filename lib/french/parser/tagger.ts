// Parts of speech of surface tokens, left to right, each decision seeing the
// two before it. A token's tag is its words' tags joined by "+": "du" is
// ADP+DET (de + le), "des" either ADP+DET or DET, so the tagger also decides
// which contractions are two words.
import {
  bestClass,
  combine1,
  combine2,
  combine3,
  hashFeature,
  type FrozenPerceptron,
  PerceptronTrainer,
} from "@/lib/french/parser/perceptron";
import { featureForm, lexicalClass, wordShape } from "@/lib/french/parser/lexical-features";
import { seededRandom, shuffled } from "@/lib/french/parser/random";

export interface TaggedToken {
  form: string;
  /** The words' UPOS joined by "+". */
  tag: string;
}

interface Scorer {
  scores(features: ArrayLike<number>, into?: Float64Array, count?: number): Float64Array;
  addScores(features: ArrayLike<number>, into: Float64Array, count?: number): Float64Array;
}

/**
 * What the tagger sees of each token, hashed once per sentence: the word,
 * its suffixes and prefix, its shape, its Lefff classes. Index 0 and the
 * last two are padding, so that neighbours two away always exist.
 */
interface TokenContext {
  length: number;
  word: Uint32Array;
  suffix1: Uint32Array;
  suffix2: Uint32Array;
  suffix3: Uint32Array;
  suffix4: Uint32Array;
  prefix2: Uint32Array;
  shape: Uint32Array;
  lexical: Uint32Array;
}

const padding = 2;
const outside = hashFeature("<s>");

function suffix(word: string, length: number): string {
  return word.length > length ? word.slice(-length) : word;
}

// A form's parts, hashed: word, four suffixes, prefix, shape, Lefff classes.
// Novels repeat their words, so each form is worked out once per process.
const formParts = new Map<string, Uint32Array>();

function partsOf(form: string): Uint32Array {
  let parts = formParts.get(form);
  if (parts) return parts;
  const lower = featureForm(form);
  parts = Uint32Array.of(
    hashFeature(`w ${lower}`),
    hashFeature(`s ${suffix(lower, 1)}`),
    hashFeature(`s ${suffix(lower, 2)}`),
    hashFeature(`s ${suffix(lower, 3)}`),
    hashFeature(`s ${suffix(lower, 4)}`),
    hashFeature(`p ${lower.slice(0, 2)}`),
    hashFeature(`h ${wordShape(form)}`),
    hashFeature(`l ${lexicalClass(form)}`),
  );
  if (formParts.size > 200_000) formParts.clear();
  formParts.set(form, parts);
  return parts;
}

function tokenContext(forms: readonly string[]): TokenContext {
  const size = forms.length + 2 * padding;
  const arrays = Array.from({ length: 8 }, () => new Uint32Array(size).fill(outside));
  const [word, suffix1, suffix2, suffix3, suffix4, prefix2, shape, lexical] = arrays as [
    Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array,
  ];
  forms.forEach((form, index) => {
    const parts = partsOf(form);
    const at = index + padding;
    word[at] = parts[0]!;
    suffix1[at] = parts[1]!;
    suffix2[at] = parts[2]!;
    suffix3[at] = parts[3]!;
    suffix4[at] = parts[4]!;
    prefix2[at] = parts[5]!;
    shape[at] = parts[6]!;
    lexical[at] = parts[7]!;
  });
  return { length: forms.length, word, suffix1, suffix2, suffix3, suffix4, prefix2, shape, lexical };
}

// A token's features: those of its form alone, then those of its context.
const formFeatureCount = 10;
const featureCount = 28;

/** The features that depend on the token's form alone, `formFeatureCount` of them. */
function formFeatures(context: TokenContext, index: number, into: Uint32Array): number {
  const at = index + padding;
  const w = context.word[at]!;
  const l = context.lexical[at]!;
  into[0] = combine1(1, 0); into[1] = combine1(2, w); into[2] = combine1(3, context.suffix1[at]!);
  into[3] = combine1(4, context.suffix2[at]!); into[4] = combine1(5, context.suffix3[at]!); into[5] = combine1(6, context.suffix4[at]!);
  into[6] = combine1(7, context.prefix2[at]!); into[7] = combine1(8, context.shape[at]!); into[8] = combine1(19, l);
  into[9] = combine2(21, l, w);
  return formFeatureCount;
}

/** The features of the token's neighbours and the tags before it, written from `offset`; returns the end. */
function contextFeatures(context: TokenContext, index: number, previous: number, beforePrevious: number, into: Uint32Array, offset: number): number {
  const at = index + padding;
  const { word, lexical } = context;
  const w = word[at]!;
  const l = lexical[at]!;
  let next = offset;
  into[next++] = combine2(9, context.shape[at]!, index === 0 ? 1 : 0);
  into[next++] = combine1(10, previous); into[next++] = combine2(11, beforePrevious, previous); into[next++] = combine2(12, previous, w);
  into[next++] = combine1(13, word[at - 1]!); into[next++] = combine1(14, word[at - 2]!);
  into[next++] = combine1(15, word[at + 1]!); into[next++] = combine1(16, word[at + 2]!);
  into[next++] = combine2(17, w, word[at + 1]!); into[next++] = combine2(18, word[at - 1]!, w);
  into[next++] = combine2(20, l, previous);
  into[next++] = combine1(22, lexical[at - 1]!); into[next++] = combine1(23, lexical[at + 1]!); into[next++] = combine1(24, lexical[at + 2]!);
  into[next++] = combine2(25, l, lexical[at + 1]!); into[next++] = combine3(26, previous, l, lexical[at + 1]!);
  into[next++] = combine1(27, context.suffix3[at + 1]!); into[next++] = combine1(28, context.suffix3[at - 1]!);
  return next;
}

/** All `featureCount` features of a token, as training sees them. */
function tokenFeatures(context: TokenContext, index: number, previous: number, beforePrevious: number, into: Uint32Array): number {
  return contextFeatures(context, index, previous, beforePrevious, into, formFeatures(context, index, into));
}

const tagHashCache = new WeakMap<readonly string[], Uint32Array>();

/** Each tag's hash, "<s>" before the first token. */
function tagHashes(tags: readonly string[]): Uint32Array {
  let hashes = tagHashCache.get(tags);
  if (!hashes) tagHashCache.set(tags, (hashes = Uint32Array.from(tags, (tag) => hashFeature(`t ${tag}`))));
  return hashes;
}

// For each model, the scores of a form's own features, by form: a novel
// repeats its words, so only the context's features are looked up per token.
const formScoreCache = new WeakMap<Scorer, Map<string, Float64Array>>();

function decode(
  model: Scorer,
  tags: readonly string[],
  forms: readonly string[],
  context: TokenContext,
  allowed?: (index: number) => readonly number[] | undefined,
): number[] {
  const hashes = tagHashes(tags);
  const chosen: number[] = [];
  const scores = new Float64Array(tags.length);
  const features = new Uint32Array(featureCount);
  let formScores = formScoreCache.get(model);
  if (!formScores) formScoreCache.set(model, (formScores = new Map()));
  for (let index = 0; index < context.length; index += 1) {
    let own = formScores.get(forms[index]!);
    if (!own) {
      own = model.scores(features, new Float64Array(tags.length), formFeatures(context, index, features));
      if (formScores.size > 50_000) formScores.clear();
      formScores.set(forms[index]!, own);
    }
    const previous = index > 0 ? hashes[chosen[index - 1]!]! : outside;
    const beforePrevious = index > 1 ? hashes[chosen[index - 2]!]! : outside;
    scores.set(own);
    model.addScores(features, scores, contextFeatures(context, index, previous, beforePrevious, features, 0));
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
  return decode(model.perceptron, model.tags, forms, tokenContext(forms), allowed).map((index) => model.tags[index]!);
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
  const hashes = tagHashes(tags);
  const buffer = new Uint32Array(featureCount);
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    for (const { context, gold } of shuffled(contexts, random)) {
      // The previous tags are the model's own guesses, as when tagging.
      const guesses: number[] = [];
      for (let index = 0; index < gold.length; index += 1) {
        const previous = index > 0 ? hashes[guesses[index - 1]!]! : outside;
        const beforePrevious = index > 1 ? hashes[guesses[index - 2]!]! : outside;
        const features = Array.from(buffer.subarray(0, tokenFeatures(context, index, previous, beforePrevious, buffer)));
        const guess = bestClass(trainer.scores(features, scores));
        trainer.tick();
        trainer.update(gold[index]!, guess, features);
        guesses.push(guess);
      }
    }
  }
  return { tags, perceptron: trainer.freeze() };
}
