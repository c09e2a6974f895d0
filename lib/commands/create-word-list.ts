// The import command of word lists: a user stores a list (read from a file
// or pasted text) with its report.
import type { ActingUser } from "@/lib/commands/acting-user";
import { db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { hasKnownLemma } from "@/lib/french/lemmatize";
import { maxWordListEntries, parseWordList } from "@/lib/study-sets/parse-word-list";
import { toWordListSummary, wordListSelect, type WordListSummary } from "@/lib/study-sets/word-list-summary";

export async function createWordList(options: ActingUser & { name: string; text: string }): Promise<WordListSummary> {
  const { entries, report } = parseWordList(options.text, hasKnownLemma);
  if (entries.length === 0) {
    throw new AppError("invalid_input", "The list has no words: write one word a line (`#` starts a comment).", {
      field: "text",
    });
  }
  if (entries.length > maxWordListEntries) {
    throw new AppError("invalid_input", `A list has at most ${maxWordListEntries} words; this one has ${entries.length}.`, {
      field: "text",
    });
  }
  const row = await db().wordList.create({
    data: {
      userId: options.userId,
      name: options.name,
      entries: entries as object[],
      entryCount: entries.length,
      report: report as object,
    },
    select: wordListSelect,
  });
  return toWordListSummary(row);
}
