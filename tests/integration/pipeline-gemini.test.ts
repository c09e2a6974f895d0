// The pipeline with the Gemini engine: the real @google/genai client against
// the fake Gemini server on loopback, with its faults, cancellation and the
// retry of failed pages.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadCorpusText, makeNovelPdf } from "@/tests/fixtures/make-novel-pdf";
import { startFakeGemini, type FakeGemini } from "@/tests/support/fake-gemini-server";
import {
  createFundedUser,
  distinctOriginals,
  ledgerSum,
  sentencesOf,
  startPipeline,
  stopPipeline,
  waitFor,
  waitForJob,
  type Lib,
} from "@/tests/support/pipeline-harness";

let lib: Lib;
let gemini: FakeGemini;
let book: Uint8Array;
let wholeBookOriginals: string[];


beforeAll(async () => {
  gemini = await startFakeGemini({ latencyMs: 50 });
  lib = await startPipeline({
    GEMINI_API_KEY: "test-key",
    GEMINI_BASE_URL: gemini.url,
    GEMINI_TIMEOUT_MS: "1500",
    GEMINI_MAX_RETRIES: "3",
    CHUNK_PAGES: "5",
    CHUNK_OVERLAP_PAGES: "1",
    CHUNK_WINDOW: "2",
    CHUNK_RETRY_LIMIT: "1",
    WORKER_CONCURRENCY: "2",
  });
  book = await makeNovelPdf({
    text: loadCorpusText("hugo_les-miserables-t1-fantine_pg17489.txt", { words: 9000, startAt: "En 1815" }),
    title: "Les Misérables",
    pages: 20,
  });
  const whole = await lib.createLocalEngine().process({
    pdf: book,
    firstPage: 1,
    lastPage: 20,
    ownedFirst: 1,
    ownedLast: 20,
    maxWords: 8,
    signal: new AbortController().signal,
  });
  wholeBookOriginals = distinctOriginals(whole.sentences);
});

afterAll(async () => {
  if (lib) await stopPipeline(lib);
  await gemini?.close();
});

beforeEach(() => {
  gemini.setFaults([]);
  gemini.setFaultRate(0);
  gemini.setLatency(50);
});

async function startBook(user: { id: string }) {
  return lib.createJob({ userId: user.id, fileName: "Les Misérables.pdf", bytes: book, maxWords: 8, engine: "gemini" });
}

describe("gemini engine pipeline", () => {
  it("processes a book with nothing lost or repeated at the seams and records token usage", async () => {
    const user = await createFundedUser(lib);
    const done = await waitForJob(lib, (await startBook(user)).id);
    expect(done.status).toBe("succeeded");
    const rows = await sentencesOf(lib, done.id);
    expect(distinctOriginals(rows)).toEqual(wholeBookOriginals);
    expect(Math.max(...rows.map((row) => row.wordCount))).toBeLessThanOrEqual(8);
    expect(done.promptTokens).toBeGreaterThan(0);
    expect(done.outputTokens).toBeGreaterThan(0);
  });

  it("rides out 429, 500, garbage, truncated JSON and a hung call", async () => {
    gemini.setFaults([{ kind: "429", retryDelayMs: 200 }, "500", "garbage", "truncated", "hang"]);
    const user = await createFundedUser(lib);
    const done = await waitForJob(lib, (await startBook(user)).id);
    expect(done.status).toBe("succeeded");
    expect(distinctOriginals(await sentencesOf(lib, done.id))).toEqual(wholeBookOriginals);
    const faulted = gemini.requests.filter((request) => request.fault).map((request) => request.fault);
    expect(faulted).toEqual(expect.arrayContaining(["429", "500", "garbage", "truncated", "hang"]));
  });

  it("ends partial when pages fail for good, names them, and a retry completes the book", async () => {
    // 400 is not retried by the engine; two in a row exhaust a chunk's two attempts.
    gemini.setFaults(["400", "400", "400", "400"]);
    const user = await createFundedUser(lib);
    const partial = await waitForJob(lib, (await startBook(user)).id);
    expect(partial.status).toBe("partial");
    expect(partial.chunksFailed).toBeGreaterThan(0);
    expect(partial.error).toMatch(/Pages \d+–\d+/);
    const failedChunks = await lib.db().chunk.findMany({ where: { jobId: partial.id, status: "failed" } });
    expect(failedChunks.every((chunk) => chunk.error)).toBe(true);

    // The good sentences are kept, in order.
    const kept = distinctOriginals(await sentencesOf(lib, partial.id));
    expect(kept.length).toBeGreaterThan(0);
    expect(wholeBookOriginals.filter((original) => kept.includes(original))).toEqual(kept);
    const failedPages = failedChunks.reduce((sum, c) => sum + c.ownedLast - c.ownedFirst + 1, 0);
    expect(partial.creditsCharged).toBe(partial.creditsReserved - failedPages * 3);

    const retried = await lib.retryFailedChunks({ jobId: partial.id, userId: user.id });
    expect(retried.reserved).toBe(failedPages * 3);
    const done = await waitForJob(lib, partial.id);
    expect(done.status).toBe("succeeded");
    expect(distinctOriginals(await sentencesOf(lib, done.id))).toEqual(wholeBookOriginals);
    expect(done.creditsCharged).toBe(done.pageCount * 3);
    const balance = (await lib.db().user.findUniqueOrThrow({ where: { id: user.id } })).creditBalance;
    expect(await ledgerSum(lib, user.id)).toBe(balance);
  });

  it("cancels mid-run: running chunks stop within 2 s, finished sentences stay, unused credits return", async () => {
    gemini.setLatency(900); // Under the 1.5 s call timeout.
    const user = await createFundedUser(lib);
    const job = await startBook(user);
    // Some chunks finished and some in flight: the moment to cancel.
    await waitFor(async () => {
      const [done, running] = await Promise.all([
        lib.db().chunk.count({ where: { jobId: job.id, status: "done" } }),
        lib.db().chunk.count({ where: { jobId: job.id, status: "running" } }),
      ]);
      return done > 0 && running > 0;
    });

    const requestedAt = Date.now();
    const answer = await lib.cancelJob({ jobId: job.id, userId: user.id });
    expect(answer.changed).toBe(true);
    const cancelled = await waitForJob(lib, job.id, 10_000);
    expect(cancelled.status).toBe("cancelled");
    expect(Date.now() - requestedAt).toBeLessThan(2500);

    const chunks = await lib.db().chunk.findMany({ where: { jobId: job.id } });
    expect(chunks.some((chunk) => chunk.status === "done")).toBe(true);
    expect(chunks.filter((chunk) => chunk.status !== "done").every((chunk) => chunk.status === "cancelled")).toBe(true);
    const rows = await sentencesOf(lib, job.id);
    expect(rows.length).toBeGreaterThan(0);

    const donePages = chunks
      .filter((chunk) => chunk.status === "done")
      .reduce((sum, chunk) => sum + chunk.ownedLast - chunk.ownedFirst + 1, 0);
    expect(cancelled.creditsCharged).toBe(donePages * 3);
    expect(cancelled.creditsRefunded).toBe(cancelled.creditsReserved - donePages * 3);
    const balance = (await lib.db().user.findUniqueOrThrow({ where: { id: user.id } })).creditBalance;
    expect(await ledgerSum(lib, user.id)).toBe(balance);

    // A second cancel, once the job has ended, changes nothing.
    const late = await lib.cancelJob({ jobId: job.id, userId: user.id });
    expect(late).toEqual({ status: "cancelled", changed: false });
  });

  it("does not let another user cancel or retry the job", async () => {
    const owner = await createFundedUser(lib);
    const stranger = await createFundedUser(lib);
    const job = await startBook(owner);
    await expect(lib.cancelJob({ jobId: job.id, userId: stranger.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(lib.retryFailedChunks({ jobId: job.id, userId: stranger.id })).rejects.toMatchObject({ code: "not_found" });
    await waitForJob(lib, job.id);
  });
});
