// A real novel through the real pipeline with the local engine: chunks,
// seams, merge and credits, compared with the same book processed whole.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCorpusText, makeNovelPdf } from "@/tests/fixtures/make-novel-pdf";
import {
  createFundedUser,
  ledgerSum,
  sentencesOf,
  startPipeline,
  stopPipeline,
  waitForJob,
  type Lib,
} from "@/tests/support/pipeline-harness";

let lib: Lib;
let bovary: Uint8Array;

beforeAll(async () => {
  // Small chunks so a 30-page book has six seams.
  lib = await startPipeline({ CHUNK_PAGES: "5", CHUNK_OVERLAP_PAGES: "1", CHUNK_WINDOW: "2" });
  bovary = await makeNovelPdf({
    text: loadCorpusText("flaubert_madame-bovary_pg14155.txt", { words: 12_000 }),
    title: "Madame Bovary",
    pages: 30,
  });
});

afterAll(async () => {
  if (lib) await stopPipeline(lib);
});

describe("local engine pipeline", () => {
  it("returns every sentence once, in order, exactly as processing the book in one piece", async () => {
    const user = await createFundedUser(lib, 1000);
    const job = await lib.createJob({ userId: user.id, fileName: "Madame Bovary.pdf", bytes: bovary, maxWords: 8, engine: "local" });
    const done = await waitForJob(lib, job.id);
    expect(done.status).toBe("succeeded");
    expect(done.chunksTotal).toBe(6);
    expect(done.chunksDone).toBe(6);

    const whole = await lib.createLocalEngine().process({
      pdf: bovary,
      firstPage: 1,
      lastPage: done.pageCount,
      ownedFirst: 1,
      ownedLast: done.pageCount,
      maxWords: 8,
      signal: new AbortController().signal,
    });
    const reference = lib.limitSentences(whole.sentences, 8);
    const rows = await sentencesOf(lib, job.id);
    expect(rows.length).toBeGreaterThan(500);
    expect(rows.map(({ text, original, page }) => ({ text, original, page }))).toEqual(
      reference.map(({ text, original, page }) => ({ text, original, page })),
    );
    expect(rows.map((row) => row.position)).toEqual(rows.map((_, index) => index + 1));
    expect(Math.max(...rows.map((row) => row.wordCount))).toBeLessThanOrEqual(8);
    expect(done.sentenceCount).toBe(rows.length);
  });

  it("charges one credit per page and keeps the ledger equal to the balance", async () => {
    const user = await createFundedUser(lib, 1000);
    const job = await lib.createJob({ userId: user.id, fileName: "bovary.pdf", bytes: bovary, maxWords: 12, engine: "local" });
    const done = await waitForJob(lib, job.id);
    expect(done.creditsReserved).toBe(done.pageCount);
    expect(done.creditsCharged).toBe(done.pageCount);
    expect(done.creditsRefunded).toBe(0);
    const balance = (await lib.db().user.findUniqueOrThrow({ where: { id: user.id } })).creditBalance;
    const grants = await lib.db().creditLedger.findMany({ where: { userId: user.id, kind: "grant" } });
    expect(grants).toHaveLength(1); // The month's grant, given with the first job.
    expect(balance).toBe(1000 + grants[0].amount - done.pageCount);
    expect(await ledgerSum(lib, user.id)).toBe(balance);
  });

  it("does not count a chunk twice or settle twice when steps run again", async () => {
    const user = await createFundedUser(lib, 1000);
    const job = await lib.createJob({ userId: user.id, fileName: "bovary.pdf", bytes: bovary, maxWords: 8, engine: "local" });
    const done = await waitForJob(lib, job.id);
    const before = await sentencesOf(lib, job.id);
    const chunk = await lib.db().chunk.findFirstOrThrow({ where: { jobId: job.id } });

    // A duplicated chunk job and a duplicated merge, as after a redelivery.
    const again = await lib.processChunk({ jobId: job.id, chunkId: chunk.id, signal: new AbortController().signal, willRetry: false });
    expect(again).toBe("skipped");
    await lib.mergeJob(job.id);
    await lib.mergeJob(job.id);

    const after = await lib.db().job.findUniqueOrThrow({ where: { id: job.id } });
    expect(after.chunksDone).toBe(done.chunksDone);
    expect(after.creditsCharged).toBe(done.creditsCharged);
    expect(await sentencesOf(lib, job.id)).toEqual(before);
    const balance = (await lib.db().user.findUniqueOrThrow({ where: { id: user.id } })).creditBalance;
    expect(await ledgerSum(lib, user.id)).toBe(balance);
  });
});
