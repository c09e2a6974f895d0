// Unlabelled dependency trees by the arc-hybrid transition system (Kuhlmann,
// Gómez-Rodríguez & Satta 2011), greedy, trained with Goldberg & Nivre's
// (2013) dynamic oracle: in training the parser also follows its own
// mistakes and learns the best move from there, as it must when parsing.
// Labels come afterwards (labeller.ts), with the whole tree in view.
//
// A configuration is a stack (the root, 0, at the bottom), a buffer of the
// words not yet read, and the arcs so far. SHIFT moves the first word of the
// buffer onto the stack; LEFT makes the first word of the buffer the head of
// the top of the stack and pops it; RIGHT makes the word below the top its
// head and pops it.
import {
  bestClass,
  combine1,
  combine2,
  combine3,
  hashFeature,
  type FrozenPerceptron,
  PerceptronTrainer,
} from "@/lib/french/parser/perceptron";
import { featureForm, formHash } from "@/lib/french/parser/lexical-features";
import { seededRandom, shuffled } from "@/lib/french/parser/random";

export interface ParserWord {
  form: string;
  upos: string;
  feats: string;
}

const SHIFT = 0;
const LEFT = 1;
const RIGHT = 2;
const transitionCount = 3;

/**
 * The parser's view of a sentence, index 0 being the root: each word's
 * form, UPOS, verb form (VerbForm, or the UPOS when it has none) and form
 * with UPOS, hashed once so that features are made by mixing integers.
 */
interface Sentence {
  size: number;
  word: Uint32Array;
  upos: Uint32Array;
  verbForm: Uint32Array;
  wordUpos: Uint32Array;
  /** Commas before each position, to count the commas between two words. */
  commasBefore: Int32Array;
}

const rootWord = hashFeature("w <root>");
const rootUpos = hashFeature("u ROOT");
const rootVerbForm = hashFeature("f ROOT");
const rootWordUpos = hashFeature("wu <root>/ROOT");

// Hashes by UPOS, by feature bundle and by (UPOS, form), kept for the
// process: a sentence's words are nearly all ones seen before.
const uposHashes = new Map<string, number>();
const verbFormHashes = new Map<string, number>();
const wordUposHashes = new Map<string, Map<string, number>>();

function uposHash(upos: string): number {
  let hash = uposHashes.get(upos);
  if (hash === undefined) uposHashes.set(upos, (hash = hashFeature(`u ${upos}`)));
  return hash;
}

// Keyed by UPOS and bundle: the UPOS stands in for a bundle without VerbForm.
function verbFormHash(feats: string, upos: string): number {
  const key = `${upos} ${feats}`;
  let hash = verbFormHashes.get(key);
  if (hash === undefined) {
    if (verbFormHashes.size > 10_000) verbFormHashes.clear();
    verbFormHashes.set(key, (hash = hashFeature(`f ${/VerbForm=(\w+)/u.exec(feats)?.[1] ?? upos}`)));
  }
  return hash;
}

function wordUposHash(form: string, upos: string): number {
  let byForm = wordUposHashes.get(upos);
  if (!byForm) wordUposHashes.set(upos, (byForm = new Map()));
  let hash = byForm.get(form);
  if (hash === undefined) {
    if (byForm.size > 100_000) byForm.clear();
    byForm.set(form, (hash = hashFeature(`wu ${featureForm(form)}/${upos}`)));
  }
  return hash;
}

function prepare(words: readonly ParserWord[]): Sentence {
  const size = words.length + 1;
  const sentence: Sentence = {
    size: words.length,
    word: new Uint32Array(size),
    upos: new Uint32Array(size),
    verbForm: new Uint32Array(size),
    wordUpos: new Uint32Array(size),
    commasBefore: new Int32Array(size + 1),
  };
  sentence.word[0] = rootWord;
  sentence.upos[0] = rootUpos;
  sentence.verbForm[0] = rootVerbForm;
  sentence.wordUpos[0] = rootWordUpos;
  for (let index = 1; index < size; index += 1) {
    const { form, upos, feats } = words[index - 1]!;
    sentence.word[index] = formHash(form);
    sentence.upos[index] = uposHash(upos);
    sentence.verbForm[index] = verbFormHash(feats, upos);
    sentence.wordUpos[index] = wordUposHash(form, upos);
    sentence.commasBefore[index + 1] = sentence.commasBefore[index]! + (featureForm(form) === "," ? 1 : 0);
  }
  return sentence;
}

class Configuration {
  readonly stack: number[] = [0];
  next = 1;
  readonly heads: Int32Array;
  readonly leftmost: Int32Array;
  readonly leftmost2: Int32Array;
  readonly rightmost: Int32Array;
  readonly rightmost2: Int32Array;
  readonly leftCount: Int32Array;
  readonly rightCount: Int32Array;

  constructor(readonly size: number) {
    const positions = size + 1;
    this.heads = new Int32Array(positions).fill(-1);
    this.leftmost = new Int32Array(positions).fill(-1);
    this.leftmost2 = new Int32Array(positions).fill(-1);
    this.rightmost = new Int32Array(positions).fill(-1);
    this.rightmost2 = new Int32Array(positions).fill(-1);
    this.leftCount = new Int32Array(positions);
    this.rightCount = new Int32Array(positions);
  }

  get done(): boolean {
    return this.next > this.size && this.stack.length === 1;
  }

  canApply(transition: number): boolean {
    const depth = this.stack.length;
    if (transition === SHIFT) return this.next <= this.size;
    if (transition === LEFT) return depth > 1 && this.next <= this.size;
    // Only one word hangs from the root, and only once every word is read.
    return depth > 2 || (depth === 2 && this.next > this.size);
  }

  apply(transition: number): void {
    if (transition === SHIFT) {
      this.stack.push(this.next);
      this.next += 1;
      return;
    }
    const dependent = this.stack.pop()!;
    this.attach(transition === LEFT ? this.next : this.stack.at(-1)!, dependent);
  }

  private attach(head: number, dependent: number): void {
    this.heads[dependent] = head;
    if (dependent < head) {
      this.leftCount[head] += 1;
      if (this.leftmost[head] === -1 || dependent < this.leftmost[head]!) {
        this.leftmost2[head] = this.leftmost[head]!;
        this.leftmost[head] = dependent;
      } else if (this.leftmost2[head] === -1 || dependent < this.leftmost2[head]!) this.leftmost2[head] = dependent;
    } else {
      this.rightCount[head] += 1;
      if (dependent > this.rightmost[head]!) {
        this.rightmost2[head] = this.rightmost[head]!;
        this.rightmost[head] = dependent;
      } else if (dependent > this.rightmost2[head]!) this.rightmost2[head] = dependent;
    }
  }

  /** Gold arcs this transition makes unreachable (Goldberg & Nivre 2013, arc-hybrid). */
  cost(transition: number, gold: Int32Array): number {
    const { stack, next, size } = this;
    const top = stack.at(-1)!;
    let cost = 0;
    if (transition === SHIFT) {
      for (let index = 0; index < stack.length; index += 1) {
        const item = stack[index]!;
        if (gold[item] === next) cost += 1;
        if (item !== top && gold[next] === item) cost += 1;
      }
      return cost;
    }
    for (let index = next; index <= size; index += 1) if (gold[index] === top) cost += 1;
    const head = gold[top]!;
    if (transition === LEFT) {
      const below = stack.length > 1 ? stack.at(-2)! : -1;
      if (head !== next && (head === below || head > next)) cost += 1;
    } else if (head >= next) cost += 1;
    return cost;
  }
}

const none = -1;
const featureCount = 67;
const wordFeatureCount = 18;

// The six places whose word alone makes templates 1–18.
const S0 = 0, S1 = 1, B0 = 2, B1 = 3, B2 = 4, S2 = 5;
const placeCount = 6;

/**
 * Templates 1–18, those of the word at one place (`index` may be `none`),
 * written from `offset`; returns the end. A word's are the same each time it
 * is at that place again, so parsing sums their scores once per sentence.
 */
function wordFeatures(sentence: Sentence, place: number, index: number, into: Uint32Array, offset: number): number {
  const { word, upos, verbForm, wordUpos } = sentence;
  const w = at(sentence, word, index), u = at(sentence, upos, index), f = at(sentence, verbForm, index), wu = at(sentence, wordUpos, index);
  let next = offset;
  if (place === S0) { into[next++] = combine1(1, w); into[next++] = combine1(2, u); into[next++] = combine1(3, wu); into[next++] = combine1(4, f); }
  else if (place === S1) { into[next++] = combine1(5, w); into[next++] = combine1(6, u); into[next++] = combine1(7, wu); into[next++] = combine1(8, f); }
  else if (place === B0) { into[next++] = combine1(9, w); into[next++] = combine1(10, u); into[next++] = combine1(11, wu); into[next++] = combine1(12, f); }
  else if (place === B1) { into[next++] = combine1(13, w); into[next++] = combine1(14, u); into[next++] = combine1(15, wu); }
  else if (place === B2) { into[next++] = combine1(16, u); into[next++] = combine1(17, w); }
  else into[next++] = combine1(18, u);
  return next;
}

/** The words at the six places of a configuration (`none` where there is none), in place order. */
function placesOf(state: Configuration, into: Int32Array): Int32Array {
  const { stack } = state;
  const depth = stack.length;
  into[S0] = stack[depth - 1]!;
  into[S1] = depth > 1 ? stack[depth - 2]! : none;
  into[S2] = depth > 2 ? stack[depth - 3]! : none;
  into[B0] = state.next <= state.size ? state.next : none;
  into[B1] = into[B0] !== none && into[B0]! + 1 <= state.size ? into[B0]! + 1 : none;
  into[B2] = into[B1] !== none && into[B1]! + 1 <= state.size ? into[B1]! + 1 : none;
  return into;
}

/** All `featureCount` features of a configuration, as training sees them. */
function features(sentence: Sentence, state: Configuration, into: Uint32Array): number {
  const places = placesOf(state, new Int32Array(placeCount));
  let next = 0;
  for (let place = 0; place < placeCount; place += 1) next = wordFeatures(sentence, place, places[place]!, into, next);
  return configurationFeatures(sentence, state, into);
}
// The part that stands for a position with no word (an empty stack or buffer, a word without children).
const absent = hashFeature("<none>");

function distanceBucket(distance: number): number {
  return distance <= 4 ? distance : distance <= 7 ? 5 : distance <= 12 ? 6 : 7;
}

function at(sentence: Sentence, array: Uint32Array, index: number): number {
  return index === none ? absent : array[index]!;
}

function childOf(array: Int32Array, index: number): number {
  return index === none ? none : array[index]!;
}

function countOf(array: Int32Array, index: number): number {
  return index === none ? 99 : array[index]!;
}

/**
 * The features of a configuration: the words at the top of the stack (s0,
 * s1, s2) and the front of the buffer (b0, b1, b2), their outermost
 * children, pairs and triples of them, their distance, the commas between
 * them and how many dependents they have (after Zhang & Nivre 2011).
 * Written without closures and into a reused array (`featureCount`
 * hashes; the count is returned): this runs twice per word parsed.
 * Templates 1–18 see one word each and are written by `wordFeatures`;
 * this writes the others, from index `wordFeatureCount`.
 */
function configurationFeatures(sentence: Sentence, state: Configuration, into: Uint32Array): number {
  const { stack } = state;
  const depth = stack.length;
  const s0 = stack[depth - 1]!;
  const s1 = depth > 1 ? stack[depth - 2]! : none;
  const s2 = depth > 2 ? stack[depth - 3]! : none;
  const b0 = state.next <= state.size ? state.next : none;
  const b1 = b0 !== none && b0 + 1 <= state.size ? b0 + 1 : none;
  const b2 = b1 !== none && b1 + 1 <= state.size ? b1 + 1 : none;
  const { word, upos, verbForm, wordUpos } = sentence;
  const ws0 = at(sentence, word, s0), us0 = at(sentence, upos, s0), fs0 = at(sentence, verbForm, s0), wus0 = at(sentence, wordUpos, s0);
  const ws1 = at(sentence, word, s1), us1 = at(sentence, upos, s1), fs1 = at(sentence, verbForm, s1), wus1 = at(sentence, wordUpos, s1);
  const wb0 = at(sentence, word, b0), ub0 = at(sentence, upos, b0), fb0 = at(sentence, verbForm, b0), wub0 = at(sentence, wordUpos, b0);
  const ub1 = at(sentence, upos, b1), ub2 = at(sentence, upos, b2), us2 = at(sentence, upos, s2);
  const s0l = childOf(state.leftmost, s0), s0r = childOf(state.rightmost, s0);
  const s0l2 = childOf(state.leftmost2, s0), s0r2 = childOf(state.rightmost2, s0);
  const s1r = childOf(state.rightmost, s1), s1l = childOf(state.leftmost, s1);
  const b0l = childOf(state.leftmost, b0), b0l2 = childOf(state.leftmost2, b0);
  const us0l = at(sentence, upos, s0l), us0r = at(sentence, upos, s0r), ub0l = at(sentence, upos, b0l);
  const bothPresent = s0 !== none && b0 !== none;
  const distance = bothPresent ? distanceBucket(b0 - s0) : 99;
  const commas = bothPresent ? Math.min(3, sentence.commasBefore[b0]! - sentence.commasBefore[s0 + 1]!) : 99;
  into[18] = combine2(19, wus0, wub0); into[19] = combine2(20, wus0, wb0); into[20] = combine2(21, ws0, wub0);
  into[21] = combine2(22, wus0, ub0); into[22] = combine2(23, us0, wub0); into[23] = combine2(24, ws0, wb0);
  into[24] = combine2(25, us0, ub0); into[25] = combine2(26, ub0, ub1); into[26] = combine2(27, fs0, fb0);
  into[27] = combine2(28, wus1, wus0); into[28] = combine2(29, us1, us0); into[29] = combine2(30, ws1, us0);
  into[30] = combine2(31, us1, ws0); into[31] = combine2(32, fs1, fs0); into[32] = combine3(33, ub0, ub1, ub2);
  into[33] = combine3(34, us0, ub0, ub1); into[34] = combine3(35, us1, us0, ub0); into[35] = combine3(36, us2, us1, us0);
  into[36] = combine3(37, us1, us0, wb0); into[37] = combine3(38, us0, us0l, ub0); into[38] = combine3(39, us0, us0r, ub0);
  into[39] = combine3(40, us0, ub0, ub0l); into[40] = combine3(41, us1, us0, us0l); into[41] = combine3(42, us1, at(sentence, upos, s1r), us0);
  into[42] = combine3(43, us1, at(sentence, upos, s1l), us0); into[43] = combine1(44, at(sentence, word, s0l)); into[44] = combine1(45, us0l);
  into[45] = combine1(46, at(sentence, word, s0r)); into[46] = combine1(47, us0r); into[47] = combine1(48, at(sentence, word, b0l));
  into[48] = combine1(49, ub0l); into[49] = combine3(50, us0, at(sentence, upos, s0l2), us0l); into[50] = combine3(51, us0, at(sentence, upos, s0r2), us0r);
  into[51] = combine3(52, ub0, at(sentence, upos, b0l2), ub0l); into[52] = combine2(53, distance, ws0); into[53] = combine2(54, distance, us0);
  into[54] = combine2(55, distance, wb0); into[55] = combine2(56, distance, ub0); into[56] = combine3(57, distance, us0, ub0);
  into[57] = combine3(58, distance, ws0, wb0); into[58] = combine3(59, commas, us0, ub0); into[59] = combine3(60, commas, fs0, fb0);
  into[60] = combine3(61, commas, us1, us0); into[61] = combine2(62, countOf(state.leftCount, s0), wus0); into[62] = combine2(63, countOf(state.rightCount, s0), wus0);
  into[63] = combine2(64, countOf(state.leftCount, b0), wub0); into[64] = combine3(65, countOf(state.leftCount, s0), us0, ub0); into[65] = combine3(66, countOf(state.rightCount, s1), us1, us0);
  into[66] = combine3(67, Math.min(depth, 4), us0, ub0);
  return 67;
}

/** The legal transitions of a configuration, in a reused array. */
function legalTransitions(state: Configuration, into: number[]): number[] {
  into.length = 0;
  if (state.canApply(SHIFT)) into.push(SHIFT);
  if (state.canApply(LEFT)) into.push(LEFT);
  if (state.canApply(RIGHT)) into.push(RIGHT);
  return into;
}

export interface ArcHybridModel {
  perceptron: FrozenPerceptron;
}

/** The head of each word (1-based positions; 0 is the root), index 0 of the result unused. */
export function parseHeads(model: ArcHybridModel, words: readonly ParserWord[]): Int32Array {
  const sentence = prepare(words);
  const state = new Configuration(words.length);
  const { perceptron } = model;
  const scores = new Float64Array(transitionCount);
  const legal: number[] = [];
  const hashes = new Uint32Array(featureCount);
  const places = new Int32Array(placeCount);
  // The scores of templates 1–18 by place and word (position + 1, 0 for none), summed on first use.
  const wordScores = new Float64Array(placeCount * (words.length + 2) * transitionCount);
  const summed = new Uint8Array(placeCount * (words.length + 2));
  const one = new Float64Array(transitionCount);
  while (!state.done) {
    placesOf(state, places);
    scores.fill(0);
    for (let place = 0; place < placeCount; place += 1) {
      const key = place * (words.length + 2) + places[place]! + 1;
      if (summed[key] === 0) {
        perceptron.scores(hashes, one, wordFeatures(sentence, place, places[place]!, hashes, 0));
        wordScores.set(one, key * transitionCount);
        summed[key] = 1;
      }
      for (let label = 0; label < transitionCount; label += 1) scores[label] += wordScores[key * transitionCount + label]!;
    }
    perceptron.addScores(hashes, scores, configurationFeatures(sentence, state, hashes), wordFeatureCount);
    state.apply(bestClass(scores, legalTransitions(state, legal)));
  }
  return state.heads;
}

export interface TreeExample {
  words: ParserWord[];
  /** Gold heads, index 0 unused. */
  heads: Int32Array;
}

/** Trains the transition classifier; from the second pass on it explores its own errors (p = 0.9). */
export function trainArcHybrid(examples: readonly TreeExample[], epochs: number, seed: number): ArcHybridModel {
  const trainer = new PerceptronTrainer(transitionCount);
  const random = seededRandom(seed);
  const scores = new Float64Array(transitionCount);
  const prepared = examples.map((example) => ({ sentence: prepare(example.words), gold: example.heads }));
  const featureBuffer = new Uint32Array(featureCount);
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    for (const { sentence, gold } of shuffled(prepared, random)) {
      const state = new Configuration(sentence.size);
      while (!state.done) {
        const legal = legalTransitions(state, []);
        const costs = legal.map((transition) => state.cost(transition, gold));
        const least = Math.min(...costs);
        const optimal = legal.filter((_, index) => costs[index] === least);
        const featureList = Array.from(featureBuffer.subarray(0, features(sentence, state, featureBuffer)));
        trainer.scores(featureList, scores);
        const guess = bestClass(scores, legal);
        const bestOptimal = bestClass(scores, optimal);
        trainer.tick();
        if (optimal.includes(guess)) {
          state.apply(guess);
          continue;
        }
        trainer.update(bestOptimal, guess, featureList);
        state.apply(epoch > 0 && random() < 0.9 ? guess : bestOptimal);
      }
    }
  }
  return { perceptron: trainer.freeze() };
}
