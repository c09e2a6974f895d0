"use client";
// Writes of the Study sets pages; each refreshes the lists it changes.
import { mutate } from "swr";
import { apiRequest } from "@/lib/client/fetcher";
import type { WordListSummary } from "@/lib/study-sets/word-list-summary";
import { WORD_LISTS_KEY, isStudySetsKey, studySetKey } from "@/lib/client/use-study-sets";

export async function importWordList(input: { name: string; file?: File | null; text?: string }) {
  let list: WordListSummary;
  if (input.file) {
    const form = new FormData();
    form.set("file", input.file);
    if (input.name.trim()) form.set("name", input.name);
    list = await apiRequest<WordListSummary>(WORD_LISTS_KEY, { method: "POST", form });
  } else {
    list = await apiRequest<WordListSummary>(WORD_LISTS_KEY, {
      method: "POST",
      json: { name: input.name, text: input.text ?? "" },
    });
  }
  void mutate(WORD_LISTS_KEY);
  return list;
}

export async function deleteWordList(id: string) {
  await apiRequest(`${WORD_LISTS_KEY}/${encodeURIComponent(id)}`, { method: "DELETE" });
  void mutate(WORD_LISTS_KEY);
}

export interface NewStudySet {
  jobIds: string[];
  wordListId?: string;
  words?: string;
  topWords?: number;
  maxSentences?: number;
  maxWords?: number;
  preferFewerUnknown?: boolean;
}

export async function createStudySet(input: NewStudySet) {
  const result = await apiRequest<{ id: string }>("/api/study-sets", { method: "POST", json: input });
  void mutate(isStudySetsKey);
  return result;
}

export async function cancelStudySet(id: string) {
  const result = await apiRequest<{ status: string }>(`${studySetKey(id)}/cancel`, { method: "POST" });
  await mutate(studySetKey(id));
  void mutate(isStudySetsKey);
  return result;
}
