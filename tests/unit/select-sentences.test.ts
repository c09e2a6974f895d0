// The set cover on random instances and on cases whose answer is known: every
// word a candidate has is covered, a word in only one sentence forces it, the
// improvement never does worse than plain greedy, and the lower bound is
// never above the size reached.
import { describe, expect, it } from "vitest";
import { packingLowerBound, selectSentences, type CoverCandidate } from "@/lib/study-sets/select-sentences";

function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function randomInstance(seed: number, sentences: number, words: number): CoverCandidate[] {
  const next = random(seed);
  return Array.from({ length: sentences }, () => {
    const size = 1 + Math.floor(next() * 4);
    // Skewed: low word indices are frequent, high ones rare, as in a book.
    const covered = new Set(Array.from({ length: size }, () => Math.floor(words * next() ** 2)));
    return { words: [...covered], length: 3 + Math.floor(next() * 6), unknown: Math.floor(next() * 3) };
  });
}

function coveredBy(candidates: CoverCandidate[], chosen: number[]): Set<number> {
  return new Set(chosen.flatMap((index) => candidates[index]!.words));
}

describe("selecting sentences", () => {
  it("covers every word some sentence has, with no sentence chosen twice, on random books", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const candidates = randomInstance(seed, 3000, 800);
      const result = selectSentences(candidates, { wordCount: 800 });
      const coverable = coveredBy(candidates, candidates.map((_, index) => index));
      expect(coveredBy(candidates, result.chosen)).toEqual(coverable);
      expect(result.covered).toBe(coverable.size);
      expect(new Set(result.chosen).size).toBe(result.chosen.length);
      expect(result.lowerBound).toBeLessThanOrEqual(result.chosen.length);
      expect(result.chosen.length).toBeLessThanOrEqual(result.greedyCount);
    }
  });

  it("always takes the only sentence that has a word", () => {
    const candidates: CoverCandidate[] = [
      { words: [0, 1, 2], length: 5, unknown: 0 },
      { words: [0, 1], length: 3, unknown: 0 },
      { words: [2, 3], length: 8, unknown: 0 },
      { words: [4], length: 8, unknown: 0 },
    ];
    const result = selectSentences(candidates, { wordCount: 6 });
    expect(result.chosen).toContain(3);
    expect(result.chosen).toContain(2);
    expect(result.covered).toBe(5);
    expect(result.coverable).toBe(5);
  });

  it("beats greedy where greedy is known to be wrong: two sentences instead of three", () => {
    // Words 0-5: two halves {0,1,2} and {3,4,5}; the greedy trap takes the
    // big sentence {0,1,3,4} first and then needs two more.
    const candidates: CoverCandidate[] = [
      { words: [0, 1, 3, 4], length: 8, unknown: 0 },
      { words: [0, 1, 2], length: 8, unknown: 0 },
      { words: [3, 4, 5], length: 8, unknown: 0 },
    ];
    const plain = selectSentences(candidates, { wordCount: 6, improve: false });
    const improved = selectSentences(candidates, { wordCount: 6 });
    expect(plain.chosen).toHaveLength(3);
    expect(improved.chosen.sort()).toEqual([1, 2]);
    expect(improved.lowerBound).toBe(2);
  });

  it("reaches the same count with shorter sentences than greedy", () => {
    const candidates: CoverCandidate[] = [
      { words: [0, 1, 2], length: 12, unknown: 0 },
      { words: [0, 1], length: 4, unknown: 0 },
      { words: [2, 3], length: 4, unknown: 0 },
    ];
    const plain = selectSentences(candidates, { wordCount: 4, improve: false });
    const improved = selectSentences(candidates, { wordCount: 4 });
    expect(plain.chosen.sort()).toEqual([0, 2]);
    expect(improved.chosen.sort()).toEqual([1, 2]);
  });

  it("stops at the sentence cap and still covers as many words as it can", () => {
    const candidates = randomInstance(9, 2000, 600);
    const result = selectSentences(candidates, { wordCount: 600, maxSentences: 50 });
    expect(result.chosen.length).toBeLessThanOrEqual(50);
    expect(coveredBy(candidates, result.chosen).size).toBe(result.covered);
    expect(result.covered).toBeGreaterThan(50);
  });

  it("bounds from below with words that share no sentence", () => {
    const candidates: CoverCandidate[] = [
      { words: [0], length: 3, unknown: 0 },
      { words: [1], length: 3, unknown: 0 },
      { words: [0, 1, 2], length: 3, unknown: 0 },
    ];
    // Words 0 and 1 share sentence 2: only one of them counts.
    expect(packingLowerBound(candidates, 3)).toBe(1);
  });
});
