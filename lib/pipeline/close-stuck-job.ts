// Closes a job that the pipeline cannot finish: its plan or merge ran out of
// attempts (their dead letter queues call this), or the sweep found it with
// no work left in pg-boss. Nothing was delivered for the chunks it had, so
// every chunk that did not already fail or stop is marked failed with the
// reason, sentences from an earlier merge are removed, and the settlement
// refunds everything not charged: the user pays only for what they can read
// (nothing), and a retry re-runs every page. Idempotent: a closed job is left
// alone. Lock order: the job row, then (settling) its owner's row.
import { db } from "@/lib/db/prisma";
import { settleJobCredits } from "@/lib/credits/settle-job-credits";
import { isJobUnfinished, unfinishedChunkStatuses } from "@/lib/jobs/job-states";
import { jobLog } from "@/lib/log";
import { lockJob } from "@/lib/db/lock-rows";

export async function closeStuckJob(jobId: string, reason: string): Promise<boolean> {
  return db().$transaction(
    async (tx) => {
      await lockJob(tx, jobId);
      const job = await tx.job.findUnique({ where: { id: jobId }, select: { status: true } });
      if (!job || !isJobUnfinished(job.status)) return false;

      const now = new Date();
      await tx.chunk.updateMany({
        where: { jobId, status: { in: [...unfinishedChunkStatuses, "done"] } },
        data: { status: "failed", error: reason, finishedAt: now },
      });
      const [failed, total] = await Promise.all([
        tx.chunk.count({ where: { jobId, status: "failed" } }),
        tx.chunk.count({ where: { jobId } }),
      ]);
      await tx.sentence.deleteMany({ where: { jobId } });
      await tx.originalSentence.deleteMany({ where: { jobId } });
      const status = job.status === "cancelling" ? "cancelled" : "failed";
      await tx.job.update({
        where: { id: jobId },
        data: {
          status,
          step: status,
          chunksDone: 0,
          chunksFailed: failed,
          chunksTotal: total,
          sentenceCount: 0,
          finishedAt: now,
          error: reason,
        },
      });
      const settlement = await settleJobCredits(tx, jobId);
      jobLog(jobId).error({ status, reason, ...settlement }, "stuck job closed");
      return true;
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}
