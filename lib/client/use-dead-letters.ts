"use client";
// The dead-letter inbox, refreshed with the queue dashboard.
import useSWR from "swr";
import type { DeadLetter } from "@/lib/client/api-types";
import { ADMIN_QUEUES_POLL_MS } from "@/lib/client/use-admin-queues";

export const DEAD_LETTERS_KEY = "/api/admin/dead-letters";

export function useDeadLetters() {
  return useSWR<{ deadLetters: DeadLetter[] }>(DEAD_LETTERS_KEY, {
    refreshInterval: ADMIN_QUEUES_POLL_MS,
    refreshWhenHidden: false,
  });
}
