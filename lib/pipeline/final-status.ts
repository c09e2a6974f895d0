// How a closing book's chunks decide its final status and the error it shows
// for the pages that failed: the merge and a stuck job's close end a book
// the same way.
import type { JobStatus, JobStep } from "@/lib/generated/prisma/client";

/** An ended status, which is also the job's last step. */
export function finalStatus(jobStatus: JobStatus, done: number, total: number): JobStatus & JobStep {
  if (jobStatus === "cancelling") return "cancelled";
  if (total > 0 && done === total) return "succeeded";
  if (done > 0) return "partial";
  return "failed";
}

/** The job's error naming its failed chunks' pages, or null when none failed. */
export function failedPagesError(failed: readonly { ownedFirst: number; ownedLast: number }[]): string | null {
  if (failed.length === 0) return null;
  return `Pages ${failed.map((chunk) => `${chunk.ownedFirst}–${chunk.ownedLast}`).join(", ")} could not be processed.`;
}
