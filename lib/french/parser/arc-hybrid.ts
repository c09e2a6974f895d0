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
import { bestClass, hashFeature, type FrozenPerceptron, PerceptronTrainer } from "@/lib/french/parser/perceptron";
import { featureForm } from "@/lib/french/parser/lexical-features";
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

/** The parser's view of a sentence, index 0 being the root. */
interface Sentence {
  lower: string[];
  upos: string[];
  /** VerbForm, or the UPOS when the word has none: "Fin", "Inf", "Part", "NOUN"… */
  form: string[];
  /** Commas before each position, to count the commas between two words. */
  commasBefore: Int32Array;
}

function prepare(words: readonly ParserWord[]): Sentence {
  const lower = ["<root>", ...words.map((word) => featureForm(word.form))];
  const upos = ["ROOT", ...words.map((word) => word.upos)];
  const form = ["ROOT", ...words.map((word) => /VerbForm=(\w+)/u.exec(word.feats)?.[1] ?? word.upos)];
  const commasBefore = new Int32Array(lower.length + 1);
  for (let index = 0; index < lower.length; index += 1) commasBefore[index + 1] = commasBefore[index]! + (lower[index] === "," ? 1 : 0);
  return { lower, upos, form, commasBefore };
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

function distanceBucket(distance: number): string {
  return distance <= 4 ? String(distance) : distance <= 7 ? "5-7" : distance <= 12 ? "8-12" : "13+";
}

function features(sentence: Sentence, state: Configuration): number[] {
  const { lower, upos, form, commasBefore } = sentence;
  const { stack } = state;
  const at = (depth: number) => stack[stack.length - 1 - depth] ?? none;
  const s0 = at(0);
  const s1 = at(1);
  const s2 = at(2);
  const b0 = state.next <= state.size ? state.next : none;
  const b1 = b0 !== none && b0 + 1 <= state.size ? b0 + 1 : none;
  const b2 = b1 !== none && b1 + 1 <= state.size ? b1 + 1 : none;
  const w = (index: number) => (index === none ? "-" : lower[index]!);
  const u = (index: number) => (index === none ? "-" : upos[index]!);
  const f = (index: number) => (index === none ? "-" : form[index]!);
  const child = (array: Int32Array, index: number) => (index === none ? none : array[index]!);
  const s0l = child(state.leftmost, s0);
  const s0r = child(state.rightmost, s0);
  const s0l2 = child(state.leftmost2, s0);
  const s0r2 = child(state.rightmost2, s0);
  const s1r = child(state.rightmost, s1);
  const s1l = child(state.leftmost, s1);
  const b0l = child(state.leftmost, b0);
  const b0l2 = child(state.leftmost2, b0);
  const distance = s0 !== none && b0 !== none ? distanceBucket(b0 - s0) : "-";
  const commas = s0 !== none && b0 !== none ? Math.min(3, commasBefore[b0]! - commasBefore[s0 + 1]!) : -1;
  const s0wu = `${w(s0)}/${u(s0)}`;
  const b0wu = `${w(b0)}/${u(b0)}`;
  const s1wu = `${w(s1)}/${u(s1)}`;
  const templates = [
    `s0w=${w(s0)}`, `s0u=${u(s0)}`, `s0wu=${s0wu}`, `s0f=${f(s0)}`,
    `s1w=${w(s1)}`, `s1u=${u(s1)}`, `s1wu=${s1wu}`, `s1f=${f(s1)}`,
    `b0w=${w(b0)}`, `b0u=${u(b0)}`, `b0wu=${b0wu}`, `b0f=${f(b0)}`,
    `b1w=${w(b1)}`, `b1u=${u(b1)}`, `b1wu=${w(b1)}/${u(b1)}`, `b2u=${u(b2)}`, `b2w=${w(b2)}`,
    `s2u=${u(s2)}`,
    `s0wu.b0wu=${s0wu}|${b0wu}`, `s0wu.b0w=${s0wu}|${w(b0)}`, `s0w.b0wu=${w(s0)}|${b0wu}`,
    `s0wu.b0u=${s0wu}|${u(b0)}`, `s0u.b0wu=${u(s0)}|${b0wu}`, `s0w.b0w=${w(s0)}|${w(b0)}`,
    `s0u.b0u=${u(s0)}|${u(b0)}`, `b0u.b1u=${u(b0)}|${u(b1)}`, `s0f.b0f=${f(s0)}|${f(b0)}`,
    `s1wu.s0wu=${s1wu}|${s0wu}`, `s1u.s0u=${u(s1)}|${u(s0)}`, `s1w.s0u=${w(s1)}|${u(s0)}`, `s1u.s0w=${u(s1)}|${w(s0)}`,
    `s1f.s0f=${f(s1)}|${f(s0)}`,
    `b0u.b1u.b2u=${u(b0)}|${u(b1)}|${u(b2)}`, `s0u.b0u.b1u=${u(s0)}|${u(b0)}|${u(b1)}`,
    `s1u.s0u.b0u=${u(s1)}|${u(s0)}|${u(b0)}`, `s2u.s1u.s0u=${u(s2)}|${u(s1)}|${u(s0)}`,
    `s1u.s0u.b0w=${u(s1)}|${u(s0)}|${w(b0)}`,
    `s0u.s0lu.b0u=${u(s0)}|${u(s0l)}|${u(b0)}`, `s0u.s0ru.b0u=${u(s0)}|${u(s0r)}|${u(b0)}`,
    `s0u.b0u.b0lu=${u(s0)}|${u(b0)}|${u(b0l)}`, `s1u.s0u.s0lu=${u(s1)}|${u(s0)}|${u(s0l)}`,
    `s1u.s1ru.s0u=${u(s1)}|${u(s1r)}|${u(s0)}`, `s1u.s1lu.s0u=${u(s1)}|${u(s1l)}|${u(s0)}`,
    `s0lw=${w(s0l)}`, `s0lu=${u(s0l)}`, `s0rw=${w(s0r)}`, `s0ru=${u(s0r)}`, `b0lw=${w(b0l)}`, `b0lu=${u(b0l)}`,
    `s0u.s0l2u.s0lu=${u(s0)}|${u(s0l2)}|${u(s0l)}`, `s0u.s0r2u.s0ru=${u(s0)}|${u(s0r2)}|${u(s0r)}`,
    `b0u.b0l2u.b0lu=${u(b0)}|${u(b0l2)}|${u(b0l)}`,
    `d.s0w=${distance}|${w(s0)}`, `d.s0u=${distance}|${u(s0)}`, `d.b0w=${distance}|${w(b0)}`,
    `d.b0u=${distance}|${u(b0)}`, `d.s0u.b0u=${distance}|${u(s0)}|${u(b0)}`, `d.s0w.b0w=${distance}|${w(s0)}|${w(b0)}`,
    `c.s0u.b0u=${commas}|${u(s0)}|${u(b0)}`, `c.s0f.b0f=${commas}|${f(s0)}|${f(b0)}`, `c.s1u.s0u=${commas}|${u(s1)}|${u(s0)}`,
    `vl.s0=${s0 === none ? "-" : state.leftCount[s0]}|${s0wu}`, `vr.s0=${s0 === none ? "-" : state.rightCount[s0]}|${s0wu}`,
    `vl.b0=${b0 === none ? "-" : state.leftCount[b0]}|${b0wu}`,
    `vl.s0u=${s0 === none ? "-" : state.leftCount[s0]}|${u(s0)}|${u(b0)}`,
    `vr.s1u=${s1 === none ? "-" : state.rightCount[s1]}|${u(s1)}|${u(s0)}`,
    `sd=${stack.length > 4 ? 4 : stack.length}|${u(s0)}|${u(b0)}`,
  ];
  return templates.map(hashFeature);
}

export interface ArcHybridModel {
  perceptron: FrozenPerceptron;
}

const allTransitions = [SHIFT, LEFT, RIGHT];

/** The head of each word (1-based positions; 0 is the root), index 0 of the result unused. */
export function parseHeads(model: ArcHybridModel, words: readonly ParserWord[]): Int32Array {
  const sentence = prepare(words);
  const state = new Configuration(words.length);
  const scores = new Float64Array(transitionCount);
  while (!state.done) {
    model.perceptron.scores(features(sentence, state), scores);
    state.apply(bestClass(scores, allTransitions.filter((transition) => state.canApply(transition))));
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
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    for (const { sentence, gold } of shuffled(prepared, random)) {
      const state = new Configuration(sentence.lower.length - 1);
      while (!state.done) {
        const legal = allTransitions.filter((transition) => state.canApply(transition));
        const costs = legal.map((transition) => state.cost(transition, gold));
        const least = Math.min(...costs);
        const optimal = legal.filter((_, index) => costs[index] === least);
        const featureList = features(sentence, state);
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
