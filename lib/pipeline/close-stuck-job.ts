// Closes a job that the pipeline cannot finish: its plan or merge ran out of
// attempts (their dead letter queues call this), or the sweep found it with
// no work left in pg-boss. Unfinished chunks fail with the reason. Finished
// chunks were paid model work that the user may already be waiting to read,
// so their rows are written as far as the database takes them
// (write-delivered-rows.ts): the book ends partial (or cancelled) with those
// rows, is charged for their pages only, and a retry runs the failed pages.
// When nothing could be delivered it ends failed and everything is refunded,
// as before. If even that write breaks the transaction (a timeout on a huge
// book), the book is closed without rows: its finished chunks fail with
// their results kept, everything is refunded and a retry runs every page.
// Idempotent: a closed job is left alone, and the settlement refunds once.
// Lock order: the job row, then (settling) its owner's row.
import { db, type Tx } from "@/lib/db/prisma";
import { settleJobCredits } from "@/lib/credits/settle-job-credits";
import { isJobUnfinished, unfinishedChunkStatuses } from "@/lib/jobs/job-states";
import { jobLog } from "@/lib/log";
import { lockJob } from "@/lib/db/lock-rows";
import { reattachCorrections } from "@/lib/corrections/reattach-corrections";
import { failedPagesError, finalStatus } from "@/lib/pipeline/final-status";
import { readChunkResults } from "@/lib/pipeline/read-chunk-results";
import { writeDeliveredRows, type FinishedChunk } from "@/lib/pipeline/write-delivered-rows";

/** On a finished chunk whose rows the database would not take. */
const undeliveredError = "These pages were processed but their sentences could not be written; their credits were refunded. Retry them.";

async function finishedChunks(tx: Tx, jobId: string): Promise<FinishedChunk[]> {
  const chunks = await tx.chunk.findMany({
    where: { jobId, status: "done" },
    orderBy: { index: "asc" },
    select: { id: true, index: true, ownedFirst: true, ownedLast: true, status: true },
  });
  return readChunkResults(tx, chunks);
}

async function closeJob(jobId: string, reason: string, deliver: boolean): Promise<boolean> {
  return db().$transaction(
    async (tx) => {
      await lockJob(tx, jobId);
      const job = await tx.job.findUnique({ where: { id: jobId } });
      if (!job || !isJobUnfinished(job.status)) return false;

      const now = new Date();
      await tx.chunk.updateMany({
        where: { jobId, status: { in: unfinishedChunkStatuses } },
        data: { status: "failed", error: reason, finishedAt: now },
      });
      await tx.sentence.deleteMany({ where: { jobId } });
      await tx.originalSentence.deleteMany({ where: { jobId } });

      const finished = deliver ? await finishedChunks(tx, jobId) : [];
      const { book, undelivered } = await writeDeliveredRows(tx, job, finished);
      await reattachCorrections(tx, jobId);
      const delivered = book.rows.length > 0 ? finished.length - undelivered.length : 0;
      // The results stay on the failed chunks (for the log and the admin); a retry runs their pages again.
      await tx.chunk.updateMany({
        where: delivered > 0 ? { id: { in: undelivered.map((chunk) => chunk.id) } } : { jobId, status: "done" },
        data: { status: "failed", error: delivered > 0 ? undeliveredError : reason, finishedAt: now },
      });

      const chunks = await tx.chunk.findMany({
        where: { jobId },
        orderBy: { index: "asc" },
        select: { status: true, ownedFirst: true, ownedLast: true },
      });
      const done = chunks.filter((chunk) => chunk.status === "done").length;
      const failed = chunks.filter((chunk) => chunk.status === "failed");
      const status = finalStatus(job.status, done, chunks.length);
      await tx.job.update({
        where: { id: jobId },
        data: {
          status,
          step: status,
          chunksDone: done,
          chunksFailed: failed.length,
          chunksTotal: chunks.length,
          sentenceCount: book.rows.length,
          frontMatterPages: book.frontMatterPages,
          backMatterPages: book.backMatterPages,
          finishedAt: now,
          error: done === 0 ? reason : failedPagesError(failed),
        },
      });
      const settlement = await settleJobCredits(tx, jobId);
      jobLog(jobId).error({ status, reason, deliveredChunks: done, sentences: book.rows.length, ...settlement }, "stuck job closed");
      return true;
    },
    // Under the dead letter queue's 60 s expiry, so a slow close fails here and falls back instead.
    { maxWait: 10_000, timeout: 50_000 },
  );
}

export async function closeStuckJob(jobId: string, reason: string): Promise<boolean> {
  try {
    return await closeJob(jobId, reason, true);
  } catch (error) {
    jobLog(jobId).error({ err: error }, "closing with the finished chunks' rows failed; closing without them");
    return closeJob(jobId, reason, false);
  }
}
