// The progress answer of one job, read in one query: the job row's summary
// columns, its chunk grid (one state letter per chunk, from the (jobId, …)
// index: no chunk row is loaded), the failed chunks' pages and, only while
// queued, its place in the queue. Its ETag and its progress-cache key come
// from the same row, so the answer and its tag always describe the same
// moment. Polls go through pollJobProgress (poll-job-progress.ts), which
// shares the reads and one computed answer per version between every poller
// of the job.
import { db } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import { jobSummarySelect } from "@/lib/jobs/to-job-summary";
import { assertJobVisible, jobNotFound } from "@/lib/jobs/find-accessible-job";
import { isUuid } from "@/lib/validations/uuid";
import { computeJobProgress, type JobProgress, type ProgressJobRow } from "@/lib/jobs/compute-job-progress";
import {
  chunkLettersSql,
  jobVersionEtag,
  jobVersionKey,
  queuePositionSql,
  type JobVersionState,
} from "@/lib/jobs/get-job-version";

export type { JobProgress } from "@/lib/jobs/compute-job-progress";

interface JobProgressOptions {
  jobId: string;
  userId: string;
  isAdmin?: boolean;
}

/** A job's progress answer with the version it was computed from. */
export interface TaggedProgress {
  userId: string;
  progress: JobProgress;
  /** The route's ETag. */
  etag: string;
  /** The progress cache's key (get-job-version.ts). */
  key: string;
}

export async function getJobProgress(options: JobProgressOptions): Promise<JobProgress> {
  return (await getJobProgressTagged(options)).progress;
}

/** The progress answer with its version tag (the route's ETag). */
export async function getJobProgressTagged(options: JobProgressOptions): Promise<TaggedProgress> {
  const { jobId, userId, isAdmin = false } = options;
  if (!isUuid(jobId)) throw jobNotFound();
  const tagged = await readJobProgress(jobId);
  assertJobVisible(tagged, userId, isAdmin);
  return tagged!;
}

export type ProgressRow = ProgressJobRow & {
  userId: string;
  letters: string | null;
  failedRanges: { first: number; last: number }[] | null;
  queuePosition: number | null;
};

// The summary's columns, named once in jobSummarySelect, so a column added
// there reaches the progress answer too. The names are the code's own, never
// input; enum columns come back as their labels.
const summaryColumns = Prisma.raw(
  Object.keys(jobSummarySelect)
    .map((column) => `j."${column}"`)
    .join(", "),
);

/** The job's row as the progress answer needs it, in one query, or null when there is no such job. No access check. */
export async function readProgressRow(jobId: string): Promise<ProgressRow | null> {
  const rows = await db().$queryRaw<ProgressRow[]>`
    SELECT ${summaryColumns}, j."userId", j."updatedAt",
           ${chunkLettersSql} AS letters,
           (SELECT json_agg(json_build_object('first', c."ownedFirst", 'last', c."ownedLast") ORDER BY c.index)
              FROM "Chunk" c WHERE c."jobId" = j.id AND c.status = 'failed') AS "failedRanges",
           ${queuePositionSql} AS "queuePosition"
      FROM "Job" j WHERE j.id = ${jobId}::uuid`;
  return rows[0] ?? null;
}

/** The row's version: the cache key and the ETag both come from it. */
export function progressRowVersion(row: ProgressRow): { key: string; etag: string } {
  const state: JobVersionState = { updatedAt: row.updatedAt, status: row.status, letters: row.letters ?? "", queuePosition: row.queuePosition };
  return { key: jobVersionKey(state), etag: jobVersionEtag(state) };
}

/** The progress answer of a row read by readProgressRow. */
export function tagProgress(row: ProgressRow, now: Date = new Date()): TaggedProgress {
  return {
    userId: row.userId,
    progress: computeJobProgress(row, { letters: row.letters ?? "", failedRanges: row.failedRanges ?? [] }, row.queuePosition, now),
    ...progressRowVersion(row),
  };
}

/** The job's progress as of one query, or null when there is no such job. No access check. */
export async function readJobProgress(jobId: string, now: Date = new Date()): Promise<TaggedProgress | null> {
  const row = await readProgressRow(jobId);
  return row ? tagProgress(row, now) : null;
}
