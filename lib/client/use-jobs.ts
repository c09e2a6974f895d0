"use client";
// One page of the job history. Cursor pagination keeps pages stable while new
// jobs arrive; the page refreshes every 2 s while any of its rows is active so
// running rows move without a reload.
import type { JobStatus, JobsPage } from "@/lib/client/api-types";
import { isJobUnfinished } from "@/lib/jobs/job-states";
import { usePolling } from "@/lib/client/use-polling";

export interface JobsQuery {
  status?: JobStatus | "";
  q?: string;
  cursor?: string | null;
  limit?: number;
}

export function jobsKey(query: JobsQuery = {}): string {
  const params = new URLSearchParams();
  if (query.status) params.set("status", query.status);
  if (query.q?.trim()) params.set("q", query.q.trim());
  if (query.cursor) params.set("cursor", query.cursor);
  if (query.limit) params.set("limit", String(query.limit));
  const search = params.toString();
  return search ? `/api/jobs?${search}` : "/api/jobs";
}

/** Every cached history page, so an action can refresh all of them at once. */
export function isJobsKey(key: unknown): boolean {
  return typeof key === "string" && (key === "/api/jobs" || key.startsWith("/api/jobs?"));
}

const LIST_POLL_MS = 2000;

/** Until the first page arrives it is unknown whether anything runs: poll. */
function pollWhileAnyActive(page: JobsPage | undefined): number {
  return !page || page.jobs.some((job) => isJobUnfinished(job.status)) ? LIST_POLL_MS : 0;
}

export function useJobs(query: JobsQuery) {
  return usePolling<JobsPage>(jobsKey(query), pollWhileAnyActive, {
    keepPreviousData: true,
    dedupingInterval: LIST_POLL_MS / 2,
    refreshWhenHidden: false,
  });
}
