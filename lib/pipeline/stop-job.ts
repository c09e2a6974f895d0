// Stopping a book (the cancel and delete commands): stop what has not
// started, tell running chunks to stop, and let merge close the job once
// nothing runs, so finished chunks' sentences stay readable and unused
// credits go back. The caller has already checked the user may do this.
import { db } from "@/lib/db/prisma";
import type { JobStatus } from "@/lib/generated/prisma/client";
import { cancellableJobStatuses, waitingChunkStatuses } from "@/lib/jobs/job-states";
import { cancelWaitingJobs } from "@/lib/queue/boss";
import { isJobQuiet } from "@/lib/pipeline/dispatch-chunks";
import { requestMerge } from "@/lib/pipeline/request-merge";
import { jobLog } from "@/lib/log";
import { lockJob } from "@/lib/db/lock-rows";

export interface StopResult {
  status: JobStatus;
  /** False when the job had already ended: cancelling it changed nothing. */
  changed: boolean;
}

export async function stopJob(jobId: string): Promise<StopResult> {
  const queuedChunkIds = await db().$transaction(async (tx) => {
    await lockJob(tx, jobId);
    const moved = await tx.job.updateMany({
      where: { id: jobId, status: { in: cancellableJobStatuses } },
      data: { status: "cancelling", step: "cancelling" },
    });
    if (moved.count === 0) return null;
    const waiting = await tx.chunk.findMany({
      where: { jobId, status: { in: waitingChunkStatuses } },
      select: { id: true },
    });
    await tx.chunk.updateMany({
      where: { jobId, status: { in: waitingChunkStatuses } },
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
  jobLog(jobId).info({ queuedChunks: queuedChunkIds.length }, "job stopping");
  if (queuedChunkIds.length > 0) await cancelWaitingJobs("chunk", { jobId });
  const current = await db().job.findUniqueOrThrow({ where: { id: jobId }, select: { status: true } });
  return { status: current.status, changed: true };
}
