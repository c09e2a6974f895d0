"use client";
// Word lists and study sets for the Study sets pages. A set's page polls
// every second while the selection runs and stops once it has ended; the
// history polls while any of its sets is still running.
import useSWR from "swr";
import { isStudySetInProgress, type StudySetStatus } from "@/lib/study-sets/study-set-states";
import type { StudySetSummary } from "@/lib/study-sets/study-set-summary";
import { usePolling } from "@/lib/client/use-polling";

export interface WordListItem {
  id: string;
  name: string;
  entryCount: number;
  createdAt: string;
}

export const WORD_LISTS_KEY = "/api/word-lists";

export function studySetsKey(jobId?: string | null): string {
  return jobId ? `/api/study-sets?jobId=${encodeURIComponent(jobId)}` : "/api/study-sets";
}

export function isStudySetsKey(key: unknown): boolean {
  return typeof key === "string" && (key === "/api/study-sets" || key.startsWith("/api/study-sets?"));
}

export function studySetKey(id: string): string {
  return `/api/study-sets/${encodeURIComponent(id)}`;
}

export function isStudySetActive(status: StudySetStatus): boolean {
  return isStudySetInProgress(status);
}

export function useWordLists() {
  return useSWR<{ wordLists: WordListItem[] }>(WORD_LISTS_KEY);
}

export function useStudySets(jobId?: string | null) {
  return usePolling<{ studySets: StudySetSummary[] }>(
    studySetsKey(jobId),
    (page) => (!page || page.studySets.some((set) => isStudySetActive(set.status)) ? 2000 : 0),
    { keepPreviousData: true },
  );
}

export function useStudySet(id: string) {
  return usePolling<StudySetSummary>(studySetKey(id), (set) => (!set || isStudySetActive(set.status) ? 1000 : 0), {
    dedupingInterval: 500,
    refreshWhenHidden: false,
  });
}
