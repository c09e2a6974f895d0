// Fills the fixed-latency Gemini's memory with the answer to every chunk a
// book will be cut into, by sending each chunk exactly as a worker would:
// same splitter, same chunk plan, same engine and prompt.
import { createGeminiEngine } from "@/bench/support/pdf-inline-engine";
import { openPdfSplitter } from "@/lib/pdf/split-pdf";
import { planChunks } from "@/lib/pipeline/plan-chunks";
import type { MemoGemini } from "@/bench/support/memo-gemini";

export async function primeAnswers(options: {
  memo: MemoGemini;
  books: Uint8Array[];
  chunkPages: number;
  overlapPages: number;
  maxWords: number;
  model: string;
  concurrency?: number;
}): Promise<number> {
  const { memo } = options;
  const engine = createGeminiEngine({
    apiKey: "test-key",
    baseUrl: memo.url,
    defaultModel: options.model,
    timeoutMs: 600_000,
    maxRetries: 0,
  });
  const tasks: (() => Promise<void>)[] = [];
  for (const book of options.books) {
    const splitter = await openPdfSplitter(book);
    const plans = planChunks({
      pageCount: splitter.pageCount,
      chunkPages: options.chunkPages,
      overlapPages: options.overlapPages,
    });
    for (const plan of plans) {
      tasks.push(async () => {
        await engine.process({
          pdf: await splitter.extractPages(plan.firstPage, plan.lastPage),
          ...plan,
          maxWords: options.maxWords,
          model: options.model,
          signal: new AbortController().signal,
        });
      });
    }
  }
  memo.setLatency(0);
  const before = memo.misses;
  let next = 0;
  await Promise.all(
    Array.from({ length: options.concurrency ?? 4 }, async () => {
      while (next < tasks.length) await tasks[next++]!();
    }),
  );
  memo.save();
  return memo.misses - before;
}
