"use client";
// The admin queue dashboard's data, refreshed every 5 s while the tab is visible.
import useSWR from "swr";
import type { AdminQueues } from "@/lib/client/api-types";

export const ADMIN_QUEUES_POLL_MS = 5000;

export function useAdminQueues() {
  return useSWR<AdminQueues>("/api/admin/queues", {
    refreshInterval: ADMIN_QUEUES_POLL_MS,
    refreshWhenHidden: false,
  });
}
