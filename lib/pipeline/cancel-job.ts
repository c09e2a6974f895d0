// Cancelling a book: stop what has not started, tell running chunks to stop,
// and let merge close the job once nothing runs, so finished chunks' sentences
// stay readable and unused credits go back.
import { db } from "@/lib/db/prisma";
import type { JobStatus } from "@/lib/generated/prisma/client";
import { findAccessibleJob } from "@/lib/jobs/find-accessible-job";
import { queues } from "@/lib/jobs/queues";
import { boss } from "@/lib/queue/boss";
import { isJobQuiet } from "@/lib/pipeline/dispatch-chunks";
import { requestMerge } from "@/lib/pipeline/request-merge";
import { jobLog } from "@/lib/log";

export interface CancelResult {
  status: JobStatus;
  /** False when the job had already ended: cancelling it changed nothing. */
  changed: boolean;
}

export async function cancelJob(options: {
  jobId: string;
  userId: string;
  isAdmin?: boolean;
}): Promise<CancelResult> {
  const { jobId } = options;
  await findAccessibleJob(options);

  const queuedChunkIds = await db().$transaction(async (tx) => {
    await tx.$queryRaw`select id from "Job" where id = ${jobId}::uuid for update`;
    const moved = await tx.job.updateMany({
      where: { id: jobId, status: { in: ["queued", "running"] } },
      data: { status: "cancelling", step: "cancelling" },
    });
    if (moved.count === 0) return null;
    const waiting = await tx.chunk.findMany({
      where: { jobId, status: { in: ["pending", "queued"] } },
      select: { id: true },
    });
    await tx.chunk.updateMany({
      where: { jobId, status: { in: ["pending", "queued"] } },
      data: { status: "cancelled", finishedAt: new Date() },
    });
    // Nothing running: close now. Otherwise the last running chunk closes it.
    if (await isJobQuiet(tx, jobId)) await requestMerge(tx, jobId);
    return waiting.map((chunk) => chunk.id);
  });

  if (queuedChunkIds === null) {
    const current = await db().job.findUniqueOrThrow({ where: { id: jobId }, select: { status: true } });
    return { status: current.status, changed: false };
  }
  jobLog(jobId).info({ by: options.userId, queuedChunks: queuedChunkIds.length }, "job cancelling");
  if (queuedChunkIds.length > 0) await cancelQueuedChunkJobs(jobId);
  const current = await db().job.findUniqueOrThrow({ where: { id: jobId }, select: { status: true } });
  return { status: current.status, changed: true };
}

/** Removes the book's waiting chunk jobs from the queue so no worker picks them up. */
async function cancelQueuedChunkJobs(jobId: string): Promise<void> {
  const queueBoss = await boss();
  const waiting = await queueBoss.findJobs(queues.chunk.name, { data: { jobId }, queued: true });
  if (waiting.length > 0) {
    await queueBoss.cancel(
      queues.chunk.name,
      waiting.map((job) => job.id),
    );
  }
}
