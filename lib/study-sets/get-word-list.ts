// One of the user's word lists with its entries and import report.
import { db } from "@/lib/db/prisma";
import { assertId, assertOwned, wordListNotFound } from "@/lib/study-sets/find-owned";
import { toWordListSummary, wordListSelect, type WordListSummary } from "@/lib/study-sets/word-list-summary";

export async function getWordList(options: { id: string; userId: string }): Promise<WordListSummary> {
  assertId(options.id, wordListNotFound);
  const row = await db().wordList.findUnique({ where: { id: options.id }, select: wordListSelect });
  assertOwned(row, options.userId, wordListNotFound);
  return toWordListSummary(row);
}
