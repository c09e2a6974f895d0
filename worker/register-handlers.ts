// Which handler works which queue, and how many at once in this process.
import type { PgBoss } from "pg-boss";
import { env } from "@/lib/env";
import { queues } from "@/lib/jobs/queues";
import { handleAbandonedChunk, handleChunk } from "@/worker/handlers/chunk";
import { handleMerge } from "@/worker/handlers/merge";
import { handlePlan } from "@/worker/handlers/plan";
import { handleStudySet } from "@/worker/handlers/study-set";

// With LISTEN/NOTIFY a new job wakes a worker at once; polling is the backstop.
const polling = { pollingIntervalSeconds: 2, batchSize: 1 } as const;

export async function registerHandlers(boss: PgBoss): Promise<void> {
  await boss.work(queues.plan.name, { ...polling, localConcurrency: 2 }, handlePlan);
  await boss.work(
    queues.chunk.name,
    { ...polling, localConcurrency: env().WORKER_CONCURRENCY, includeMetadata: true },
    handleChunk,
  );
  await boss.work(queues.chunkAbandoned.name, { ...polling, includeMetadata: true }, handleAbandonedChunk);
  await boss.work(queues.merge.name, { ...polling, localConcurrency: 2 }, handleMerge);
  await boss.work(queues.studySet.name, { ...polling, localConcurrency: 1 }, handleStudySet);
}
