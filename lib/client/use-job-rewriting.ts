"use client";
// A job's sentences by method, fallbacks by reason and Gemini tokens: read
// every few seconds while the job runs (the requests add up), once when it
// has ended (the figures are final).
import useSWR from "swr";
import type { JobRewriting } from "@/lib/client/api-types";

const ACTIVE_REFRESH_MS = 5000;

export function useJobRewriting(jobId: string, active: boolean) {
  return useSWR<JobRewriting>(`/api/jobs/${encodeURIComponent(jobId)}/rewriting`, {
    refreshInterval: active ? ACTIVE_REFRESH_MS : 0,
    revalidateOnFocus: false,
  });
}
