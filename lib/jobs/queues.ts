// Every pg-boss queue the product uses: its name, payload schema and options,
// defined once and shared by the code that sends and the code that handles.
import { z } from "zod";
import type { Queue, SendOptions } from "pg-boss";
import { env } from "@/lib/env";

const jobPayload = z.object({ jobId: z.uuid() });
const chunkPayload = z.object({ jobId: z.uuid(), chunkId: z.uuid() });

const week = 7 * 24 * 3600;

export const queues = {
  /**
   * Where pg-boss moves a chunk job that ran out of attempts without its
   * handler finishing (a worker killed on the last attempt), so the chunk is
   * marked failed and the book still closes. Created before `chunk`, which
   * names it as its dead letter queue.
   */
  chunkAbandoned: {
    name: "novel-chunk-abandoned",
    payload: chunkPayload,
    options: (): Omit<Queue, "name"> => ({
      policy: "standard",
      retryLimit: 3,
      retryDelay: 2,
      expireInSeconds: 60,
      deleteAfterSeconds: week,
      notify: true,
    }),
  },
  /** Splits a book into chunks and queues the first window of them. */
  plan: {
    name: "novel-plan",
    payload: jobPayload,
    options: (): Omit<Queue, "name"> => ({
      policy: "standard",
      retryLimit: 3,
      retryDelay: 2,
      retryBackoff: true,
      expireInSeconds: 120,
      deleteAfterSeconds: week,
      notify: true,
    }),
  },
  /** Runs the engine on one chunk; the heartbeat frees a dead worker's chunk fast. */
  chunk: {
    name: "novel-chunk",
    payload: chunkPayload,
    options: (): Omit<Queue, "name"> => ({
      policy: "standard",
      retryLimit: env().CHUNK_RETRY_LIMIT,
      retryDelay: 2,
      retryBackoff: true,
      retryDelayMax: 60,
      expireInSeconds: env().CHUNK_EXPIRE_SECONDS,
      heartbeatSeconds: 10,
      deadLetter: "novel-chunk-abandoned",
      deleteAfterSeconds: week,
      notify: true,
    }),
  },
  /** Stitches chunk results into the book's sentence list and settles credits. */
  merge: {
    name: "novel-merge",
    payload: jobPayload,
    options: (): Omit<Queue, "name"> => ({
      // At most one merge waiting per book, however many chunk handlers ask.
      policy: "stately",
      retryLimit: 3,
      retryDelay: 2,
      retryBackoff: true,
      expireInSeconds: 300,
      deleteAfterSeconds: week,
      notify: true,
    }),
  },
  /** Chooses a study set's sentences (lib/study-sets/run-study-set.ts). */
  studySet: {
    name: "study-set-select",
    payload: z.object({ studySetId: z.uuid() }),
    options: (): Omit<Queue, "name"> => ({
      policy: "standard",
      retryLimit: 2,
      retryDelay: 5,
      expireInSeconds: 900,
      deleteAfterSeconds: week,
      notify: true,
    }),
  },
} as const;

export type QueueKey = keyof typeof queues;
export type Payload<K extends QueueKey> = z.infer<(typeof queues)[K]["payload"]>;

/** Send options that make a second send for the same book a no-op. */
export function singletonFor(jobId: string): SendOptions {
  return { singletonKey: jobId };
}
