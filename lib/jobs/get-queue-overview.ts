// The admin dashboard's view of the pipeline: pg-boss queue counts, the
// worker processes that are alive, how long the oldest waiting job has
// waited, recent failures, the product's jobs by status, and the Gemini
// requests and tokens of the last day.
import { db } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import type { JobStatus } from "@/lib/generated/prisma/client";
import { readQueueBacklog } from "@/lib/jobs/assert-queue-capacity";
import { queues } from "@/lib/queue/queues";
import { boss } from "@/lib/queue/boss";

export interface QueueOverview {
  name: string;
  queuedCount: number;
  readyCount: number;
  deferredCount: number;
  activeCount: number;
  failedCount: number;
  totalCount: number;
  oldestWaitingSeconds: number | null;
  failedLastHour: number;
}

export interface WorkerOverview {
  id: string;
  name: string | null;
  host: string;
  pid: number;
  startedOn: string;
  heartbeatOn: string;
  /** Queues this process works, with jobs in hand at its last heartbeat. */
  queues: { queue: string; active: number; localConcurrency: number }[];
}

/** Gemini requests of the last 24 hours by model and purpose (rewrite, rewrite-again, ocr). */
export interface GeminiUsageOverview {
  model: string;
  purpose: string;
  requests: number;
  failed: number;
  promptTokens: number;
  outputTokens: number;
  jobs: number;
}

export interface PipelineOverview {
  queues: QueueOverview[];
  workers: WorkerOverview[];
  oldestWaitingSeconds: number | null;
  failuresLastHour: number;
  jobsByStatus: Record<JobStatus, number>;
  backlog: { queuedJobs: number; pendingChunks: number; limit: number };
  geminiUsage: GeminiUsageOverview[];
  generatedAt: string;
}

export async function getQueueOverview(): Promise<PipelineOverview> {
  const queueBoss = await boss();
  const names = Object.values(queues).map((queue) => queue.name);

  const [queueRows, instances, waiting, failures, statusRows, backlog, geminiUsage] = await Promise.all([
    queueBoss.getQueues(names),
    queueBoss.getInstances(),
    // pgboss.job is partitioned by queue name; both reads are per-queue aggregates.
    db().$queryRaw<{ name: string; seconds: number | null }[]>`
      select name, extract(epoch from now() - min(created_on))::float8 as seconds
      from pgboss.job where state in ('created', 'retry') and name = any(${names}) group by name`,
    db().$queryRaw<{ name: string; count: number }[]>`
      select name, count(*)::int as count
      from pgboss.job
      where state = 'failed' and completed_on > now() - interval '1 hour' and name = any(${names})
      group by name`,
    db().job.groupBy({ by: ["status"], _count: { _all: true } }),
    readQueueBacklog(db()),
    db().$queryRaw<GeminiUsageOverview[]>`
      select model, purpose, count(*)::int as requests, count(*) filter (where code <> '200')::int as failed,
             sum("promptTokens")::int as "promptTokens", sum("outputTokens")::int as "outputTokens",
             count(distinct "jobId")::int as jobs
      from "GeminiRequest" where "createdAt" > now() - interval '24 hours'
      group by model, purpose order by model, purpose`,
  ]);

  const oldestByQueue = new Map(waiting.map((row) => [row.name, row.seconds]));
  const failedByQueue = new Map(failures.map((row) => [row.name, row.count]));
  const overview = queueRows.map<QueueOverview>((queue) => ({
    name: queue.name,
    queuedCount: queue.queuedCount,
    readyCount: queue.readyCount,
    deferredCount: queue.deferredCount,
    activeCount: queue.activeCount,
    failedCount: queue.failedCount,
    totalCount: queue.totalCount,
    oldestWaitingSeconds: roundOrNull(oldestByQueue.get(queue.name) ?? null),
    failedLastHour: failedByQueue.get(queue.name) ?? 0,
  }));

  const jobsByStatus: Record<JobStatus, number> = {
    queued: 0,
    running: 0,
    cancelling: 0,
    cancelled: 0,
    succeeded: 0,
    partial: 0,
    failed: 0,
  };
  for (const row of statusRows) jobsByStatus[row.status] = row._count._all;

  const oldest = waiting.reduce<number | null>(
    (max, row) => (row.seconds !== null && (max === null || row.seconds > max) ? row.seconds : max),
    null,
  );
  return {
    queues: overview,
    workers: instances
      .filter((instance) => instance.live && instance.workers.length > 0)
      .map((instance) => ({
        id: instance.id,
        name: instance.name,
        host: instance.host,
        pid: instance.pid,
        startedOn: new Date(instance.startedOn).toISOString(),
        heartbeatOn: new Date(instance.heartbeatOn).toISOString(),
        queues: instance.workers.map((worker) => ({
          queue: worker.queue,
          active: worker.active,
          localConcurrency: worker.localConcurrency,
        })),
      })),
    oldestWaitingSeconds: roundOrNull(oldest),
    failuresLastHour: failures.reduce((sum, row) => sum + row.count, 0),
    jobsByStatus,
    backlog: { ...backlog, limit: env().QUEUE_BACKPRESSURE_LIMIT },
    geminiUsage,
    generatedAt: new Date().toISOString(),
  };
}

function roundOrNull(value: number | null): number | null {
  return value === null ? null : Math.round(value);
}
