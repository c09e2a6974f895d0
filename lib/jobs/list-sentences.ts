// A book's sentences in reading order, a page at a time: the cursor is the
// last position seen, so each page is one range scan of the (jobId, position)
// primary key. `q` searches the rewritten and the original text; `method`
// keeps the rows made one way (kept, rewritten, split, ocr). While the job
// runs, the rows are those of its finished chunks up to the first unfinished
// one, built the way the merge will build them (lib/pipeline/preview-rows.ts).
// A finished book's rows carry the owner's corrections (lib/corrections):
// edited pieces, deleted rows flagged, each row's version; `edited` keeps the
// rows the owner changed or a re-run flagged for review.
import { applyCorrections, correctedPositions, type CorrectedSentenceItem } from "@/lib/corrections/apply-corrections";
import { rewrittenBy, type RewrittenBy } from "@/lib/jobs/rewritten-by";
import { db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { Prisma, SentenceKind, SentenceMethod } from "@/lib/generated/prisma/client";
import { escapeLikePattern } from "@/lib/jobs/escape-like-pattern";
import { findAccessibleJob } from "@/lib/jobs/find-accessible-job";
import { isJobUnfinished } from "@/lib/jobs/job-states";
import { previewRows } from "@/lib/pipeline/preview-rows";

export interface SentenceItem {
  position: number;
  text: string;
  original: string;
  page: number;
  wordCount: number;
  /** A heading is a section break, not a sentence to study. */
  kind: SentenceKind;
  /** Place among the pieces of one original sentence: part < parts means it continues in the next row. */
  part: number;
  parts: number;
  /** How its original became these rows: kept as printed, rewritten, split locally, read by OCR. */
  method: SentenceMethod;
  /** For a rewritten sentence, who wrote it: the offline rules or the model. */
  rewrittenBy: RewrittenBy | null;
}

export interface SentencesPage {
  sentences: CorrectedSentenceItem[];
  nextCursor: string | null;
  /** True while the job runs: more rows will come. */
  provisional?: boolean;
}

/** What a Sentence read selects, and the row it becomes: the original's text and method come from its table. */
export const sentenceSelect = {
  position: true,
  text: true,
  page: true,
  wordCount: true,
  kind: true,
  part: true,
  parts: true,
  original: { select: { text: true, method: true, model: true, fallbackReason: true } },
} satisfies Prisma.SentenceSelect;

export function toSentenceItem(
  row: Prisma.SentenceGetPayload<{ select: typeof sentenceSelect }>,
): SentenceItem {
  const { original, ...rest } = row;
  return { ...rest, original: original.text, method: original.method, rewrittenBy: rewrittenBy(original) };
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
  method?: SentenceMethod;
  /** Only the rows the owner changed (or a re-run flagged for review). */
  edited?: boolean;
  limit?: number;
}): Promise<SentencesPage> {
  const { jobId, q, method } = options;
  const limit = Math.min(Math.max(options.limit ?? 200, 1), 1000);
  const job = await findAccessibleJob(options);
  const after = options.cursor !== undefined ? decodeCursor(options.cursor) : 0;

  if (isJobUnfinished(job.status)) {
    const needle = q?.toLocaleLowerCase("fr");
    const rows = (await previewRows(jobId)).filter(
      (row) =>
        !options.edited &&
        row.position > after &&
        (!method || row.method === method) &&
        (!needle ||
          row.text.toLocaleLowerCase("fr").includes(needle) ||
          row.original.toLocaleLowerCase("fr").includes(needle)),
    );
    const page = rows.slice(0, limit).map((row) => ({
      position: row.position,
      text: row.text,
      original: row.original,
      page: row.page,
      wordCount: row.wordCount,
      kind: row.kind,
      part: row.part,
      parts: row.parts,
      method: row.method,
      rewrittenBy: row.rewrittenBy,
      // Corrections wait for the book to finish: the rows of a running job are the engine's.
      piece: 0,
      version: 0,
      engineText: row.text,
      edited: false,
      deleted: false,
      overLimit: false,
      needsReview: false,
    }));
    return {
      sentences: page,
      nextCursor: rows.length > limit ? String(page.at(-1)!.position) : null,
      provisional: true,
    };
  }

  const where: Prisma.SentenceWhereInput = { jobId };
  if (options.cursor !== undefined) where.position = { gt: after };
  if (method) where.original = { method };
  if (options.edited) where.AND = [{ position: { in: await correctedPositions(jobId) } }];
  if (q) {
    where.OR = [
      { text: { contains: escapeLikePattern(q), mode: "insensitive" } },
      { original: { text: { contains: escapeLikePattern(q), mode: "insensitive" } } },
      { position: { in: await correctedPositions(jobId, q) } },
    ];
  }
  const rows = await db().sentence.findMany({
    where,
    orderBy: { position: "asc" },
    take: limit + 1,
    select: sentenceSelect,
  });
  const page = rows.slice(0, limit).map(toSentenceItem);
  return {
    sentences: await applyCorrections(jobId, page, { keepDeleted: true }),
    nextCursor: rows.length > limit ? String(page.at(-1)!.position) : null,
  };
}
