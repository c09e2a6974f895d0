// A user's daily budget of unpaid Gemini tokens (GEMINI_UNPAID_TOKENS_PER_USER_DAY):
// the per-book allowance starts afresh with every upload, this one does not.
// Once the tokens of the user's failed pages pass it, failing chunks stop at
// once (refunded), and new Gemini books and retries get 429 with the
// sentence that says why; the offline engine and other users are not
// affected. The real @google/genai client against the fake Gemini server,
// which answers garbage (billed, and unusable).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeGemini } from "@/tests/support/fake-gemini-server";
import { createFundedUser, miserablesPdf, startGeminiPipeline, stopPipeline, waitForJob, type Lib } from "@/tests/support/pipeline-harness";

let lib: Lib;
let gemini: FakeGemini;
let book: Uint8Array;

beforeAll(async () => {
  ({ lib, gemini } = await startGeminiPipeline({
    latencyMs: 20,
    env: {
      // The book's own allowance is far away: only the user's budget can stop the chunks.
      GEMINI_MAX_TOKENS_PER_PAGE: "100000",
      // One failed attempt (two garbage answers of about 1,000 tokens each) is most of it.
      GEMINI_UNPAID_TOKENS_PER_USER_DAY: "3000",
      CHUNK_WINDOW: "2",
      CHUNK_RETRY_LIMIT: "2",
      GEMINI_BATCHES_IN_FLIGHT: "1",
    },
  }));
  book = await miserablesPdf({ words: 4000, pages: 10 });
});

afterAll(async () => {
  if (lib) await stopPipeline(lib);
  await gemini?.close();
});

describe("the daily budget of unpaid Gemini tokens", () => {
  it("stops failing chunks past it, then refuses new Gemini books and retries with 429", async () => {
    gemini.setFaultRate(1, ["garbage"]);
    const user = await createFundedUser(lib, 1000);
    const first = await lib.createJob({ userId: user.id, fileName: "Les Misérables.pdf", bytes: book, engine: "gemini" });
    const closed = await waitForJob(lib, first.id, 60_000);
    expect(closed.status).toBe("failed");
    const chunks = await lib.db().chunk.findMany({ where: { jobId: first.id } });
    for (const chunk of chunks) {
      expect(chunk.status).toBe("failed");
      expect(chunk.error).toMatch(/daily limit of 3,000/);
      // Without the budget each chunk makes 1 + CHUNK_RETRY_LIMIT attempts.
      expect(chunk.attempts).toBeLessThanOrEqual(2);
    }
    expect(gemini.calls).toBeLessThan(chunks.length * 3 * 2);
    expect(closed.creditsCharged).toBe(0);

    // A new upload does not get a fresh budget, nor does a retry.
    const refused = { code: "gemini_budget_spent", status: 429, message: expect.stringMatching(/daily limit of 3,000/) };
    await expect(
      lib.createJob({ userId: user.id, fileName: "Encore.pdf", bytes: book, engine: "gemini" }),
    ).rejects.toMatchObject(refused);
    await expect(lib.retryFailedChunks({ jobId: first.id, userId: user.id })).rejects.toMatchObject(refused);
    const error = await lib
      .createJob({ userId: user.id, fileName: "Encore.pdf", bytes: book, engine: "gemini" })
      .then(() => undefined, (caught: unknown) => caught as { details?: { retryAfterSeconds?: number } });
    expect(error?.details?.retryAfterSeconds).toBeGreaterThan(23 * 3600);

    // The offline engine still runs, and another user's budget is their own.
    gemini.setFaultRate(0);
    const offline = await lib.createJob({ userId: user.id, fileName: "Hors ligne.pdf", bytes: book, engine: "local" });
    expect((await waitForJob(lib, offline.id, 60_000)).status).toBe("succeeded");
    const other = await createFundedUser(lib, 1000);
    const theirs = await lib.createJob({ userId: other.id, fileName: "Les Misérables.pdf", bytes: book, engine: "gemini" });
    expect((await waitForJob(lib, theirs.id, 60_000)).status).toBe("succeeded");
  });
});
