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
      pollingIntervalSeconds: 2,
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

async function runJob<K extends QueueKey>(
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
