// A real novel through the real pipeline with the local engine: chunks,
// seams, merge and credits, compared with the same book processed whole.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lockJob } from "@/lib/db/lock-rows";
import { listSentences } from "@/lib/jobs/list-sentences";
import { planJob } from "@/lib/pipeline/plan-job";
import { markChunkRunning } from "@/lib/pipeline/process-chunk";
import { countWords } from "@/lib/text/count-words";
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
let edition: Uint8Array;

beforeAll(async () => {
  // Small chunks so a 30-page book has six seams.
  lib = await startPipeline({ CHUNK_PAGES: "5", CHUNK_OVERLAP_PAGES: "1", CHUNK_WINDOW: "2" });
  bovary = await makeNovelPdf({
    text: loadCorpusText("flaubert_madame-bovary_pg14155.txt", { words: 12_000 }),
    title: "Madame Bovary",
    pages: 30,
  });
  // An edition with a publisher's five front pages, a part title page and a colophon.
  edition = await makeNovelPdf({
    text: loadCorpusText("bovary", { words: 6_000, startAt: "Nous étions" }),
    title: "Madame Bovary",
    pages: 14,
    matter: { author: "Gustave Flaubert" },
    partTitle: "Première partie",
  });
});

afterAll(async () => {
  if (lib) await stopPipeline(lib);
});

/** A running one-chunk job with its chunk queued, made directly (no queue job): for races staged by hand. */
async function createQueuedChunk(fileName: string) {
  const user = await createFundedUser(lib, 1000);
  const document = await lib.db().document.create({
    data: { userId: user.id, fileName, sha256: randomBytes(32).toString("hex"), byteSize: bovary.byteLength, pageCount: 30, hasText: true, bytes: Buffer.from(bovary) },
  });
  const job = await lib.db().job.create({
    data: { userId: user.id, documentId: document.id, fileName, pageCount: 30, maxWords: 8, engine: "local", status: "running", step: "processing", chunksTotal: 1 },
  });
  const chunk = await lib.db().chunk.create({
    data: { jobId: job.id, index: 0, firstPage: 1, lastPage: 5, ownedFirst: 1, ownedLast: 5, status: "queued" },
  });
  return { job, chunk };
}

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
    const reference = lib.expectedLocalRows(whole.sentences, 8);
    const rows = await sentencesOf(lib, job.id);
    expect(rows.length).toBeGreaterThan(500);
    expect(rows.map(({ text, original, page }) => ({ text, original, page }))).toEqual(
      reference.map(({ text, original, page }) => ({ text, original, page })),
    );
    expect(rows.map((row) => row.position)).toEqual(rows.map((_, index) => index + 1));
    expect(Math.max(...rows.map((row) => row.wordCount))).toBeLessThanOrEqual(8);
    expect(done.sentenceCount).toBe(rows.length);
    // Short sentences are kept as printed; long ones are rewritten by the rules or cut, locally, without a model.
    expect(rows.map((row) => row.method)).toEqual(reference.map((row) => row.method));
    expect(rows.every((row) => (countWords(row.original) <= 8) === (row.method === "kept"))).toBe(true);
    expect(new Set(rows.map((row) => row.method))).toEqual(new Set(["kept", "rewritten", "split"]));
    expect(rows.every((row) => row.fallbackReason === null && row.model === null)).toBe(true);
    // Each original is stored once, its pieces point to it.
    expect(await lib.db().originalSentence.count({ where: { jobId: job.id } })).toBe(new Set(rows.map((row) => row.originalPosition)).size);

    // While a job runs, the finished chunks up to the first unfinished one are
    // readable, and they are the first rows the merge wrote.
    await lib.db().job.update({ where: { id: job.id }, data: { status: "running" } });
    await lib.db().chunk.update({ where: { jobId_index: { jobId: job.id, index: 3 } }, data: { status: "running" } });
    try {
      const preview = await listSentences({ jobId: job.id, userId: user.id, limit: 1000 });
      expect(preview.provisional).toBe(true);
      const chunk2 = await lib.db().chunk.findUniqueOrThrow({ where: { jobId_index: { jobId: job.id, index: 2 } } });
      expect(preview.sentences.length).toBeGreaterThan(100);
      expect(preview.sentences.at(-1)!.page).toBeLessThanOrEqual(chunk2.ownedLast);
      const strip = (row: { position: number; text: string; original: string; page: number; method: string }) => ({
        position: row.position,
        text: row.text,
        original: row.original,
        page: row.page,
        method: row.method,
      });
      expect(preview.sentences.map(strip)).toEqual(rows.slice(0, preview.sentences.length).map(strip));
      // The next row of the book starts after the unfinished chunk's first page: nothing of it was shown.
      expect(rows[preview.sentences.length]!.page).toBeGreaterThanOrEqual(chunk2.ownedLast);
    } finally {
      await lib.db().chunk.update({ where: { jobId_index: { jobId: job.id, index: 3 } }, data: { status: "done" } });
      await lib.db().job.update({ where: { id: job.id }, data: { status: "succeeded" } });
    }
  });

  it("does not start a chunk whose job was cancelled after the chunk was read (one conditional statement)", async () => {
    const { job, chunk } = await createQueuedChunk("race.pdf");
    // The cancel commits between processChunk's read (job running) and its write.
    await lib.db().job.update({ where: { id: job.id }, data: { status: "cancelling" } });
    expect(await markChunkRunning(job.id, chunk.id)).toBe(false);
    expect(await lib.db().chunk.findUniqueOrThrow({ where: { id: chunk.id } })).toMatchObject({ status: "queued", attempts: 0 });
    // While the job runs, the same statement starts the chunk.
    await lib.db().job.update({ where: { id: job.id }, data: { status: "running" } });
    expect(await markChunkRunning(job.id, chunk.id)).toBe(true);
    expect(await lib.db().chunk.findUniqueOrThrow({ where: { id: chunk.id } })).toMatchObject({ status: "running", attempts: 1 });
    await lib.db().job.update({ where: { id: job.id }, data: { status: "failed", step: "failed", finishedAt: new Date() } });
  });

  it("finishes a chunk while a delete holds its job without a deadlock (lock order: job, then chunk)", async () => {
    const { job, chunk } = await createQueuedChunk("lock.pdf");
    const waitingOnLocks = async () =>
      (await lib.db().$queryRaw<{ n: number }[]>`
        select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock'`)[0]!.n;

    // A delete's transaction holds the job row; the chunk finishes meanwhile
    // and waits for that row; then the delete removes the job and, by
    // cascade, the chunk. Had the chunk's transaction locked its own row
    // first, the two would wait on each other until Postgres aborted one.
    let deleting!: Promise<void>;
    const jobLocked = new Promise<void>((locked) => {
      deleting = lib.db().$transaction(
        async (tx) => {
          await lockJob(tx, job.id);
          locked();
          while ((await waitingOnLocks()) === 0) await new Promise((resolve) => setTimeout(resolve, 50));
          await tx.job.delete({ where: { id: job.id } });
        },
        { timeout: 60_000 },
      );
    });
    await jobLocked;
    const finishing = lib.processChunk({ jobId: job.id, chunkId: chunk.id, signal: new AbortController().signal, willRetry: false });

    await expect(deleting).resolves.toBeUndefined();
    // The chunk found its job gone: nothing to record, and no failure.
    await expect(finishing).resolves.toBe("skipped");
    expect(await lib.db().job.findUnique({ where: { id: job.id } })).toBeNull();
    expect(await lib.db().chunk.findUnique({ where: { id: chunk.id } })).toBeNull();
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

  it("leaves the publisher's pages out across chunks, says how many, and keeps them when asked", async () => {
    const user = await createFundedUser(lib, 1000);
    const job = await lib.createJob({ userId: user.id, fileName: "edition.pdf", bytes: edition, maxWords: 8, engine: "local" });
    const done = await waitForJob(lib, job.id);
    expect(done.status).toBe("succeeded");
    expect({ front: done.frontMatterPages, back: done.backMatterPages }).toEqual({ front: 5, back: 1 });
    const rows = await sentencesOf(lib, job.id);
    expect(rows.some((row) => /ISBN|MÊME AUTEUR|imprimer|TABLE DES/iu.test(row.original))).toBe(false);
    // The part title is a heading row on its page; the novel starts on the next page, unglued.
    expect(rows[0]).toMatchObject({ kind: "heading", text: "Première partie", page: 6 });
    expect(rows[1]).toMatchObject({ kind: "sentence", page: 7 });
    expect(rows[1]!.original.startsWith("Nous étions")).toBe(true);
    // Pieces of one sentence are numbered 1..n in order.
    for (const [index, row] of rows.entries()) {
      if (row.part > 1) expect(rows[index - 1]).toMatchObject({ original: row.original, part: row.part - 1, parts: row.parts });
    }
    expect(rows.some((row) => row.parts > 1)).toBe(true);

    const kept = await lib.createJob({
      userId: user.id,
      fileName: "edition.pdf",
      bytes: edition,
      maxWords: 8,
      engine: "local",
      includeMatter: true,
    });
    const keptDone = await waitForJob(lib, kept.id);
    expect(keptDone.includeMatter).toBe(true);
    expect(keptDone.frontMatterPages).toBe(5);
    const keptRows = await sentencesOf(lib, kept.id);
    expect(keptRows.some((row) => /ISBN/u.test(row.text))).toBe(true);
    expect(keptRows.length).toBeGreaterThan(rows.length);
  });

  it("keeps a cancel that lands while the book is being planned: the book stops, it does not run", async () => {
    const user = await createFundedUser(lib, 1000);
    const document = await lib.db().document.create({
      data: { userId: user.id, fileName: "plan-race.pdf", sha256: randomBytes(32).toString("hex"), byteSize: bovary.byteLength, pageCount: 30, hasText: true, bytes: Buffer.from(bovary) },
    });
    const job = await lib.db().job.create({
      data: { userId: user.id, documentId: document.id, fileName: "plan-race.pdf", pageCount: 30, maxWords: 8, engine: "local", status: "queued", step: "queued" },
    });
    // The cancel holds the job row while the plan step starts, then commits.
    let planning: Promise<void> | undefined;
    await lib.db().$transaction(async (tx) => {
      await lockJob(tx, job.id);
      await tx.job.update({ where: { id: job.id }, data: { status: "cancelling", step: "cancelling" } });
      planning = planJob(job.id);
      await new Promise((resolve) => setTimeout(resolve, 500));
    });
    await planning;
    const after = await lib.db().job.findUniqueOrThrow({ where: { id: job.id } });
    expect(["cancelling", "cancelled"]).toContain(after.status);
    expect(await lib.db().chunk.count({ where: { jobId: job.id, status: { in: ["queued", "running"] } } })).toBe(0);
  });
});
