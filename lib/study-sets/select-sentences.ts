// Choosing the sentences of a study set: a weighted set cover. Each candidate
// sentence covers the list words it contains; a sentence costs one, plus a
// little for its length (and for its words outside the list, when asked), so
// the fewest sentences win and shorter ones break ties.
//
// 1. Sentences that alone contain some list word are taken first: every
//    cover needs them.
// 2. Lazy greedy: the best new-words-per-cost sentence next; a sentence's
//    score only falls as words get covered, so a stale score popped from the
//    heap is recomputed and pushed back instead of rescoring every sentence.
// 3. Local search until nothing changes: a sentence not chosen replaces every
//    chosen sentence whose words it (with the rest) covers, kept when that
//    removes two or more (fewer sentences) or one costlier (shorter ones).
// 4. Destroy and repair: drop a random sixth of the set, cover again (2, 3),
//    keep the result when it is better; a fixed number of seeded rounds.
//
// The lower bound is the better of two feasible solutions of the LP dual: a
// packing of list words no two of which share a sentence (each needs its own
// sentence), and every word priced 1 / (the most list words of any sentence
// containing it). No cover is smaller than either.
// Pure; measured in bench/study-sets.ts. The steps are generators that yield
// every few hundred candidates, so the worker runs them with turns of its
// event loop between (selectSentencesYielding) and everything else straight
// through (selectSentences).
import { runToEnd, runYielding } from "@/lib/queue/yield-to-loop";

/** Yield points: every this many candidates looked at. */
const yieldEvery = 256;

export interface CoverCandidate {
  /** Distinct list-word indices this sentence contains. */
  words: number[];
  /** Words in the sentence. */
  length: number;
  /** Words of the sentence neither in the list nor function words. */
  unknown: number;
}

export interface CoverOptions {
  wordCount: number;
  maxSentences?: number;
  preferFewerUnknown?: boolean;
  /** False: plain lazy greedy, the baseline the benchmark compares. */
  improve?: boolean;
  /** Destroy-and-repair rounds after the local search (default 20). */
  repairRounds?: number;
}

export interface CoverResult {
  /** Candidate indices, in the order they were kept. */
  chosen: number[];
  covered: number;
  /** List words some candidate contains. */
  coverable: number;
  /** No cover of every coverable word has fewer sentences. */
  lowerBound: number;
  /** Sentences plain greedy took before the improvement steps. */
  greedyCount: number;
}

function candidateCost(candidate: CoverCandidate, preferFewerUnknown: boolean): number {
  return 1 + 0.01 * candidate.length + (preferFewerUnknown ? 0.05 * candidate.unknown : 0);
}

/** A binary max-heap of (score, candidate) pairs in two parallel arrays. */
class ScoreHeap {
  private scores: number[] = [];
  private items: number[] = [];

  get size(): number {
    return this.items.length;
  }

  topScore(): number {
    return this.scores[0] ?? -Infinity;
  }

  push(score: number, item: number): void {
    let index = this.items.length;
    this.scores.push(score);
    this.items.push(item);
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (this.scores[parent]! >= score) break;
      this.swap(index, parent);
      index = parent;
    }
  }

  pop(): number {
    const top = this.items[0]!;
    const lastScore = this.scores.pop()!;
    const lastItem = this.items.pop()!;
    if (this.items.length > 0) {
      this.scores[0] = lastScore;
      this.items[0] = lastItem;
      let index = 0;
      for (;;) {
        const left = 2 * index + 1;
        const right = left + 1;
        let best = index;
        if (left < this.items.length && this.scores[left]! > this.scores[best]!) best = left;
        if (right < this.items.length && this.scores[right]! > this.scores[best]!) best = right;
        if (best === index) break;
        this.swap(index, best);
        index = best;
      }
    }
    return top;
  }

  private swap(a: number, b: number): void {
    [this.scores[a], this.scores[b]] = [this.scores[b]!, this.scores[a]!];
    [this.items[a], this.items[b]] = [this.items[b]!, this.items[a]!];
  }
}

/** The chosen set with, per word, how many chosen sentences cover it and the sum of their ids. */
class Cover {
  readonly count: Int32Array;
  readonly idSum: Float64Array;
  readonly chosen = new Set<number>();
  covered = 0;

  constructor(
    private readonly candidates: CoverCandidate[],
    wordCount: number,
  ) {
    this.count = new Int32Array(wordCount);
    this.idSum = new Float64Array(wordCount);
  }

  add(index: number): void {
    this.chosen.add(index);
    for (const word of this.candidates[index]!.words) {
      if (this.count[word]++ === 0) this.covered++;
      this.idSum[word]! += index;
    }
  }

  remove(index: number): void {
    this.chosen.delete(index);
    for (const word of this.candidates[index]!.words) {
      if (--this.count[word]! === 0) this.covered--;
      this.idSum[word]! -= index;
    }
  }

  gain(index: number): number {
    let gain = 0;
    for (const word of this.candidates[index]!.words) if (this.count[word] === 0) gain++;
    return gain;
  }

  isRedundant(index: number): boolean {
    return this.candidates[index]!.words.every((word) => this.count[word]! >= 2);
  }
}

/** `pool`: only these candidates may be added (those that contain an uncovered word). */
function* lazyGreedy(
  candidates: CoverCandidate[],
  cover: Cover,
  costs: number[],
  limit: number,
  pool: Iterable<number> = candidates.keys(),
): Generator<void, void> {
  const heap = new ScoreHeap();
  let steps = 0;
  for (const index of pool) {
    if (++steps % yieldEvery === 0) yield;
    if (cover.chosen.has(index)) continue;
    const gain = cover.gain(index);
    if (gain > 0) heap.push(gain / costs[index]!, index);
  }
  while (heap.size > 0 && cover.chosen.size < limit) {
    if (++steps % yieldEvery === 0) yield;
    const index = heap.pop();
    const gain = cover.gain(index);
    if (gain === 0) continue;
    const score = gain / costs[index]!;
    if (score >= heap.topScore()) cover.add(index);
    else heap.push(score, index);
  }
}

function dropRedundant(cover: Cover, costs: number[]): void {
  const byCost = [...cover.chosen].sort((a, b) => costs[b]! - costs[a]!);
  for (const index of byCost) if (cover.isRedundant(index)) cover.remove(index);
}

/** One pass of swaps over every candidate; true when the set improved. */
function* swapPass(
  candidates: CoverCandidate[],
  cover: Cover,
  costs: number[],
  pool: Iterable<number> = candidates.keys(),
): Generator<void, boolean> {
  let steps = 0;
  const hits = new Map<number, number>();
  const uniqueCount = new Map<number, number>();
  let improved = false;
  const countUnique = (index: number) => {
    let unique = 0;
    for (const word of candidates[index]!.words) if (cover.count[word] === 1) unique++;
    return unique;
  };
  for (const candidate of pool) {
    if (++steps % yieldEvery === 0) yield;
    if (cover.chosen.has(candidate)) continue;
    hits.clear();
    for (const word of candidates[candidate]!.words) {
      if (cover.count[word] === 1) {
        const owner = cover.idSum[word]!;
        hits.set(owner, (hits.get(owner) ?? 0) + 1);
      }
    }
    const replaceable: number[] = [];
    for (const [owner, hit] of hits) {
      let unique = uniqueCount.get(owner);
      if (unique === undefined) {
        unique = countUnique(owner);
        uniqueCount.set(owner, unique);
      }
      if (hit === unique) replaceable.push(owner);
    }
    if (replaceable.length === 0) continue;
    if (replaceable.length === 1 && costs[replaceable[0]!]! <= costs[candidate]!) continue;

    cover.add(candidate);
    const removed: number[] = [];
    for (const owner of replaceable.sort((a, b) => costs[b]! - costs[a]!)) {
      if (cover.isRedundant(owner)) {
        cover.remove(owner);
        removed.push(owner);
      }
    }
    const removedCost = removed.reduce((sum, owner) => sum + costs[owner]!, 0);
    if (removed.length >= 2 || (removed.length === 1 && removedCost > costs[candidate]!)) {
      improved = true;
      // Unique counts change around every touched word: forget them all.
      uniqueCount.clear();
    } else {
      for (const owner of removed) cover.add(owner);
      cover.remove(candidate);
    }
  }
  return improved;
}

/** Two dual-feasible bounds on the size of any cover of every coverable word; the larger. */
export function packingLowerBound(candidates: CoverCandidate[], wordCount: number): number {
  return runToEnd(lowerBoundSteps(candidates, wordCount));
}

function* lowerBoundSteps(candidates: CoverCandidate[], wordCount: number): Generator<void, number> {
  const containing: number[][] = Array.from({ length: wordCount }, () => []);
  candidates.forEach((candidate, index) => {
    for (const word of candidate.words) containing[word]!.push(index);
  });
  const order = containing
    .map((list, word) => ({ word, size: list.length }))
    .filter((entry) => entry.size > 0)
    .sort((a, b) => a.size - b.size);
  const used = new Uint8Array(candidates.length);
  let packed = 0;
  for (const [step, { word }] of order.entries()) {
    if ((step + 1) % yieldEvery === 0) yield;
    const list = containing[word]!;
    if (list.some((index) => used[index] === 1)) continue;
    packed++;
    for (const index of list) used[index] = 1;
  }
  // A fractional dual: each word priced 1 / (the most list words any of its
  // sentences has) never prices a sentence above 1, so the sum bounds the LP.
  let dual = 0;
  for (const { word } of order) {
    const widest = containing[word]!.reduce((max, index) => Math.max(max, candidates[index]!.words.length), 1);
    dual += 1 / widest;
  }
  return Math.max(packed, Math.ceil(dual - 1e-9));
}

/** `pool`: the candidates worth trying as swaps (all of them unless given). */
function* localSearch(
  candidates: CoverCandidate[],
  cover: Cover,
  costs: number[],
  limit: number,
  coverable: number,
  pool?: Set<number>,
): Generator<void, void> {
  dropRedundant(cover, costs);
  for (let pass = 0; pass < 8; pass++) {
    const improved = yield* swapPass(candidates, cover, costs, pool ?? candidates.keys());
    dropRedundant(cover, costs);
    // Room freed under a sentence cap goes to words still uncovered.
    if (cover.chosen.size < limit && cover.covered < coverable) yield* lazyGreedy(candidates, cover, costs, limit);
    if (!improved) break;
  }
}

/** More words first, then fewer sentences, then the lower total cost. */
function isBetter(a: { covered: number; size: number; cost: number }, b: { covered: number; size: number; cost: number }) {
  if (a.covered !== b.covered) return a.covered > b.covered;
  if (a.size !== b.size) return a.size < b.size;
  return a.cost < b.cost - 1e-9;
}

function summarize(cover: Cover, costs: number[]) {
  let cost = 0;
  for (const index of cover.chosen) cost += costs[index]!;
  return { covered: cover.covered, size: cover.chosen.size, cost };
}

/**
 * Destroy and repair: drop a seeded-random sixth of the sentences chosen
 * (never a forced one), cover the words again greedily, search locally, and
 * keep the result only if it is better. Deterministic for the same input.
 */
function* iterateRepairs(
  candidates: CoverCandidate[],
  cover: Cover,
  costs: number[],
  options: { limit: number; coverable: number; forced: Set<number>; rounds: number; containing: number[][] },
): Generator<void, void> {
  let state = 0x2545f491;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  let best = summarize(cover, costs);
  for (let round = 0; round < options.rounds; round++) {
    const before = [...cover.chosen];
    const pool = new Set<number>();
    for (const index of before) {
      if (options.forced.has(index) || random() >= 1 / 6) continue;
      cover.remove(index);
      for (const word of candidates[index]!.words) {
        if (cover.count[word] === 0) for (const other of options.containing[word]!) pool.add(other);
      }
    }
    yield* lazyGreedy(candidates, cover, costs, options.limit, pool);
    // Swaps can only have opened up around the words just uncovered.
    yield* localSearch(candidates, cover, costs, options.limit, options.coverable, pool);
    const now = summarize(cover, costs);
    if (isBetter(now, best)) {
      best = now;
      continue;
    }
    for (const index of [...cover.chosen]) cover.remove(index);
    for (const index of before) cover.add(index);
  }
}

export function selectSentences(candidates: CoverCandidate[], options: CoverOptions): CoverResult {
  return runToEnd(selectionSteps(candidates, options));
}

/** The same selection, giving the event loop a turn every few milliseconds (the worker's way). */
export function selectSentencesYielding(
  candidates: CoverCandidate[],
  options: CoverOptions,
  sliceMs?: number,
): Promise<CoverResult> {
  return runYielding(selectionSteps(candidates, options), sliceMs);
}

function* selectionSteps(candidates: CoverCandidate[], options: CoverOptions): Generator<void, CoverResult> {
  const { wordCount, preferFewerUnknown = false, improve = true } = options;
  const limit = options.maxSentences ?? Infinity;
  const costs = candidates.map((candidate) => candidateCost(candidate, preferFewerUnknown));
  const containing: number[][] = Array.from({ length: wordCount }, () => []);
  candidates.forEach((candidate, index) => {
    for (const word of candidate.words) containing[word]!.push(index);
  });
  let coverable = 0;
  for (let word = 0; word < wordCount; word++) if (containing[word]!.length > 0) coverable++;

  const cover = new Cover(candidates, wordCount);
  yield* lazyGreedy(candidates, cover, costs, limit);
  const greedyCount = cover.chosen.size;

  if (improve) {
    // Start again from the forced sentences, then greedy, then local search.
    const plain = [...cover.chosen];
    for (const index of plain) cover.remove(index);
    for (let word = 0; word < wordCount; word++) {
      const only = containing[word]![0]!;
      if (containing[word]!.length === 1 && !cover.chosen.has(only) && cover.chosen.size < limit) cover.add(only);
    }
    const forced = new Set(cover.chosen);
    yield* lazyGreedy(candidates, cover, costs, limit);
    yield* localSearch(candidates, cover, costs, limit, coverable);
    yield* iterateRepairs(candidates, cover, costs, { limit, coverable, forced, containing, rounds: options.repairRounds ?? 20 });
  }

  return {
    chosen: [...cover.chosen],
    covered: cover.covered,
    coverable,
    lowerBound: yield* lowerBoundSteps(candidates, wordCount),
    greedyCount,
  };
}
