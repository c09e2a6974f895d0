// Keeps at most CHUNK_WINDOW of a book's chunks in the queue at once, so a
// 700-page book cannot put 35 chunks ahead of every book uploaded after it,
// and orders the queue so that books closest to done are served first.
import type { Tx } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { inFlightChunkStatuses, unfinishedChunkStatuses } from "@/lib/jobs/job-states";
import { sendJob } from "@/lib/queue/boss";
import { lockJob } from "@/lib/db/lock-rows";

/**
 * Books with less work left go first (pg-boss fetches by priority, then age):
 * a 4-chunk book uploaded beside a 35-chunk one finishes in about the time
 * it takes alone, and a long book gains priority as it nears its end.
 */
export function chunkPriority(remainingChunks: number): number {
  return Math.max(1, 1000 - remainingChunks);
}

/** Queues pending chunks up to the window; returns how many it queued. */
export async function dispatchChunks(tx: Tx, jobId: string): Promise<number> {
  // Serialises concurrent dispatchers of one book (chunk handlers finishing together).
  await lockJob(tx, jobId);
  const active = await tx.chunk.count({ where: { jobId, status: { in: inFlightChunkStatuses } } });
  const room = env().CHUNK_WINDOW - active;
  if (room <= 0) return 0;
  const next = await tx.chunk.findMany({
    where: { jobId, status: "pending" },
    orderBy: { index: "asc" },
    take: room,
    select: { id: true },
  });
  if (next.length === 0) return 0;
  const remaining = active + (await tx.chunk.count({ where: { jobId, status: "pending" } }));
  await tx.chunk.updateMany({
    where: { id: { in: next.map((chunk) => chunk.id) } },
    data: { status: "queued" },
  });
  for (const chunk of next) {
    await sendJob("chunk", { jobId, chunkId: chunk.id }, { tx, priority: chunkPriority(remaining) });
  }
  return next.length;
}

/** True when no chunk of the book is waiting or running. */
export async function isJobQuiet(tx: Tx, jobId: string): Promise<boolean> {
  const busy = await tx.chunk.count({
    where: { jobId, status: { in: unfinishedChunkStatuses } },
  });
  return busy === 0;
}
