// Every Gemini request a chunk attempt makes is recorded (a GeminiRequest row
// and the tokens on the job), whatever stops the attempt: here a cancel in
// the middle of a chunk's batches, which is not an engine error. Before, only
// a GeminiCallError carried its usage to the record, so the answered batches
// of a cancelled chunk vanished from the book's bill. The real
// @google/genai client against the fake Gemini server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeGemini } from "@/tests/support/fake-gemini-server";
import { createFundedUser, miserablesPdf, startGeminiPipeline, stopPipeline, waitFor, waitForJob, type Lib } from "@/tests/support/pipeline-harness";

let lib: Lib;
let gemini: FakeGemini;
let book: Uint8Array;

beforeAll(async () => {
  ({ lib, gemini } = await startGeminiPipeline({
    latencyMs: 300,
    env: {
      GEMINI_TIMEOUT_MS: "5000",
      // Several requests per chunk, one at a time, so the cancel lands between them.
      GEMINI_BATCH_TOKENS: "300",
      GEMINI_BATCHES_IN_FLIGHT: "1",
      CHUNK_RETRY_LIMIT: "1",
      WORKER_CONCURRENCY: "1",
    },
  }));
  book = await miserablesPdf({ words: 4000, pages: 10 });
});

afterAll(async () => {
  if (lib) await stopPipeline(lib);
  await gemini?.close();
});

describe("Gemini request records", () => {
  it("records the requests of a chunk cancelled between its batches, answered and aborted", async () => {
    const user = await createFundedUser(lib, 1000);
    const job = await lib.createJob({ userId: user.id, fileName: "Les Misérables.pdf", bytes: book, engine: "gemini" });
    // Two answers in and a third request in flight, before any chunk is done.
    await waitFor(async () => gemini.requests.length >= 3 && gemini.requests.filter((r) => r.outputTokens > 0).length >= 2);
    expect(await lib.db().chunk.count({ where: { jobId: job.id, status: "done" } })).toBe(0);
    await lib.cancelJob({ jobId: job.id, userId: user.id });
    const closed = await waitForJob(lib, job.id, 15_000);
    expect(closed.status).toBe("cancelled");
    await new Promise((resolve) => setTimeout(resolve, 500));

    const rows = await lib.db().geminiRequest.findMany({ where: { jobId: job.id }, orderBy: { id: "asc" } });
    // One row per request the fake server saw, the aborted one included.
    expect(rows).toHaveLength(gemini.requests.length);
    const answered = rows.filter((row) => row.code === "200");
    expect(answered.length).toBeGreaterThanOrEqual(2);
    const promptTokens = rows.reduce((sum, row) => sum + row.promptTokens, 0);
    const outputTokens = rows.reduce((sum, row) => sum + row.outputTokens, 0);
    expect(promptTokens).toBeGreaterThan(0);
    // The book's and the chunk's counters hold the same tokens as its rows.
    expect(closed.promptTokens).toBe(promptTokens);
    expect(closed.outputTokens).toBe(outputTokens);
    const chunk = await lib.db().chunk.findFirstOrThrow({ where: { jobId: job.id, index: 0 } });
    expect(chunk.promptTokens + chunk.outputTokens).toBe(promptTokens + outputTokens);
  });
});
