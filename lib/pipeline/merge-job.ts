// The `merge` step: builds the book's rows from the finished chunks
// (book-rows.ts), writes them (insert-book-rows.ts), settles the credits and
// closes the job, all in one transaction. Running it twice changes nothing:
// a closed job is left alone and the settlement is idempotent.
import { reattachCorrections } from "@/lib/corrections/reattach-corrections";
import { settleJobCredits } from "@/lib/credits/settle-job-credits";
import { lockJob } from "@/lib/db/lock-rows";
import { db, type Tx } from "@/lib/db/prisma";
import type { Job } from "@/lib/generated/prisma/client";
import { isJobUnfinished } from "@/lib/jobs/job-states";
import { log } from "@/lib/log";
import { bookRowsFromChunks } from "@/lib/pipeline/book-rows";
import { isJobQuiet } from "@/lib/pipeline/dispatch-chunks";
import { failedPagesError, finalStatus } from "@/lib/pipeline/final-status";
import { insertBookRows } from "@/lib/pipeline/insert-book-rows";
import { readChunkResults } from "@/lib/pipeline/read-chunk-results";

/** The book's rows, and its chunks without their results: those are garbage once the rows are built, not live while they are written. */
async function readBook(tx: Tx, job: Job) {
  const chunks = await tx.chunk.findMany({
    where: { jobId: job.id },
    orderBy: { index: "asc" },
    select: { id: true, index: true, ownedFirst: true, ownedLast: true, status: true, error: true },
  });
  const { maxWords, includeMatter, pageCount } = job;
  const book = bookRowsFromChunks(await readChunkResults(tx, chunks), { maxWords, includeMatter, pageCount });
  return { book, chunks };
}

export async function mergeJob(jobId: string): Promise<void> {
  await db().$transaction(
    async (tx) => {
      await lockJob(tx, jobId);
      const job = await tx.job.findUnique({ where: { id: jobId } });
      if (!job || !isJobUnfinished(job.status)) return;
      if (!(await isJobQuiet(tx, jobId))) return; // A chunk still runs; its handler asks for the merge again.

      const { book, chunks } = await readBook(tx, job);
      await tx.sentence.deleteMany({ where: { jobId } });
      await tx.originalSentence.deleteMany({ where: { jobId } });
      await insertBookRows(tx, jobId, book);
      // A re-run rewrites every row: the owner's corrections follow the rows they were made on.
      const corrections = await reattachCorrections(tx, jobId);

      const done = chunks.filter((chunk) => chunk.status === "done").length;
      const failed = chunks.filter((chunk) => chunk.status === "failed");
      const status = finalStatus(job.status, done, chunks.length);
      await tx.job.update({
        where: { id: jobId },
        data: {
          status,
          step: status,
          sentenceCount: book.rows.length,
          frontMatterPages: book.frontMatterPages,
          backMatterPages: book.backMatterPages,
          finishedAt: new Date(),
          error:
            status === "failed" && chunks.length > 0
              ? `No pages could be processed. ${failed[0]?.error ?? ""}`.trim()
              : failedPagesError(failed),
        },
      });
      const settlement = await settleJobCredits(tx, jobId);
      log.info({ jobId, status, sentences: book.rows.length, corrections, ...settlement }, "job closed");
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
