// Request bodies of the correction routes (README "Correcting the results").
// Every change names the version of the row it was made on; a stale one is a 409.
import { z } from "zod";
import { maxRowLength, rowNotFound } from "@/lib/corrections/row-state";

const version = z.number({ message: "version is the row's version as you loaded it." }).int().min(0);
const piece = z.number().int().min(0).max(1000).default(0);

export const rowPosition = z.coerce
  .number({ message: "The row's position is a whole number." })
  .int()
  .min(1)
  .max(2_147_483_647);

export const editSentenceBody = z.object({
  text: z.string({ message: "text is the row's new text." }).max(maxRowLength * 2),
  version,
  piece,
  /** Keep a row over the word limit (it is marked). */
  override: z.boolean().default(false),
});

export const joinSentencesBody = z.object({
  version,
  piece,
  /** The next row's version, when the piece to join is the next row's first. */
  nextVersion: version.optional(),
  override: z.boolean().default(false),
});

export const splitSentenceBody = z.object({
  version,
  piece,
  /** How many words (whitespace-separated tokens) stay in the first half. */
  at: z.number({ message: "at is the number of words before the cut." }).int().min(1),
});

export const deleteSentenceBody = z.object({
  version,
  /** One piece of a split row; the whole row when left out. */
  piece: z.number().int().min(0).max(1000).optional(),
});

export const restoreSentenceBody = z.object({ version });

/** A row position from the URL; anything but a whole number names no row (404). */
export function parseRowPosition(value: string): number {
  const parsed = rowPosition.safeParse(value);
  if (!parsed.success || !/^\d+$/.test(value)) throw rowNotFound(Number(value));
  return parsed.data;
}
