// What the API answers for a study set: its state while it runs, and the
// result once it is done (`GET /api/study-sets/:id`).
import type { StudySetStatus, StudySetStep } from "@/lib/generated/prisma/client";
import type { StudySetResult, StudySetSentence, UncoveredWord } from "@/lib/study-sets/study-set-result";

export const studySetSelect = {
  id: true,
  userId: true,
  name: true,
  source: true,
  wordListId: true,
  jobIds: true,
  maxWords: true,
  maxSentences: true,
  include: true,
  preferFewerUnknown: true,
  status: true,
  step: true,
  progress: true,
  result: true,
  error: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} as const;

export interface StudySetSummary {
  id: string;
  name: string;
  source: string;
  wordListId: string | null;
  jobIds: string[];
  status: StudySetStatus;
  step: StudySetStep;
  progress: number;
  options: { maxWords: number; maxSentences: number; include: string; preferFewerUnknown: boolean };
  coverage: { total: number; covered: number } | null;
  lowerBound: number | null;
  greedyCount: number | null;
  sentences: StudySetSentence[];
  uncovered: UncoveredWord[];
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

type Row = {
  id: string;
  name: string;
  source: string;
  wordListId: string | null;
  jobIds: string[];
  maxWords: number;
  maxSentences: number;
  include: string;
  preferFewerUnknown: boolean;
  status: StudySetStatus;
  step: StudySetStep;
  progress: number;
  result: unknown;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

export function toStudySetSummary(row: Row, options: { withSentences: boolean }): StudySetSummary {
  const result = row.result as StudySetResult | null;
  return {
    id: row.id,
    name: row.name,
    source: row.source,
    wordListId: row.wordListId,
    jobIds: row.jobIds,
    status: row.status,
    step: row.step,
    progress: row.progress,
    options: {
      maxWords: row.maxWords,
      maxSentences: row.maxSentences,
      include: row.include,
      preferFewerUnknown: row.preferFewerUnknown,
    },
    coverage: result?.coverage ?? null,
    lowerBound: result?.lowerBound ?? null,
    greedyCount: result?.greedyCount ?? null,
    sentences: options.withSentences ? (result?.sentences ?? []) : [],
    uncovered: options.withSentences ? (result?.uncovered ?? []) : [],
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
