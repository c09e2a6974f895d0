"use client";
// The administrator's writes. Each refreshes the admin reads it changes.
import { mutate } from "swr";
import { apiRequest } from "@/lib/client/fetcher";
import type { JobStatus } from "@/lib/client/api-types";
import { DEAD_LETTERS_KEY } from "@/lib/client/use-dead-letters";

function refreshAdminReads() {
  return mutate((key) => typeof key === "string" && key.startsWith("/api/admin/"));
}

export async function adjustUserCredits(userId: string, input: { amount: number; reason: string }) {
  const result = await apiRequest<{ balance: number }>(`/api/admin/users/${userId}/credits`, {
    method: "POST",
    json: input,
  });
  await refreshAdminReads();
  return result;
}

export async function retryUserJob(jobId: string) {
  const result = await apiRequest<{ status: JobStatus; reserved: number }>(`/api/admin/jobs/${jobId}/retry`, {
    method: "POST",
  });
  await refreshAdminReads();
  return result;
}

export async function requeueDeadLetter(id: string) {
  await apiRequest(`${DEAD_LETTERS_KEY}/${id}/requeue`, { method: "POST" });
  await refreshAdminReads();
}

export async function discardDeadLetter(id: string) {
  await apiRequest(`${DEAD_LETTERS_KEY}/${id}`, { method: "DELETE" });
  await refreshAdminReads();
}
