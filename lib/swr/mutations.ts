"use client";
// Every write the UI makes. Each one refreshes the cached reads it affects, so
// the header balance, the history and the job page stay in step.
import { mutate } from "swr";
import { apiRequest } from "@/lib/swr/fetcher";
import type { Engine, Estimate, JobProgress, JobStatus, Settings } from "@/lib/swr/api-types";
import { CREDITS_KEY } from "@/lib/swr/use-credits";
import { jobKey } from "@/lib/swr/use-job";
import { isJobsKey } from "@/lib/swr/use-jobs";
import { SETTINGS_KEY } from "@/lib/swr/use-settings";

export interface JobOptions {
  maxWords: number;
  engine: Engine;
  model: string | null;
  /** Keep the publisher's pages (title, notices, contents, colophon); unset: the saved default. */
  includeMatter?: boolean;
}

function refreshJobLists() {
  return mutate(isJobsKey);
}

function refreshCredits() {
  return mutate(CREDITS_KEY);
}

export function signUp(input: { email: string; password: string }) {
  return apiRequest<{ user: { id: string; email: string } }>("/api/users", { method: "POST", json: input });
}

/** Pages, chunks and the price for each engine; the server decides the prices. */
export function estimateJob(file: File, signal?: AbortSignal) {
  const form = new FormData();
  form.set("file", file);
  return apiRequest<Estimate>("/api/jobs/estimate", { method: "POST", form, signal });
}

export async function createJob(file: File, options: JobOptions) {
  const form = new FormData();
  form.set("file", file);
  form.set("maxWords", String(options.maxWords));
  form.set("engine", options.engine);
  if (options.model) form.set("model", options.model);
  if (options.includeMatter !== undefined) form.set("includeMatter", String(options.includeMatter));
  const result = await apiRequest<{ job: Partial<JobProgress> & { id: string } }>("/api/jobs", {
    method: "POST",
    form,
  });
  void refreshCredits();
  void refreshJobLists();
  return result.job;
}

export async function cancelJob(jobId: string) {
  const result = await apiRequest<{ status: JobStatus }>(`${jobKey(jobId)}/cancel`, { method: "POST" });
  // Show "Cancelling…" at once instead of waiting for the next poll.
  await mutate<JobProgress>(jobKey(jobId), (job) => (job ? { ...job, status: result.status } : job), {
    revalidate: true,
  });
  void refreshJobLists();
  return result;
}

export async function retryJob(jobId: string) {
  const result = await apiRequest<{ status: JobStatus; reserved: number }>(`${jobKey(jobId)}/retry`, {
    method: "POST",
  });
  await mutate(jobKey(jobId));
  void refreshCredits();
  void refreshJobLists();
  return result;
}

export async function deleteJob(jobId: string) {
  await apiRequest<void>(jobKey(jobId), { method: "DELETE" });
  await mutate(jobKey(jobId), undefined, { revalidate: false });
  void refreshJobLists();
  void refreshCredits();
}

export async function saveSettings(settings: JobOptions) {
  const saved = await apiRequest<Settings>(SETTINGS_KEY, { method: "PUT", json: settings });
  await mutate(SETTINGS_KEY, saved, { revalidate: false });
  return saved;
}

/** After a job ends its charge is settled and its row changed everywhere. */
export function refreshAfterJobEnded() {
  void refreshCredits();
  void refreshJobLists();
}
