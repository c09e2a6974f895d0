// Every pg-boss queue the product uses, defined once: its name, its payload
// schema, its queue options (retries, expiry, dead letter), the options every
// send adds, and how many jobs a worker process runs at once. `sendJob` and
// `work` take a queue's key, so the sender and the handler cannot drift.
import { z } from "zod";
import type { Queue, SendOptions } from "pg-boss";
import { env } from "@/lib/env";

const jobPayload = z.object({ jobId: z.uuid() });
const chunkPayload = z.object({ jobId: z.uuid(), chunkId: z.uuid() });

const week = 7 * 24 * 3600;

interface QueueDefinition<P extends z.ZodType> {
  name: string;
  payload: P;
  /** Read when pg-boss starts, since some follow the environment. */
  options: () => Omit<Queue, "name">;
  /** Options added to every send of this queue. */
  sendOptions?: (payload: z.infer<P>) => SendOptions;
  /** Jobs of this queue one worker process runs at once. */
  localConcurrency: () => number;
}

function defineQueue<P extends z.ZodType>(definition: QueueDefinition<P>): QueueDefinition<P> {
  return definition;
}

/** Kept a week, and woken by NOTIFY on insert (workers also poll: lib/queue/work.ts). */
const kept = { deleteAfterSeconds: week, notify: true } as const;

/**
 * Where pg-boss moves a job of another queue that ran out of attempts
 * without its handler finishing; one job at a time, a minute each.
 */
function deadLetterQueue<P extends z.ZodType>(name: string, payload: P): QueueDefinition<P> {
  return defineQueue({
    name,
    payload,
    options: () => ({ policy: "standard", retryLimit: 3, retryDelay: 2, expireInSeconds: 60, ...kept }),
    localConcurrency: () => 1,
  });
}

/**
 * Where pg-boss moves a chunk job that ran out of attempts without its
 * handler finishing (a worker killed on the last attempt), so the chunk is
 * marked failed and the book still closes. Created before `chunk`, which
 * names it as its dead letter queue.
 */
const chunkAbandoned = deadLetterQueue("novel-chunk-abandoned", chunkPayload);
/**
 * Where pg-boss moves a plan or merge job that ran out of attempts: the
 * book is closed and refunded (lib/pipeline/close-stuck-job.ts) instead of
 * staying queued or running forever with its credits reserved. Created
 * before `plan` and `merge`, which name them as their dead letter queues.
 */
const planAbandoned = deadLetterQueue("novel-plan-abandoned", jobPayload);
const mergeAbandoned = deadLetterQueue("novel-merge-abandoned", jobPayload);
const studySetPayload = z.object({ studySetId: z.uuid() });
/**
 * Where pg-boss moves a study-set job that ran out of attempts without its
 * handler finishing (expired, or its worker killed): the set is marked
 * failed instead of staying `running` forever.
 */
const studySetAbandoned = deadLetterQueue("study-set-abandoned", studySetPayload);

export const queues = {
  // The dead letter queues come first: pg-boss creates the queues in this
  // order, and a queue's dead letter queue must exist before it.
  chunkAbandoned,
  planAbandoned,
  mergeAbandoned,
  studySetAbandoned,
  /** Splits a book into chunks and queues the first window of them. */
  plan: defineQueue({
    name: "novel-plan",
    payload: jobPayload,
    options: () => ({
      policy: "standard",
      retryLimit: 3,
      retryDelay: 2,
      retryBackoff: true,
      expireInSeconds: 120,
      deadLetter: planAbandoned.name,
      ...kept,
    }),
    localConcurrency: () => 2,
  }),
  /** Runs the engine on one chunk; the heartbeat frees a dead worker's chunk fast. */
  chunk: defineQueue({
    name: "novel-chunk",
    payload: chunkPayload,
    options: () => ({
      policy: "standard",
      retryLimit: env().CHUNK_RETRY_LIMIT,
      retryDelay: 2,
      retryBackoff: true,
      retryDelayMax: 60,
      expireInSeconds: env().CHUNK_EXPIRE_SECONDS,
      heartbeatSeconds: 10,
      deadLetter: chunkAbandoned.name,
      ...kept,
    }),
    localConcurrency: () => env().WORKER_CONCURRENCY,
  }),
  /** Stitches chunk results into the book's sentence list and settles credits. */
  merge: defineQueue({
    name: "novel-merge",
    payload: jobPayload,
    options: () => ({
      // At most one merge waiting per book, however many chunk handlers ask.
      policy: "stately",
      retryLimit: 3,
      retryDelay: 2,
      retryBackoff: true,
      expireInSeconds: 300,
      deadLetter: mergeAbandoned.name,
      ...kept,
    }),
    // A second send for the same book is a no-op while one merge waits.
    sendOptions: ({ jobId }) => ({ singletonKey: jobId }),
    localConcurrency: () => 2,
  }),
  /**
   * The periodic sweep for books nothing will move again
   * (lib/pipeline/sweep-stuck-jobs.ts), sent by pg-boss's cron every
   * `sweepCron`; one at a time across all workers.
   */
  sweep: defineQueue({
    name: "novel-sweep",
    payload: z.object({}),
    options: () => ({
      policy: "singleton",
      retryLimit: 0,
      expireInSeconds: 300,
      deleteAfterSeconds: week,
    }),
    localConcurrency: () => 1,
  }),
  /** Chooses a study set's sentences (lib/study-sets/run-study-set.ts). */
  studySet: defineQueue({
    name: "study-set-select",
    payload: studySetPayload,
    options: () => ({
      policy: "standard",
      retryLimit: 2,
      retryDelay: 5,
      expireInSeconds: 900,
      deadLetter: studySetAbandoned.name,
      ...kept,
    }),
    localConcurrency: () => 1,
  }),
};

/** Every five minutes: a stuck book is found within STUCK_JOB_MINUTES plus five. */
export const sweepCron = "*/5 * * * *";

export type QueueKey = keyof typeof queues;
export type Payload<K extends QueueKey> = z.infer<(typeof queues)[K]["payload"]>;
