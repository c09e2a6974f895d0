// The periodic sweep (pg-boss schedule, queue `novel-sweep`): finds books
// still queued, running or cancelling that have not changed for
// STUCK_JOB_MINUTES and have nothing waiting or running in any of their
// queues, which no handler will ever move again (a lost pg-boss job, a dead
// letter that itself failed). Such a book keeps its credits reserved and a
// slot of its owner's running cap, so the sweep moves it on:
// - running or cancelling, merge never failed for good: its orphaned chunks
//   fail (or are cancelled) and merge is requested again, which closes the
//   book as usual (partial, failed or cancelled) and settles it;
// - queued (its plan is gone), or its merge already failed for good: it is
//   closed with what its finished chunks can deliver, the rest refunded
//   (closeStuckJob).
// Each book is re-checked under its row lock, so a sweep racing a handler
// or another sweep changes nothing twice. The sweep also deletes expired
// throttle counters (clearExpiredThrottles), which nothing else removes.
import { db, type Tx } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { isJobUnfinished, unfinishedChunkStatuses, unfinishedJobStatuses } from "@/lib/jobs/job-states";
import { jobLog, log } from "@/lib/log";
import { closeStuckJob } from "@/lib/pipeline/close-stuck-job";
import { requestMerge } from "@/lib/pipeline/request-merge";
import { queues } from "@/lib/queue/queues";
import { lockJob } from "@/lib/db/lock-rows";
import { clearExpiredThrottles } from "@/lib/rate-limit/clear-expired-throttles";

/** Queues whose jobs carry a book's `jobId` and move it forward. */
const bookQueues = [queues.plan, queues.chunk, queues.chunkAbandoned, queues.merge, queues.planAbandoned, queues.mergeAbandoned].map(
  (queue) => queue.name,
);

export interface SweepResult {
  /** Books whose merge was requested again. */
  merged: string[];
  /** Books closed and refunded. */
  closed: string[];
}

async function hasLiveQueueJob(tx: Tx, jobId: string): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ live: boolean }[]>`
    select exists (
      select 1 from pgboss.job
      where name = any(${bookQueues}) and state in ('created', 'retry', 'active') and data->>'jobId' = ${jobId}
    ) as live`;
  return row?.live ?? false;
}

async function mergeFailedForGood(tx: Tx, jobId: string): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ failed: boolean }[]>`
    select exists (
      select 1 from pgboss.job where name = ${queues.merge.name} and state = 'failed' and data->>'jobId' = ${jobId}
    ) as failed`;
  return row?.failed ?? false;
}

type Verdict = "merge" | "close" | "skip";

export async function sweepStuckJobs(options: { olderThan?: Date } = {}): Promise<SweepResult> {
  const olderThan = options.olderThan ?? new Date(Date.now() - env().STUCK_JOB_MINUTES * 60_000);
  await clearExpiredThrottles();
  const candidates = await db().job.findMany({
    where: { status: { in: unfinishedJobStatuses }, updatedAt: { lt: olderThan } },
    select: { id: true },
    orderBy: { updatedAt: "asc" },
    take: 100,
  });
  const result: SweepResult = { merged: [], closed: [] };
  for (const { id } of candidates) {
    const verdict = await db().$transaction(async (tx): Promise<Verdict> => {
      await lockJob(tx, id);
      const job = await tx.job.findUnique({ where: { id }, select: { status: true, updatedAt: true } });
      if (!job || !isJobUnfinished(job.status) || job.updatedAt >= olderThan) return "skip";
      if (await hasLiveQueueJob(tx, id)) return "skip";
      if (job.status === "queued" || (await mergeFailedForGood(tx, id))) return "close";

      const orphans = await tx.chunk.updateMany({
        where: { jobId: id, status: { in: unfinishedChunkStatuses } },
        data:
          job.status === "cancelling"
            ? { status: "cancelled", finishedAt: new Date() }
            : { status: "failed", error: "These pages were lost by the queue; retry them.", finishedAt: new Date() },
      });
      if (orphans.count > 0 && job.status !== "cancelling") {
        await tx.job.update({ where: { id }, data: { chunksFailed: { increment: orphans.count } } });
      }
      await requestMerge(tx, id);
      jobLog(id).warn({ orphanedChunks: orphans.count }, "sweep: stuck job, merge requested again");
      return "merge";
    });
    if (verdict === "merge") result.merged.push(id);
    if (verdict === "close" && (await closeStuckJob(id, "This book stopped making progress and was closed; its credits were refunded."))) {
      result.closed.push(id);
    }
  }
  if (result.merged.length + result.closed.length > 0) log.warn({ ...result }, "sweep moved stuck jobs");
  return result;
}
