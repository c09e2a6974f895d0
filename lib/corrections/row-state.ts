// What a corrected row is, without the database: the engine's text, the
// owner's correction beside it, and the checks every change goes through.
// Client-safe (the results page imports the types and the word split).
import { AppError } from "@/lib/errors";
import { countWords } from "@/lib/text/count-words";

/** A row's correction as stored; `null` when the owner never changed it. */
export interface StoredCorrection {
  texts: string[];
  active: boolean;
  overLimit: boolean;
  version: number;
  needsReview: boolean;
}

/** What a row holds now, as an edit's history and a 409 answer give it. */
export interface RowState {
  position: number;
  /** Bumped by every change; 0 for a row never changed. Send it back with the next change. */
  version: number;
  /** The row's pieces now: the engine's text, or the owner's (none once deleted, more once split). */
  texts: string[];
  engineText: string;
  edited: boolean;
  deleted: boolean;
  overLimit: boolean;
  needsReview: boolean;
}

/** A row's correction as a change writes it (the stored columns a change can set). */
export interface CorrectionValue {
  texts: string[];
  active: boolean;
  overLimit: boolean;
}

/** The longest piece of text a row may hold, in characters. */
export const maxRowLength = 2_000;

export function rowState(position: number, engineText: string, correction: StoredCorrection | null): RowState {
  const active = correction?.active ?? false;
  const texts = active ? correction!.texts : [engineText];
  return {
    position,
    version: correction?.version ?? 0,
    texts,
    engineText,
    edited: active,
    deleted: active && texts.length === 0,
    overLimit: active && correction!.overLimit,
    needsReview: correction?.needsReview ?? false,
  };
}

/** Spaces as a row shows them: one between words, none at the ends. */
export function normalizeRowText(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

/** The whitespace-separated tokens a split may fall between (punctuation stays with its token). */
export function splitTokens(text: string): string[] {
  return normalizeRowText(text).split(" ").filter(Boolean);
}

/** Pieces over the limit, with their word counts (empty when every piece fits). */
export function piecesOverLimit(texts: readonly string[], maxWords: number): { piece: number; words: number }[] {
  return texts
    .map((text, piece) => ({ piece, words: countWords(text) }))
    .filter((entry) => entry.words > maxWords);
}

export function rowNotFound(position: number): AppError {
  return new AppError("not_found", `This book has no row ${Number.isSafeInteger(position) ? position : ""}.`.replace(" .", "."));
}
