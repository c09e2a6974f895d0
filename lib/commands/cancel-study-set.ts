// The cancel command of study sets: a user stops one of theirs. A queued one
// ends at once (its handler will find it cancelled and do nothing); a running
// one is marked `cancelling`, and the handler, which checks between batches
// of sentences, ends it. Only the owner may: anyone else gets the 404.
import type { ActingUser } from "@/lib/commands/acting-user";
import { db } from "@/lib/db/prisma";
import type { StudySetStatus } from "@/lib/generated/prisma/client";
import { assertId, assertOwned, studySetNotFound } from "@/lib/study-sets/find-owned";

export async function cancelStudySet(options: ActingUser & { studySetId: string }): Promise<{ status: StudySetStatus }> {
  const { studySetId: id, userId } = options;
  assertId(id, studySetNotFound);
  const row = await db().studySet.findUnique({ where: { id }, select: { userId: true } });
  assertOwned(row, userId, studySetNotFound);
  await db().studySet.updateMany({
    where: { id, status: "queued" },
    data: { status: "cancelled", step: "cancelled", finishedAt: new Date() },
  });
  await db().studySet.updateMany({ where: { id, status: "running" }, data: { status: "cancelling", step: "cancelling" } });
  const current = await db().studySet.findUniqueOrThrow({ where: { id }, select: { status: true } });
  return { status: current.status };
}
