"use client";
// One job's live progress. Polls about once a second while the job can still
// change and stops by itself once it reaches a terminal status (and resumes
// if it is retried); SWR pauses polling while the tab is hidden
// (refreshWhenHidden is off).
import type { JobProgress } from "@/lib/client/api-types";
import { isJobEnded } from "@/lib/jobs/job-states";
import { usePolling } from "@/lib/client/use-polling";

export const ACTIVE_JOB_POLL_MS = 1000;

export function jobKey(jobId: string): string {
  return `/api/jobs/${encodeURIComponent(jobId)}`;
}

function pollWhileActive(job: JobProgress | undefined): number {
  return job && isJobEnded(job.status) ? 0 : ACTIVE_JOB_POLL_MS;
}

export function useJob(jobId: string | null, options: { fallbackData?: JobProgress } = {}) {
  return usePolling<JobProgress>(jobId ? jobKey(jobId) : null, pollWhileActive, {
    fallbackData: options.fallbackData,
    // Polling reuses a request younger than the deduping interval (2 s by
    // default), which would halve the 1 s rate.
    dedupingInterval: ACTIVE_JOB_POLL_MS / 2,
    refreshWhenHidden: false,
    revalidateOnFocus: true,
  });
}
