// The retry command: a user re-runs only the chunks of a partial or failed
// book that failed for good (all of them, or the ones an administrator names),
// paying only for their pages. Access is checked on the job row this command
// locks, so it holds until the transaction ends.
import type { ActingUser } from "@/lib/commands/acting-user";
import { db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { priceJob } from "@/lib/credits/price-job";
import { reserveCredits } from "@/lib/credits/reserve-credits";
import type { JobStatus } from "@/lib/generated/prisma/client";
import { assertQueueCapacity } from "@/lib/jobs/assert-queue-capacity";
import { canRetryJob } from "@/lib/jobs/job-states";
import { assertGeminiBudgetLeft } from "@/lib/jobs/unpaid-gemini-tokens";
import { assertJobVisible, jobNotFound } from "@/lib/jobs/find-accessible-job";
import { isUuid } from "@/lib/validations/uuid";
import { dispatchChunks } from "@/lib/pipeline/dispatch-chunks";
import { jobLog } from "@/lib/log";
import { assertJobStartAllowed } from "@/lib/rate-limit/assert-job-start-allowed";
import { lockJob, lockUser } from "@/lib/db/lock-rows";
import { noteJobChanged } from "@/lib/jobs/job-changes";

type RetryOptions = ActingUser & {
  jobId: string;
  /** Only these failed chunks (an administrator requeuing a dead letter). */
  chunkIds?: string[];
};

export async function retryFailedChunks(options: RetryOptions): Promise<{ status: JobStatus; reserved: number }> {
  if (!isUuid(options.jobId)) throw jobNotFound();
  try {
    return await retryInTransaction(options);
  } finally {
    // Committed (or not): this process's polls of the job read it again (job-changes.ts).
    noteJobChanged(options.jobId);
  }
}

function retryInTransaction(options: RetryOptions): Promise<{ status: JobStatus; reserved: number }> {
  const { jobId } = options;
  return db().$transaction(async (tx) => {
    // Lock order: the job row, then its owner's row, as in merge and delete.
    await lockJob(tx, jobId);
    const job = await tx.job.findUnique({ where: { id: jobId } });
    assertJobVisible(job, options.userId, options.isAdmin);
    if (!canRetryJob(job.status)) {
      throw new AppError("conflict", `Only a partial or failed job can be retried; this one is ${job.status}.`);
    }
    // A retry starts paid work like a new book, so it passes the same gates:
    // the owner's start rate and running cap (exact under the owner's lock,
    // which creation also takes) and the global back-pressure.
    await lockUser(tx, job.userId);
    await assertJobStartAllowed(tx, { userId: job.userId });
    if (job.engine === "gemini") await assertGeminiBudgetLeft(tx, { userId: job.userId });
    await assertQueueCapacity(tx);
    const which = { jobId, status: "failed" as const, ...(options.chunkIds ? { id: { in: options.chunkIds } } : {}) };
    const failed = await tx.chunk.findMany({ where: which });
    if (failed.length === 0) {
      throw new AppError("conflict", "This job has no failed pages to retry.");
    }
    const pages = failed.reduce((sum, chunk) => sum + chunk.ownedLast - chunk.ownedFirst + 1, 0);
    // A model taken off the list since the job started is refused (422, naming the allowed ones).
    const price = priceJob({ pageCount: pages, engine: job.engine, model: job.model });
    await reserveCredits(tx, {
      userId: job.userId,
      jobId,
      amount: price,
      reason: `Retry of ${failed.length} failed chunk(s) of ${job.fileName}`,
    });
    await tx.chunk.updateMany({
      where: which,
      // A result left on a chunk whose rows could not be written when its book
      // was closed (close-stuck-job.ts) is replaced by the new run's.
      data: { status: "pending", error: null, finishedAt: null },
    });
    await tx.job.update({
      where: { id: jobId },
      data: {
        status: "running",
        step: "processing",
        chunksFailed: { decrement: failed.length },
        error: null,
        finishedAt: null,
        settledAt: null,
      },
    });
    await dispatchChunks(tx, jobId);
    jobLog(jobId).info({ by: options.userId, chunks: failed.length, reserved: price }, "job retry of failed chunks");
    return { status: "running" as const, reserved: price };
  });
}
