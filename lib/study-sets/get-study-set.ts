// One of the user's study sets, with its result once done.
import { db } from "@/lib/db/prisma";
import { assertId, assertOwned, studySetNotFound } from "@/lib/study-sets/find-owned";
import { studySetSelect, toStudySetSummary, type StudySetSummary } from "@/lib/study-sets/study-set-summary";

export async function getStudySet(options: { id: string; userId: string }): Promise<StudySetSummary> {
  assertId(options.id, studySetNotFound);
  const row = await db().studySet.findUnique({ where: { id: options.id }, select: studySetSelect });
  assertOwned(row, options.userId, studySetNotFound);
  return toStudySetSummary(row, { withSentences: true });
}
