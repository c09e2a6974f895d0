// The owner's corrections laid over a batch of the engine's rows, in reading
// order: an edited row shows its pieces (one, or more once split), a deleted
// one is dropped or shown as deleted, the others are the engine's. One query
// for the batch's position range, so pages and exports stay keyset scans.
import { rowState, type RowState } from "@/lib/corrections/row-state";
import { db } from "@/lib/db/prisma";
import { escapeLikePattern } from "@/lib/jobs/escape-like-pattern";
import type { SentenceItem } from "@/lib/jobs/list-sentences";
import { countWords } from "@/lib/text/count-words";

/** What a row needs to take its correction: its engine position, text and word count. */
export interface CorrectableRow {
  position: number;
  text: string;
  wordCount: number;
}

export interface CorrectionFlags {
  /** This piece's place in its engine row (0 unless the row was split). */
  piece: number;
  /** The engine row's version: send it with the next change of this row. */
  version: number;
  /** What the engine made for this row, whatever the owner changed. */
  engineText: string;
  edited: boolean;
  deleted: boolean;
  overLimit: boolean;
  needsReview: boolean;
}

export type CorrectedSentenceItem = SentenceItem & CorrectionFlags;

/** Each row's correction for engine rows `first`…`last`, by position. */
export async function readCorrections(jobId: string, first: number, last: number) {
  const corrections = await db().sentenceCorrection.findMany({
    where: { jobId, position: { gte: first, lte: last } },
    select: { position: true, texts: true, active: true, overLimit: true, version: true, needsReview: true },
  });
  return new Map(corrections.map((correction) => [correction.position, correction]));
}

export function correctedItems<T extends CorrectableRow>(item: T, state: RowState, keepDeleted: boolean): (T & CorrectionFlags)[] {
  const flags = {
    version: state.version,
    engineText: state.engineText,
    edited: state.edited,
    overLimit: state.overLimit,
    needsReview: state.needsReview,
  };
  if (state.deleted) return keepDeleted ? [{ ...item, ...flags, piece: 0, deleted: true }] : [];
  return state.texts.map((text, piece) => ({
    ...item,
    ...flags,
    text,
    wordCount: state.edited ? countWords(text) : item.wordCount,
    piece,
    deleted: false,
  }));
}

/**
 * The batch as the owner corrected it. `keepDeleted` shows deleted rows
 * (flagged) for the results page; exports and study sets leave them out.
 */
export async function applyCorrections<T extends CorrectableRow>(
  jobId: string,
  items: readonly T[],
  options: { keepDeleted: boolean },
): Promise<(T & CorrectionFlags)[]> {
  if (items.length === 0) return [];
  const corrections = await readCorrections(jobId, items[0]!.position, items.at(-1)!.position);
  return items.flatMap((item) =>
    correctedItems(item, rowState(item.position, item.text, corrections.get(item.position) ?? null), options.keepDeleted),
  );
}

/** Positions of the rows the owner changed (or a re-run flagged), optionally whose corrected text contains `q`. */
export async function correctedPositions(jobId: string, q?: string): Promise<number[]> {
  const pattern = q === undefined ? null : `%${escapeLikePattern(q)}%`;
  const rows = await db().$queryRaw<{ position: number }[]>`
    select position from "SentenceCorrection"
    where "jobId" = ${jobId}::uuid and (active or "needsReview")
      and (${pattern}::text is null or exists (select 1 from unnest(texts) as piece where piece ilike ${pattern}))
    order by position`;
  return rows.map((row) => row.position);
}
