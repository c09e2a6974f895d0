// Runs a queue's jobs in this process. Every job of a fetched batch is handled
// and settled on its own, so raising batchSize can never skip a job, and a
// payload that does not match the queue's schema fails at once: retrying it
// would fail the same way.
import type { JobResult, JobWithMetadata, PgBoss } from "pg-boss";
import { log } from "@/lib/log";
import { queues, type Payload, type QueueKey } from "@/lib/queue/queues";

/** A step: what one job of the queue does, given its parsed payload. */
export type QueueHandler<K extends QueueKey> = (
  payload: Payload<K>,
  job: JobWithMetadata<unknown>,
) => Promise<unknown>;

export interface WorkOptions {
  /** Jobs fetched per poll; each is still handled and settled on its own. */
  batchSize?: number;
}

/**
 * How a worker slot waits between fetches. pg-boss polls a queue with NOTIFY
 * on only every 30 s by default (`notifyPollingIntervalSeconds`), and a
 * NOTIFY comes only when a job is inserted: a backlog already in the queue
 * (400 jobs sent at once, 20 books planned together) was drained at one job
 * per slot per 30 s. So the backstop is the same 2 s as without NOTIFY, and a
 * slot fetches again at once while the queue still has jobs ready (the ready
 * count is pg-boss's cached queue stats, refreshed every few seconds, see
 * lib/queue/boss.ts; an empty fetch ends the burst).
 */
export const fetchPacing = {
  pollingIntervalSeconds: 2,
  notifyPollingIntervalSeconds: 2,
  burstWhenReadyExceeds: 1,
} as const;

export async function work<K extends QueueKey>(
  boss: PgBoss,
  key: K,
  handler: QueueHandler<K>,
  options: WorkOptions = {},
): Promise<string> {
  const queue = queues[key];
  return boss.work(
    queue.name,
    {
      // With LISTEN/NOTIFY a new job wakes a worker at once; polling is the backstop.
      ...fetchPacing,
      batchSize: options.batchSize ?? 1,
      localConcurrency: queue.localConcurrency(),
      includeMetadata: true,
      perJobResults: true,
    },
    async (jobs: JobWithMetadata<unknown>[]) => {
      const results: JobResult[] = [];
      for (const job of jobs) results.push(await runJob(key, handler, job));
      return results;
    },
  );
}

const running = new Map<QueueKey, number>();

/** The jobs this process is handling right now, per queue: what a stopping worker waits for. */
export function countRunningJobs(): ReadonlyMap<QueueKey, number> {
  return running;
}

async function runJob<K extends QueueKey>(
  key: K,
  handler: QueueHandler<K>,
  job: JobWithMetadata<unknown>,
): Promise<JobResult> {
  running.set(key, (running.get(key) ?? 0) + 1);
  try {
    return await settleJob(key, handler, job);
  } finally {
    running.set(key, running.get(key)! - 1);
  }
}

async function settleJob<K extends QueueKey>(
  key: K,
  handler: QueueHandler<K>,
  job: JobWithMetadata<unknown>,
): Promise<JobResult> {
  const parsed = queues[key].payload.safeParse(job.data);
  if (!parsed.success) {
    log.error({ queue: queues[key].name, queueJobId: job.id, issues: parsed.error.issues }, "invalid job payload");
    // Straight to the dead letter queue, or failed for good where there is none.
    return { id: job.id, status: "deadletter", output: { message: "Invalid payload", issues: parsed.error.issues } };
  }
  try {
    return { id: job.id, status: "completed", output: await handler(parsed.data as Payload<K>, job) };
  } catch (error) {
    // pg-boss retries it, or moves it to the dead letter queue once attempts run out.
    return { id: job.id, status: "failed", output: error };
  }
}
