// Books that must end however their steps fail: plan and merge that fail on
// every attempt reach their dead letter queues, which close the book and
// refund it; the periodic sweep moves on books nothing will move again; a
// closed book's step is never set back to merging; and deleting a book while
// it is being merged neither deadlocks nor loses or double-counts a credit.
// The real pipeline runs in this process on a database of its own; failures
// come from the database itself (triggers that refuse a book's writes).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteJob } from "@/lib/commands/delete-job";
import { reserveCredits } from "@/lib/credits/reserve-credits";
import { settleJobCredits } from "@/lib/credits/settle-job-credits";
import { env } from "@/lib/env";
import type { ChunkStatus, JobStatus, JobStep } from "@/lib/generated/prisma/client";
import { unfinishedJobStatuses } from "@/lib/jobs/job-states";
import { requestMerge } from "@/lib/pipeline/request-merge";
import { sweepStuckJobs } from "@/lib/pipeline/sweep-stuck-jobs";
import { queues, sweepCron } from "@/lib/queue/queues";
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
let book: Uint8Array;
const bookPages = 10;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  lib = await startPipeline({ CHUNK_PAGES: "5", CHUNK_OVERLAP_PAGES: "1", CHUNK_WINDOW: "2" });
  book = await makeNovelPdf({
    text: loadCorpusText("flaubert_madame-bovary_pg14155.txt", { words: 4_000 }),
    title: "Madame Bovary",
    pages: bookPages,
  });
  // A book whose file name starts with the trigger's prefix cannot have
  // its rows of that table written: every attempt of the step fails.
  await lib.db().$executeRawUnsafe(`
    create function test_refuse_book_rows() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from "Job" where id = new."jobId" and "fileName" like tg_argv[0]) then
        raise exception 'test: % rows refused for this book', tg_table_name;
      end if;
      return new;
    end $$`);
  await lib.db().$executeRawUnsafe(`
    create trigger refuse_sentences before insert on "Sentence"
    for each row execute function test_refuse_book_rows('Unassemblable%')`);
  await lib.db().$executeRawUnsafe(`
    create trigger refuse_chunks before insert on "Chunk"
    for each row execute function test_refuse_book_rows('Unplannable%')`);
  // Only the second chunk's pages (6–10) of such a book are refused: its merge
  // fails on every attempt, but the first chunk's rows can still be written.
  await lib.db().$executeRawUnsafe(`
    create function test_refuse_late_pages() returns trigger language plpgsql as $$
    begin
      if new.page > 5 and exists (select 1 from "Job" where id = new."jobId" and "fileName" like 'Half-assemblable%') then
        raise exception 'test: page % refused for this book', new.page;
      end if;
      return new;
    end $$`);
  await lib.db().$executeRawUnsafe(`
    create trigger refuse_late_pages before insert on "Sentence"
    for each row execute function test_refuse_late_pages()`);
});

afterAll(async () => {
  if (lib) await stopPipeline(lib);
});

async function balanceOf(userId: string): Promise<number> {
  return (await lib.db().user.findUniqueOrThrow({ where: { id: userId } })).creditBalance;
}

/** A book written straight to the database in the state a test needs, its pages (1 credit each) reserved. */
async function bookInState(options: {
  userId: string;
  status: JobStatus;
  step: JobStep;
  chunks: ChunkStatus[];
  sentencesPerChunk?: number;
}) {
  const db = lib.db();
  const pages = Math.max(options.chunks.length, 1) * 5;
  const bytes = new TextEncoder().encode(`%PDF-1.7 test ${randomUUID()}`);
  const document = await db.document.create({
    data: { userId: options.userId, fileName: "Livre.pdf", sha256: randomUUID(), byteSize: bytes.byteLength, pageCount: pages, hasText: true, bytes },
  });
  const job = await db.job.create({
    data: {
      userId: options.userId,
      documentId: document.id,
      fileName: "Livre.pdf",
      pageCount: pages,
      maxWords: 8,
      engine: "local",
      status: options.status,
      step: options.step,
      chunksTotal: options.chunks.length,
      chunksDone: options.chunks.filter((status) => status === "done").length,
      chunksFailed: options.chunks.filter((status) => status === "failed").length,
    },
  });
  await db.$transaction((tx) => reserveCredits(tx, { userId: options.userId, jobId: job.id, amount: pages, reason: "test" }));
  const perChunk = options.sentencesPerChunk ?? 20;
  await db.chunk.createMany({
    data: options.chunks.map((status, index) => ({
      jobId: job.id,
      index,
      firstPage: index * 5 + 1,
      lastPage: index * 5 + 5,
      ownedFirst: index * 5 + 1,
      ownedLast: index * 5 + 5,
      status,
      result:
        status === "done"
          ? Array.from({ length: perChunk }, (_, n) => {
              const text = `Emma regarde la campagne ${index}-${n}.`;
              return { id: `${index}.${n}`, text, original: text, page: index * 5 + 1 + (n % 5) };
            })
          : undefined,
    })),
  });
  return { ...job, pages };
}

describe("dead letters", () => {
  it("closes and refunds a book whose merge fails on every attempt", async () => {
    const user = await createFundedUser(lib, 1000);
    const job = await lib.createJob({ userId: user.id, fileName: "Unassemblable Bovary.pdf", bytes: book, engine: "local" });
    const closed = await waitForJob(lib, job.id, 220_000);

    expect(closed.status).toBe("failed");
    expect(closed.step).toBe("failed");
    expect(closed.error).toMatch(/could not be assembled/);
    expect(closed.creditsReserved).toBe(bookPages);
    expect(closed.creditsCharged).toBe(0);
    expect(closed.creditsRefunded).toBe(bookPages);
    expect(closed.settledAt).not.toBeNull();
    // The funded 1000 and the month's grant (made when the book was created), all of it back.
    expect(await balanceOf(user.id)).toBe(1000 + env().MONTHLY_CREDITS);
    expect(await ledgerSum(lib, user.id)).toBe(1000 + env().MONTHLY_CREDITS);
    // Every chunk had finished: the book ended at the merge, which ran out of attempts.
    const merges = await (await lib.boss()).findJobs(queues.merge.name, { data: { jobId: job.id } });
    expect(merges.map((row) => [row.state, row.retryCount])).toEqual([["failed", queues.merge.options().retryLimit]]);
    expect(await lib.db().sentence.count({ where: { jobId: job.id } })).toBe(0);
    const chunks = await lib.db().chunk.findMany({ where: { jobId: job.id } });
    expect(chunks.length).toBe(2);
    expect(chunks.every((chunk) => chunk.status === "failed" && chunk.error === closed.error)).toBe(true);
    // It no longer holds a slot of its owner's running cap, and a retry would run every page again.
    expect(await lib.db().job.count({ where: { userId: user.id, status: { in: unfinishedJobStatuses } } })).toBe(0);
  }, 240_000);

  it("keeps what was delivered when the merge fails for good: partial, charged for the delivered pages, retried later", async () => {
    const user = await createFundedUser(lib, 1000);
    const start = 1000 + env().MONTHLY_CREDITS;
    const job = await lib.createJob({ userId: user.id, fileName: "Half-assemblable Bovary.pdf", bytes: book, engine: "local" });
    const closed = await waitForJob(lib, job.id, 220_000);

    // The merge ran out of attempts, so the dead letter closed the book.
    const merges = await (await lib.boss()).findJobs(queues.merge.name, { data: { jobId: job.id } });
    expect(merges.map((row) => row.state)).toEqual(["failed"]);
    expect(closed.status).toBe("partial");
    expect(closed.step).toBe("partial");
    expect(closed.error).toMatch(/Pages 6–10 could not be/);

    // The first chunk's rows are readable, in order, and they are all the book has.
    const rows = await sentencesOf(lib, job.id);
    expect(rows.length).toBeGreaterThan(10);
    expect(closed.sentenceCount).toBe(rows.length);
    expect(rows.map((row) => row.position)).toEqual(rows.map((_, index) => index + 1));
    expect(rows.every((row) => row.page >= 1 && row.page <= 5)).toBe(true);
    const chunks = await lib.db().chunk.findMany({ where: { jobId: job.id }, orderBy: { index: "asc" } });
    expect(chunks.map((chunk) => chunk.status)).toEqual(["done", "failed"]);
    expect(chunks[0]!.result).not.toBeNull();
    expect(chunks[1]!.error).toMatch(/could not be (written|assembled)/);
    expect([closed.chunksDone, closed.chunksFailed, closed.chunksTotal]).toEqual([1, 1, 2]);

    // Only the delivered pages are charged (1 credit a page), the rest refunded once.
    expect(closed.creditsReserved).toBe(bookPages);
    expect(closed.creditsCharged).toBe(5);
    expect(closed.creditsRefunded).toBe(5);
    expect(await lib.db().creditLedger.count({ where: { jobId: job.id, kind: "refund" } })).toBe(1);
    expect(await balanceOf(user.id)).toBe(start - 5);
    expect(await ledgerSum(lib, user.id)).toBe(start - 5);

    // The database takes those pages again: a retry runs them and completes the book.
    await lib.db().$executeRawUnsafe(`drop trigger refuse_late_pages on "Sentence"`);
    await expect(lib.retryFailedChunks({ jobId: job.id, userId: user.id })).resolves.toEqual({ status: "running", reserved: 5 });
    const retried = await waitForJob(lib, job.id, 120_000);
    expect(retried.status).toBe("succeeded");
    expect(retried.error).toBeNull();
    const all = await sentencesOf(lib, job.id);
    expect(all.length).toBeGreaterThan(rows.length);
    expect(all.some((row) => row.page > 5)).toBe(true);
    expect(retried.creditsCharged).toBe(bookPages);
    expect(retried.creditsRefunded).toBe(5);
    expect(await balanceOf(user.id)).toBe(start - bookPages);
    expect(await ledgerSum(lib, user.id)).toBe(start - bookPages);
  }, 400_000);

  it("closes and refunds a book whose plan fails on every attempt", async () => {
    const user = await createFundedUser(lib, 1000);
    const job = await lib.createJob({ userId: user.id, fileName: "Unplannable Bovary.pdf", bytes: book, engine: "local" });
    const closed = await waitForJob(lib, job.id, 220_000);
    expect(closed.status).toBe("failed");
    expect(closed.error).toMatch(/could not be split/);
    expect(closed.creditsRefunded).toBe(bookPages);
    expect(closed.creditsCharged).toBe(0);
    expect(await balanceOf(user.id)).toBe(1000 + env().MONTHLY_CREDITS);
    expect(await ledgerSum(lib, user.id)).toBe(1000 + env().MONTHLY_CREDITS);
  }, 240_000);
});

describe("the stuck-job sweep", () => {
  it("is scheduled", async () => {
    const schedules = await (await lib.boss()).getSchedules();
    expect(schedules).toEqual(expect.arrayContaining([expect.objectContaining({ name: queues.sweep.name, cron: sweepCron })]));
  });

  it("merges again a book nothing moves, fails its lost chunks, and closes one whose plan is gone", async () => {
    const user = await createFundedUser(lib, 1000);
    const finished = await bookInState({ userId: user.id, status: "running", step: "merging", chunks: ["done", "done"] });
    const lost = await bookInState({ userId: user.id, status: "running", step: "processing", chunks: ["done", "running"] });
    const unplanned = await bookInState({ userId: user.id, status: "queued", step: "queued", chunks: [] });

    // Recently changed books are left alone.
    const early = await sweepStuckJobs({ olderThan: new Date(Date.now() - 60_000) });
    expect([...early.merged, ...early.closed]).not.toEqual(expect.arrayContaining([finished.id]));

    const swept = await sweepStuckJobs({ olderThan: new Date(Date.now() + 1000) });
    expect(swept.merged.sort()).toEqual([finished.id, lost.id].sort());
    expect(swept.closed).toEqual([unplanned.id]);

    const succeeded = await waitForJob(lib, finished.id);
    expect(succeeded.status).toBe("succeeded");
    expect(succeeded.sentenceCount).toBe(await lib.db().sentence.count({ where: { jobId: finished.id } }));
    expect(succeeded.sentenceCount).toBeGreaterThan(30);
    expect(succeeded.creditsCharged).toBe(10);

    const partial = await waitForJob(lib, lost.id);
    expect(partial.status).toBe("partial");
    expect(partial.chunksFailed).toBe(1);
    expect(partial.creditsCharged).toBe(5);
    expect(partial.creditsRefunded).toBe(5);
    const lostChunk = await lib.db().chunk.findFirstOrThrow({ where: { jobId: lost.id, index: 1 } });
    expect(lostChunk.status).toBe("failed");
    expect(lostChunk.error).toMatch(/lost by the queue/);

    const closed = await lib.db().job.findUniqueOrThrow({ where: { id: unplanned.id } });
    expect(closed.status).toBe("failed");
    expect(closed.creditsRefunded).toBe(5);

    expect(await balanceOf(user.id)).toBe(1000 - 10 - 5);
    expect(await ledgerSum(lib, user.id)).toBe(await balanceOf(user.id));
    // A second sweep finds nothing more to do.
    const again = await sweepStuckJobs({ olderThan: new Date(Date.now() + 1000) });
    expect(again).toEqual({ merged: [], closed: [] });
  });
});

describe("closing races", () => {
  it("never sets a closed book's step back to merging", async () => {
    const user = await createFundedUser(lib, 100);
    for (const status of ["succeeded", "partial", "failed", "cancelled"] as const) {
      const job = await bookInState({ userId: user.id, status, step: status, chunks: ["done"] });
      await lib.db().$transaction((tx) => requestMerge(tx, job.id));
      const after = await lib.db().job.findUniqueOrThrow({ where: { id: job.id } });
      expect(after.step).toBe(status);
      expect(await (await lib.boss()).findJobs(queues.merge.name, { data: { jobId: job.id } })).toEqual([]);
    }
  });

  it("deletes a book while a transaction holds it to settle it, without a deadlock", async () => {
    // What merge and retry do: the job row first, then (settling, reserving) the owner's row.
    const user = await createFundedUser(lib, 100);
    const job = await bookInState({ userId: user.id, status: "partial", step: "partial", chunks: ["done", "failed"] });
    let jobLocked!: () => void;
    const locked = new Promise<void>((resolve) => (jobLocked = resolve));
    const settling = lib.db().$transaction(
      async (tx) => {
        await tx.$queryRaw`select id from "Job" where id = ${job.id}::uuid for update`;
        jobLocked();
        await sleep(500); // The delete starts meanwhile and waits for this job.
        return settleJobCredits(tx, job.id);
      },
      { timeout: 30_000 },
    );
    await locked;
    const deleting = deleteJob({ jobId: job.id, userId: user.id });
    const [settled, deleted] = await Promise.allSettled([settling, deleting]);
    expect(settled).toMatchObject({ status: "fulfilled", value: { charged: 5, refunded: 5 } });
    expect(deleted.status).toBe("fulfilled");
    expect(await lib.db().job.count({ where: { id: job.id } })).toBe(0);
    expect(await balanceOf(user.id)).toBe(95);
    expect(await ledgerSum(lib, user.id)).toBe(95);
  });

  it("deletes books while they are being merged, repeatedly, with exact credits", async () => {
    const user = await createFundedUser(lib, 1000);
    let expected = 1000;
    for (let round = 0; round < 6; round++) {
      const job = await bookInState({
        userId: user.id,
        status: "running",
        step: "merging",
        chunks: ["done", "done", "done", "done"],
        sentencesPerChunk: 2000,
      });
      const outcomes = await Promise.allSettled([
        lib.mergeJob(job.id),
        sleep(round * 15).then(() => deleteJob({ jobId: job.id, userId: user.id })),
      ]);
      for (const outcome of outcomes) {
        expect(outcome.status, String((outcome as PromiseRejectedResult).reason)).toBe("fulfilled");
      }
      expect(await lib.db().job.count({ where: { id: job.id } })).toBe(0);
      // Every page was processed, so whichever ran first the book costs its pages.
      expected -= job.pages;
      expect(await balanceOf(user.id)).toBe(expected);
      expect(await ledgerSum(lib, user.id)).toBe(expected);
    }
  });
});
