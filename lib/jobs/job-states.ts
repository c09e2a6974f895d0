// The job and chunk state machine as data: every status, the groups the code
// asks about (unfinished, ended, waiting, in flight) and the words the UI
// shows, defined once for the server, the worker and the browser. It imports
// only Prisma's generated enums file, which holds plain constants, so client
// components can import it without pulling in the database client. The sets
// are plain arrays because Prisma's `in` filters take them as they are.
import { BookFormat, ChunkStatus, JobStatus, JobStep } from "@/lib/generated/prisma/enums";

export { BookFormat, ChunkStatus, JobStatus, JobStep };

/**
 * What a book's "page" is: a printed page of a PDF; a section of about 300
 * words of an EPUB or a text file, which have no pages (lib/books). Credits,
 * chunks, progress, a row's location and the exports' column use it.
 */
export function pageUnit(format: BookFormat): { one: string; many: string } {
  return format === BookFormat.pdf ? { one: "page", many: "pages" } : { one: "section", many: "sections" };
}

/** Every job status, in the order a job meets them. */
export const jobStatuses: JobStatus[] = Object.values(JobStatus);

/** Every chunk status, in the order a chunk meets them. */
export const chunkStatuses: ChunkStatus[] = Object.values(ChunkStatus);

/** The job can still change by itself: the worker has work left or is stopping. */
export const unfinishedJobStatuses: JobStatus[] = [JobStatus.queued, JobStatus.running, JobStatus.cancelling];

/** The job will not change any more unless someone retries it. */
export const endedJobStatuses: JobStatus[] = [
  JobStatus.succeeded,
  JobStatus.partial,
  JobStatus.failed,
  JobStatus.cancelled,
];

/** A user may stop the job: nothing has asked it to stop yet. */
export const cancellableJobStatuses: JobStatus[] = [JobStatus.queued, JobStatus.running];

/** Retry re-runs the chunks that failed; it needs an ended job with failures. */
export const retryableJobStatuses: JobStatus[] = [JobStatus.partial, JobStatus.failed];

/** Chunks not started yet: cancel drops them. */
export const waitingChunkStatuses: ChunkStatus[] = [ChunkStatus.pending, ChunkStatus.queued];

/** Chunks sent to pg-boss and not finished: they count against the book's window. */
export const inFlightChunkStatuses: ChunkStatus[] = [ChunkStatus.queued, ChunkStatus.running];

/** Chunks with work left; while any exists the book cannot be merged. */
export const unfinishedChunkStatuses: ChunkStatus[] = [ChunkStatus.pending, ChunkStatus.queued, ChunkStatus.running];

export function isJobUnfinished(status: JobStatus): boolean {
  return unfinishedJobStatuses.includes(status);
}

export function isJobEnded(status: JobStatus): boolean {
  return endedJobStatuses.includes(status);
}

export function canCancelJob(status: JobStatus): boolean {
  return cancellableJobStatuses.includes(status);
}

export function canRetryJob(status: JobStatus): boolean {
  return retryableJobStatuses.includes(status);
}

/** Deleting a running job would cancel it first; the UI only offers it once the job has ended. */
export function canDeleteJob(status: JobStatus): boolean {
  return isJobEnded(status);
}

export function isChunkUnfinished(status: ChunkStatus): boolean {
  return unfinishedChunkStatuses.includes(status);
}

/** The status badge: one word per status, never the same word for two. */
export const jobStatusLabels: Record<JobStatus, string> = {
  queued: "Queued",
  running: "Running",
  cancelling: "Cancelling…",
  cancelled: "Cancelled",
  succeeded: "Done",
  partial: "Partly done",
  failed: "Failed",
};

/**
 * The line beside the badge: what the worker is doing now. Once the job has
 * ended its step is its status, and it reads exactly as the badge does.
 */
export const jobStepLabels: Record<JobStep, string> = {
  queued: "Waiting in the queue",
  processing: "Rewriting sentences",
  merging: "Stitching chunks together",
  cancelling: "Stopping",
  succeeded: jobStatusLabels.succeeded,
  partial: jobStatusLabels.partial,
  failed: jobStatusLabels.failed,
  cancelled: jobStatusLabels.cancelled,
};

/** The word limit a user may choose, and the product's default. */
export const wordLimit = { min: 3, max: 30, default: 8 } as const;
