// Fills the fixed-latency Gemini's memory with the answer to every request a
// worker will send, by running the product's own chunk step
// (lib/pipeline/rewrite-chunk.ts) on every planned chunk of every book against
// the memo front: the same chunk plan and page split, the same reading,
// segmenting and batching, the same re-asks, with the rewriter and OCR built
// from lib's environment as the workers build theirs. A chunk sends its
// rewrite batches GEMINI_BATCHES_IN_FLIGHT at a time, then its re-asks the
// same way, and each scanned page's OCR alone, so counting its requests by
// purpose here tells how long it must take in a timed run: its rounds × L.
import type { MemoGemini } from "@/bench/support/memo-gemini";
import { createOcr, createRewriter } from "@/lib/engines/create-rewriter";
import { env } from "@/lib/env";
import { openPdfSplitter } from "@/lib/pdf/split-pdf";
import { planChunks } from "@/lib/pipeline/plan-chunks";
import { rewriteChunk } from "@/lib/pipeline/rewrite-chunk";

export interface Priming {
  /** Answers the memo did not have yet (fetched from the fake). */
  newAnswers: number;
  /** Per book, per chunk index: the Gemini requests that chunk sends. */
  requests: number[][];
  /** Per book, per chunk index: the latencies it waits through (requests sent together count once). */
  rounds: number[][];
  /** Of all those requests, the ones asking refused sentences again. */
  reasks: number;
}

export async function primeAnswers(options: {
  memo: MemoGemini;
  books: Uint8Array[];
  chunkPages: number;
  overlapPages: number;
  maxWords: number;
  model: string;
  concurrency?: number;
}): Promise<Priming> {
  const { memo } = options;
  // The workers' configuration, pointed at the memo; no transport retries, so
  // a failed request stops the priming instead of leaving a hole in the memo.
  const config = { ...env(), GEMINI_BASE_URL: memo.url, GEMINI_MAX_RETRIES: 0, GEMINI_TIMEOUT_MS: 600_000 };
  const rewriter = createRewriter("gemini", config);
  const ocr = createOcr(config);
  const requests: number[][] = options.books.map(() => []);
  const rounds: number[][] = options.books.map(() => []);
  const inFlight = config.GEMINI_BATCHES_IN_FLIGHT;
  let reasks = 0;
  const tasks: (() => Promise<void>)[] = [];
  for (const [bookIndex, book] of options.books.entries()) {
    const splitter = await openPdfSplitter(book);
    const plans = planChunks({
      pageCount: splitter.pageCount,
      chunkPages: options.chunkPages,
      overlapPages: options.overlapPages,
    });
    for (const plan of plans) {
      tasks.push(async () => {
        const result = await rewriteChunk({
          pdf: await splitter.extractPages(plan.firstPage, plan.lastPage),
          firstPage: plan.firstPage,
          chunkIndex: plan.index,
          ownedFirst: plan.ownedFirst,
          ownedLast: plan.ownedLast,
          maxWords: options.maxWords,
          hardLimit: config.SENTENCE_HARD_LIMIT_WORDS,
          rewriter,
          ocr,
          model: options.model,
          signal: new AbortController().signal,
        });
        const sent = (purpose: string) => result.usage.records.filter((record) => record.purpose === purpose).length;
        requests[bookIndex]![plan.index] = result.usage.records.length;
        rounds[bookIndex]![plan.index] =
          sent("ocr") + Math.ceil(sent("rewrite") / inFlight) + Math.ceil(sent("rewrite-again") / inFlight);
        reasks += sent("rewrite-again");
      });
    }
  }
  memo.setLatency(0);
  const missesBefore = memo.misses;
  const callsBefore = memo.hits + memo.misses;
  let next = 0;
  await Promise.all(
    Array.from({ length: options.concurrency ?? 4 }, async () => {
      while (next < tasks.length) await tasks[next++]!();
    }),
  );
  memo.save();
  const counted = requests.flat().reduce((sum, count) => sum + count, 0);
  const received = memo.hits + memo.misses - callsBefore;
  if (counted !== received) {
    throw new Error(`priming: the chunk records count ${counted} requests but the memo received ${received}`);
  }
  return { newAnswers: memo.misses - missesBefore, requests, rounds, reasks };
}

/**
 * The ideal wall time of a set of chunks on `slots` slots when every request
 * takes exactly `latencyMs` and nothing else costs anything: each chunk lasts
 * its rounds × L (see `Priming.rounds`); chunks are placed longest first,
 * each on the slot that frees first. `boundMs` is what no scheduler can beat:
 * the longest chunk, or the total spread evenly over the slots, whichever is
 * longer.
 */
export function idealTime(roundsPerChunk: readonly number[], slots: number, latencyMs: number) {
  const busy = Array.from({ length: slots }, () => 0);
  for (const rounds of [...roundsPerChunk].sort((a, b) => b - a)) {
    const slot = busy.indexOf(Math.min(...busy));
    busy[slot]! += rounds;
  }
  const total = roundsPerChunk.reduce((sum, rounds) => sum + rounds, 0);
  const longest = Math.max(0, ...roundsPerChunk);
  return {
    idealMs: Math.max(...busy) * latencyMs,
    boundMs: Math.max(longest, Math.ceil(total / slots)) * latencyMs,
    longest,
  };
}
