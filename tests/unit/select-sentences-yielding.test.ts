// The worker's selection gives its event loop turns while it works (chunk
// handlers, heartbeats and pg-boss polling share the loop): it used to run
// start to end in one synchronous call, over half a second on three novels.
// The yielding run chooses exactly what the synchronous one does.
import { describe, expect, it } from "vitest";
import { selectSentences, selectSentencesYielding, type CoverCandidate } from "@/lib/study-sets/select-sentences";

function candidates(count: number, wordCount: number): CoverCandidate[] {
  let state = 7;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: count }, () => {
    const words = new Set<number>();
    const size = 1 + Math.floor(random() * 4);
    while (words.size < size) words.add(Math.floor(random() * wordCount));
    return { words: [...words], length: 3 + Math.floor(random() * 6), unknown: Math.floor(random() * 3) };
  });
}

describe("selectSentencesYielding", () => {
  it("lets the event loop turn while it selects, and chooses the same sentences", async () => {
    const pool = candidates(5000, 800);
    const options = { wordCount: 800, maxSentences: 500 };
    let turns = 0;
    let running = true;
    const tick = () => {
      turns++;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    // A slice of 0 ms: a turn at every yield point, whatever the machine's speed.
    const yielded = await selectSentencesYielding(pool, options, 0);
    running = false;
    expect(turns).toBeGreaterThan(10);
    expect(yielded).toEqual(selectSentences(pool, options));
  });
});
