// A job's version: its last change, its status, its chunk grid (one state
// letter per chunk) and, only while queued, its place in the queue.
// Everything the progress answer shows follows from these (the clock is the
// browser's: it counts from `startedAt` towards `estimatedFinishAt`), so the
// version is the answer's ETag (an unchanged one answers 304) and the key
// under which a process shares the computed answer (poll-job-progress.ts).
import { countChunkStates } from "@/lib/jobs/chunk-state-runs";
import { chunkStatuses } from "@/lib/jobs/job-states";
import { Prisma, type ChunkStatus, type JobStatus } from "@/lib/generated/prisma/client";

export interface JobVersionInput {
  updatedAt: Date;
  status: JobStatus;
  chunkStatuses: Partial<Record<ChunkStatus, number>>;
  queuePosition: number | null;
}

/** The progress answer's ETag: it changes exactly when what the answer shows can change. */
export function jobVersionTag(input: JobVersionInput): string {
  const counts = chunkStatuses.map((status) => input.chunkStatuses[status] ?? 0).join(".");
  return `W/"v1-${input.updatedAt.getTime().toString(36)}-${input.status}-${counts}-${input.queuePosition ?? ""}"`;
}

/** The job's version as read from the database, in the form both the ETag and the progress cache use. */
export interface JobVersionState {
  updatedAt: Date;
  status: JobStatus;
  /** One state letter per chunk, in chunk order (chunk-state-runs.ts). */
  letters: string;
  queuePosition: number | null;
}

/**
 * The progress cache's key: the ETag's inputs with the whole chunk grid
 * rather than its counts, so two answers with the same key are the same
 * answer. A cancel, a retry or any chunk's change gives a new key.
 */
export function jobVersionKey(state: JobVersionState): string {
  return `${state.updatedAt.getTime()}|${state.status}|${state.letters}|${state.queuePosition ?? ""}`;
}

export function jobVersionEtag(state: JobVersionState): string {
  return jobVersionTag({
    updatedAt: state.updatedAt,
    status: state.status,
    chunkStatuses: countChunkStates(state.letters),
    queuePosition: state.queuePosition,
  });
}

/** Where a queued job stands (1 = next to start), as SQL on the row `j`: only queued jobs are counted, through the status index. */
export const queuePositionSql = Prisma.sql`CASE WHEN j.status = 'queued' THEN (
    SELECT count(*)::int + 1 FROM "Job" q WHERE q.status = 'queued' AND q."createdAt" < j."createdAt") END`;

/** The book's chunk states in order, as SQL on the row `j`. */
export const chunkLettersSql = Prisma.sql`(SELECT string_agg(left(c.status::text, 1), '' ORDER BY c.index) FROM "Chunk" c WHERE c."jobId" = j.id)`;
