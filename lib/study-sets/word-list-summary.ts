// What the API answers for a word list.
import type { WordListEntry, WordListReport } from "@/lib/study-sets/parse-word-list";

export const wordListSelect = {
  id: true,
  userId: true,
  name: true,
  entries: true,
  entryCount: true,
  report: true,
  createdAt: true,
} as const;

export interface WordListSummary {
  id: string;
  name: string;
  entries: WordListEntry[];
  entryCount: number;
  report: WordListReport;
  createdAt: string;
}

export function toWordListSummary(row: {
  id: string;
  name: string;
  entries: unknown;
  entryCount: number;
  report: unknown;
  createdAt: Date;
}): WordListSummary {
  return {
    id: row.id,
    name: row.name,
    entries: row.entries as WordListEntry[],
    entryCount: row.entryCount,
    report: row.report as WordListReport,
    createdAt: row.createdAt.toISOString(),
  };
}
