// Turns a job row and its chunk statuses into the progress answer. Pure (the
// clock is a parameter), so it is unit-tested without a database.
//
// The ETA projects the finish time from the pace measured at the last change
// of the job row (`updatedAt`: a chunk finishing bumps it), then counts down
// to it, so it moves smoothly between chunk completions instead of drifting
// up while a long chunk runs. `etaSeconds` and `elapsedSeconds` are as of the
// answer; the browser ticks them itself from `startedAt` and
// `estimatedFinishAt`, so the ETag (the job's version, see get-job-version.ts)
// only changes when the job does.
import type { ChunkStatus, Job } from "@/lib/generated/prisma/client";
import { chunkStateLetters, encodeChunkStates } from "@/lib/jobs/chunk-state-runs";
import { isChunkUnfinished, isJobEnded } from "@/lib/jobs/job-states";
import { toJobSummary, type JobSummary, type jobSummarySelect } from "@/lib/jobs/to-job-summary";

/** The job summary plus what a progress bar needs. */
export interface JobProgress extends JobSummary {
  /** 0–100; at most 99 until the job has ended. */
  percent: number;
  /** Seconds left; null while unknown (queued, nothing finished yet) and once ended. */
  etaSeconds: number | null;
  /** Seconds from `startedAt` to now (or `finishedAt`); 0 before the job started. */
  elapsedSeconds: number;
  /**
   * When the job should finish (ISO), projected at its last change; null
   * while unknown and once ended. The browser counts down to it, so the
   * answer (and its ETag) stays the same between changes.
   */
  estimatedFinishAt: string | null;
  /** 1 = next to start; null once the job left the queue. */
  queuePosition: number | null;
  /** Page ranges whose chunks failed for good, adjacent ranges merged. */
  failedPages: { first: number; last: number }[];
  /** Every chunk's state in order, run-length coded ("12d4r19p", see chunk-state-runs.ts); "" until the book is planned. */
  chunkStates: string;
}

/** The job columns the summary selects, plus the time of the last change. */
export type ProgressJobRow = Pick<Job, keyof typeof jobSummarySelect | "updatedAt">;

export interface ProgressChunkRow {
  index: number;
  status: ChunkStatus;
  ownedFirst: number;
  ownedLast: number;
}

/** What the answer needs of a book's chunks: one state letter per chunk in order, and the failed chunks' pages. */
export interface ChunkSnapshot {
  letters: string;
  failedRanges: { first: number; last: number }[];
}

const unfinishedLetters = new Set(
  (Object.keys(chunkStateLetters) as ChunkStatus[]).filter(isChunkUnfinished).map((status) => chunkStateLetters[status]),
);

/** The snapshot of loaded chunk rows (the history list loads them with its jobs). */
export function snapshotChunks(chunks: ProgressChunkRow[]): ChunkSnapshot {
  const ordered = [...chunks].sort((a, b) => a.index - b.index);
  return {
    letters: ordered.map((chunk) => chunkStateLetters[chunk.status]).join(""),
    failedRanges: ordered
      .filter((chunk) => chunk.status === "failed")
      .map((chunk) => ({ first: chunk.ownedFirst, last: chunk.ownedLast })),
  };
}

export function mergePageRanges(
  ranges: { first: number; last: number }[],
): { first: number; last: number }[] {
  const sorted = [...ranges].sort((a, b) => a.first - b.first);
  const merged: { first: number; last: number }[] = [];
  for (const range of sorted) {
    const previous = merged.at(-1);
    if (previous && range.first <= previous.last + 1) previous.last = Math.max(previous.last, range.last);
    else merged.push({ ...range });
  }
  return merged;
}

export function computeJobProgress(
  job: ProgressJobRow,
  chunks: ChunkSnapshot,
  queuePosition: number | null,
  now: Date = new Date(),
): JobProgress {
  const hasEnded = isJobEnded(job.status);
  const finished = job.chunksDone + job.chunksFailed;
  let remaining = 0;
  for (const letter of chunks.letters) if (unfinishedLetters.has(letter)) remaining++;
  const until = hasEnded ? (job.finishedAt ?? job.updatedAt) : now;
  const elapsedMs = job.startedAt ? Math.max(0, until.getTime() - job.startedAt.getTime()) : 0;

  let percent = 0;
  if (hasEnded)
    percent =
      job.status === "cancelled" && job.chunksTotal > 0
        ? Math.round((100 * finished) / job.chunksTotal)
        : 100;
  else if (job.chunksTotal > 0) percent = Math.min(99, Math.floor((100 * finished) / job.chunksTotal));

  let etaSeconds: number | null = null;
  let estimatedFinishAt: string | null = null;
  if (job.status === "running" && job.startedAt && finished > 0) {
    const measuredMs = Math.max(0, job.updatedAt.getTime() - job.startedAt.getTime());
    const projectedEnd = job.updatedAt.getTime() + (remaining * measuredMs) / finished;
    etaSeconds = Math.max(0, Math.round((projectedEnd - now.getTime()) / 1000));
    estimatedFinishAt = new Date(Math.round(projectedEnd)).toISOString();
  }

  return {
    ...toJobSummary(job),
    percent,
    etaSeconds,
    elapsedSeconds: Math.round(elapsedMs / 1000),
    estimatedFinishAt,
    queuePosition: job.status === "queued" ? queuePosition : null,
    failedPages: mergePageRanges(chunks.failedRanges),
    chunkStates: encodeChunkStates(chunks.letters),
  };
}
