// A running job's elapsed time and time left as of `now`, from the answer's
// `startedAt` and `estimatedFinishAt`: the server's answer (and its ETag)
// stays the same between changes, and the browser's clock does the ticking.
// Pure, client-safe.
import type { JobProgress } from "@/lib/client/api-types";

export function tickJobClock(
  job: Pick<JobProgress, "startedAt" | "estimatedFinishAt" | "elapsedSeconds" | "etaSeconds">,
  now: number | null,
): { elapsedSeconds: number; etaSeconds: number | null } {
  if (now === null || !job.startedAt) return { elapsedSeconds: job.elapsedSeconds, etaSeconds: job.etaSeconds };
  return {
    elapsedSeconds: Math.max(0, Math.round((now - Date.parse(job.startedAt)) / 1000)),
    etaSeconds: job.estimatedFinishAt
      ? Math.max(0, Math.round((Date.parse(job.estimatedFinishAt) - now) / 1000))
      : job.etaSeconds,
  };
}
