// The study-set history: the user's sets newest first, without their sentences.
import { db } from "@/lib/db/prisma";
import { studySetSelect, toStudySetSummary, type StudySetSummary } from "@/lib/study-sets/study-set-summary";

export async function listStudySets(options: { userId: string; jobId?: string }): Promise<StudySetSummary[]> {
  const rows = await db().studySet.findMany({
    where: { userId: options.userId, ...(options.jobId ? { jobIds: { has: options.jobId } } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: studySetSelect,
    take: 100,
  });
  return rows.map((row) => toStudySetSummary(row, { withSentences: false }));
}
