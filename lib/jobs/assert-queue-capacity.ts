// Global back-pressure: when the backlog is too deep, new books are refused
// with a 503 and Retry-After instead of waiting for hours. The backlog is
// read from the Job table (status index): queued books, and the chunks still
// to process across active books (a book not planned yet counts the chunks
// it will have).
import type { Tx } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export interface QueueBacklog {
  queuedJobs: number;
  pendingChunks: number;
}

export async function readQueueBacklog(client: Tx): Promise<QueueBacklog> {
  const chunkPages = env().CHUNK_PAGES;
  const [row] = await client.$queryRaw<{ queuedJobs: number; pendingChunks: number }[]>`
    select
      (count(*) filter (where status = 'queued'))::int as "queuedJobs",
      coalesce(sum(
        case when "chunksTotal" > 0
          then greatest("chunksTotal" - "chunksDone" - "chunksFailed", 0)
          else greatest(round("pageCount"::numeric / ${chunkPages}), 1)
        end
      ), 0)::int as "pendingChunks"
    from "Job"
    where status in ('queued', 'running')`;
  return { queuedJobs: row?.queuedJobs ?? 0, pendingChunks: row?.pendingChunks ?? 0 };
}

export async function assertQueueCapacity(client: Tx): Promise<void> {
  const limit = env().QUEUE_BACKPRESSURE_LIMIT;
  const backlog = await readQueueBacklog(client);
  if (backlog.pendingChunks > limit || backlog.queuedJobs > limit) {
    throw new AppError(
      "unavailable",
      "The service is busy processing other books right now. Please try again in a minute.",
      { retryAfterSeconds: 30 },
    );
  }
}
