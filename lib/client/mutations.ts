"use client";
// Every write the UI makes, named for the HTTP request it sends (postJob is
// POST /api/jobs), so no client call shares a name with the server function
// behind it. Each one refreshes the cached reads it affects, so the header
// balance, the history and the job page stay in step.
import { mutate } from "swr";
import { apiRequest } from "@/lib/client/fetcher";
import type {
  CancelAnswer,
  CreatedJob,
  Estimate,
  JobProgress,
  RetryAnswer,
  Settings,
  SignedUpUser,
} from "@/lib/client/api-types";
import { CREDITS_KEY } from "@/lib/client/use-credits";
import { jobKey } from "@/lib/client/use-job";
import { isJobsKey } from "@/lib/client/use-jobs";
import { SETTINGS_KEY } from "@/lib/client/use-settings";
import type { JobSettings } from "@/lib/validations/job";

/** The options a job takes, as the settings route validates them. */
export type JobOptions = JobSettings;

function refreshJobLists() {
  return mutate(isJobsKey);
}

function refreshCredits() {
  return mutate(CREDITS_KEY);
}

/** POST /api/users: sign up. */
export function postUser(input: { email: string; password: string }) {
  return apiRequest<{ user: SignedUpUser }>("/api/users", { method: "POST", json: input });
}

/** POST /api/jobs/estimate: pages, chunks and the price for each engine; the server decides the prices. */
export function postEstimate(file: File, signal?: AbortSignal) {
  const form = new FormData();
  form.set("file", file);
  return apiRequest<Estimate>("/api/jobs/estimate", { method: "POST", form, signal });
}

/** POST /api/jobs: upload the PDF and start its job. */
export async function postJob(file: File, options: JobOptions) {
  const form = new FormData();
  form.set("file", file);
  form.set("maxWords", String(options.maxWords));
  form.set("engine", options.engine);
  if (options.model) form.set("model", options.model);
  if (options.includeMatter !== undefined) form.set("includeMatter", String(options.includeMatter));
  const result = await apiRequest<{ job: CreatedJob }>("/api/jobs", {
    method: "POST",
    form,
  });
  void refreshCredits();
  void refreshJobLists();
  return result.job;
}

/** POST /api/jobs/[id]/cancel. */
export async function postCancel(jobId: string) {
  const result = await apiRequest<CancelAnswer>(`${jobKey(jobId)}/cancel`, { method: "POST" });
  // Show "Cancelling…" at once instead of waiting for the next poll.
  await mutate<JobProgress>(jobKey(jobId), (job) => (job ? { ...job, status: result.status } : job), {
    revalidate: true,
  });
  void refreshJobLists();
  return result;
}

/** POST /api/jobs/[id]/retry: re-run the failed pages. */
export async function postRetry(jobId: string) {
  const result = await apiRequest<RetryAnswer>(`${jobKey(jobId)}/retry`, {
    method: "POST",
  });
  await mutate(jobKey(jobId));
  void refreshCredits();
  void refreshJobLists();
  return result;
}

/** DELETE /api/jobs/[id]: the job and its sentences. */
export async function sendDeleteJob(jobId: string) {
  await apiRequest<void>(jobKey(jobId), { method: "DELETE" });
  await mutate(jobKey(jobId), undefined, { revalidate: false });
  void refreshJobLists();
  void refreshCredits();
}

/** PUT /api/settings: the defaults for new jobs. */
export async function putSettings(settings: JobOptions) {
  const saved = await apiRequest<Settings>(SETTINGS_KEY, { method: "PUT", json: settings });
  await mutate(SETTINGS_KEY, saved, { revalidate: false });
  return saved;
}

/** After a job ends its charge is settled and its row changed everywhere. */
export function refreshAfterJobEnded() {
  void refreshCredits();
  void refreshJobLists();
}
