// A book's sentences in reading order, a page at a time: the cursor is the
// last position seen, so each page is one range scan of the (jobId, position)
// primary key. `q` searches the rewritten and the original text.
import { db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { escapeLikePattern } from "@/lib/jobs/escape-like-pattern";
import { findAccessibleJob } from "@/lib/jobs/find-accessible-job";

export interface SentenceItem {
  position: number;
  text: string;
  original: string;
  page: number;
  wordCount: number;
  /** A heading is a section break, not a sentence to study. */
  kind: "sentence" | "heading";
  /** Place among the pieces of one original sentence: part < parts means it continues in the next row. */
  part: number;
  parts: number;
}

export interface SentencesPage {
  sentences: SentenceItem[];
  nextCursor: string | null;
}

// Positions are Postgres integers: anything else would fail in the query.
function decodeCursor(cursor: string | number): number {
  const position = typeof cursor === "number" ? cursor : /^\d{1,10}$/.test(cursor) ? Number(cursor) : NaN;
  if (!Number.isSafeInteger(position) || position < 0 || position > 2_147_483_647) {
    throw new AppError("bad_request", "The cursor is not valid; start from the first page.");
  }
  return position;
}

export async function listSentences(options: {
  jobId: string;
  userId: string;
  isAdmin?: boolean;
  /** nextCursor of the previous page: the last position seen. */
  cursor?: string | number;
  q?: string;
  limit?: number;
}): Promise<SentencesPage> {
  const { jobId, q } = options;
  const limit = Math.min(Math.max(options.limit ?? 200, 1), 1000);
  await findAccessibleJob(options);

  const where: Prisma.SentenceWhereInput = { jobId };
  if (options.cursor !== undefined) where.position = { gt: decodeCursor(options.cursor) };
  if (q) {
    where.OR = [
      { text: { contains: escapeLikePattern(q), mode: "insensitive" } },
      { original: { contains: escapeLikePattern(q), mode: "insensitive" } },
    ];
  }
  const rows = await db().sentence.findMany({
    where,
    orderBy: { position: "asc" },
    take: limit + 1,
    select: {
      position: true,
      text: true,
      original: true,
      page: true,
      wordCount: true,
      kind: true,
      part: true,
      parts: true,
    },
  });
  const page = rows.slice(0, limit);
  return { sentences: page, nextCursor: rows.length > limit ? String(page.at(-1)!.position) : null };
}
