// Deletes a word list; study sets made from it keep their copy of its words.
import { db } from "@/lib/db/prisma";
import { assertId, wordListNotFound } from "@/lib/study-sets/find-owned";

export async function deleteWordList(options: { id: string; userId: string }): Promise<void> {
  assertId(options.id, wordListNotFound);
  const deleted = await db().wordList.deleteMany({ where: { id: options.id, userId: options.userId } });
  if (deleted.count === 0) throw wordListNotFound();
}
