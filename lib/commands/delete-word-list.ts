// The delete command of word lists: a user deletes one of theirs; study sets
// made from it keep their copy of its words. Only the owner may: anyone else
// gets the 404.
import type { ActingUser } from "@/lib/commands/acting-user";
import { db } from "@/lib/db/prisma";
import { assertId, wordListNotFound } from "@/lib/study-sets/find-owned";

export async function deleteWordList(options: ActingUser & { wordListId: string }): Promise<void> {
  assertId(options.wordListId, wordListNotFound);
  const deleted = await db().wordList.deleteMany({ where: { id: options.wordListId, userId: options.userId } });
  if (deleted.count === 0) throw wordListNotFound();
}
