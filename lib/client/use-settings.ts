"use client";
// The user's defaults for new jobs (max words, engine, model).
import useSWR from "swr";
import type { Settings } from "@/lib/client/api-types";

export const SETTINGS_KEY = "/api/settings";

export function useSettings() {
  return useSWR<Settings>(SETTINGS_KEY, { revalidateOnFocus: false });
}
