// The worker is this table: each queue and the pipeline step that handles
// it. `work` parses every payload against the queue's schema first, and the
// queue's definition (lib/queue/queues.ts) says how many run at once.
import type { PgBoss } from "pg-boss";
import { closeStuckJob } from "@/lib/pipeline/close-stuck-job";
import { mergeJob } from "@/lib/pipeline/merge-job";
import { planJob } from "@/lib/pipeline/plan-job";
import { failAbandonedChunk, processChunk } from "@/lib/pipeline/process-chunk";
import { sweepStuckJobs } from "@/lib/pipeline/sweep-stuck-jobs";
import { queues, sweepCron, type QueueKey } from "@/lib/queue/queues";
import { work, type QueueHandler } from "@/lib/queue/work";
import { failAbandonedStudySet, runStudySet } from "@/lib/study-sets/run-study-set";

const steps: { [K in QueueKey]: QueueHandler<K> } = {
  plan: ({ jobId }) => planJob(jobId),
  chunk: ({ jobId, chunkId }, job) =>
    processChunk({ jobId, chunkId, signal: job.signal, willRetry: job.retryCount < job.retryLimit }),
  chunkAbandoned: ({ jobId, chunkId }) => failAbandonedChunk(jobId, chunkId),
  planAbandoned: ({ jobId }) => closeStuckJob(jobId, "This book could not be split into chunks; its credits were refunded."),
  merge: ({ jobId }) => mergeJob(jobId),
  mergeAbandoned: ({ jobId }) =>
    closeStuckJob(jobId, "This book's sentences could not be assembled; its credits were refunded. Retry it to run it again."),
  sweep: () => sweepStuckJobs(),
  studySet: ({ studySetId }) => runStudySet(studySetId),
  studySetAbandoned: ({ studySetId }) => failAbandonedStudySet(studySetId),
};

export async function registerHandlers(boss: PgBoss): Promise<void> {
  const register = <K extends QueueKey>(key: K) => work(boss, key, steps[key]);
  for (const key of Object.keys(queues) as QueueKey[]) await register(key);
  // Idempotent: every worker writes the same schedule row.
  await boss.schedule(queues.sweep.name, sweepCron, {});
}
