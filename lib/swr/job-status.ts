// Pure facts about job states, shared by the hooks (when to poll) and the UI
// (what to show and which actions make sense).
import type { JobStatus } from "@/lib/swr/api-types";

export const jobStatuses: readonly JobStatus[] = [
  "queued",
  "running",
  "cancelling",
  "cancelled",
  "succeeded",
  "partial",
  "failed",
];

const terminal = new Set<JobStatus>(["cancelled", "succeeded", "partial", "failed"]);

/** The job will not change any more unless someone retries it. */
export function isTerminal(status: JobStatus): boolean {
  return terminal.has(status);
}

export function isActive(status: JobStatus): boolean {
  return !terminal.has(status);
}

export function canCancel(status: JobStatus): boolean {
  return status === "queued" || status === "running";
}

/** Retry re-runs the chunks that failed; it needs a finished job with failures. */
export function canRetry(status: JobStatus): boolean {
  return status === "partial" || status === "failed";
}

export function canDelete(status: JobStatus): boolean {
  return terminal.has(status);
}

export const statusLabels: Record<JobStatus, string> = {
  queued: "Queued",
  running: "Running",
  cancelling: "Cancelling…",
  cancelled: "Cancelled",
  succeeded: "Done",
  partial: "Partly done",
  failed: "Failed",
};

const stepLabels: Record<string, string> = {
  queued: "Waiting in the queue",
  planning: "Planning chunks",
  processing: "Rewriting sentences",
  merging: "Stitching chunks together",
  settling: "Settling credits",
  done: "Finished",
  cancelling: "Stopping",
  cancelled: "Cancelled",
  failed: "Failed",
};

export function stepLabel(step: string): string {
  return stepLabels[step] ?? step.charAt(0).toUpperCase() + step.slice(1);
}
