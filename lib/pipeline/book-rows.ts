// The book's rows from its chunks' results, in memory and without the
// database: the merge writes them, a stuck job's close writes what its
// finished chunks give, and the sentences endpoint shows them while the job
// runs (preview-rows.ts), so all three give the same rows for the same chunks.
import { rewrittenBy, type RewrittenBy } from "@/lib/jobs/rewritten-by";
import type { SentenceKind, SentenceMethod } from "@/lib/generated/prisma/client";
import { groupByOriginal, stitchChunks, type StitchSentence } from "@/lib/pipeline/stitch-chunks";
import { countWords } from "@/lib/text/count-words";
import { findMatterRows } from "@/lib/text/find-matter-rows";
import { splitLongSentence } from "@/lib/text/split-long-sentence";

/** One original sentence of the book, stored once. */
export interface OriginalRow {
  position: number;
  text: string;
  page: number;
  kind: SentenceKind;
  method: SentenceMethod;
  fallbackReason: string | null;
  model: string | null;
}

export interface SentenceRow {
  position: number;
  text: string;
  /** Position of its OriginalRow. */
  originalPosition: number;
  /** The original's text, method and writer, for readers of these rows in memory (not stored on the piece). */
  original: string;
  method: SentenceMethod;
  rewrittenBy: RewrittenBy | null;
  page: number;
  wordCount: number;
  kind: SentenceKind;
  /** This piece's place among the pieces of its original (1-based), and their number. */
  part: number;
  parts: number;
}

export interface BookRows {
  rows: SentenceRow[];
  originals: OriginalRow[];
  /** Pages whose rows were front or back matter (left out unless included). */
  frontMatterPages: number;
  backMatterPages: number;
}

export interface BookRowOptions {
  maxWords: number;
  includeMatter?: boolean;
  pageCount?: number;
  /** False while the job runs: its back matter is decided only once the book is complete. */
  complete?: boolean;
}

/** A chunk as stored: its result counts only when it is done. */
export interface ChunkResult {
  index: number;
  ownedFirst: number;
  ownedLast: number;
  status: string;
  result: unknown;
}

/**
 * The book's rows: front and back matter left out unless `includeMatter`
 * (back matter only once the book is complete), every piece within the
 * limit whatever the engine returned, each original once with its pieces
 * numbered.
 */
export function buildBookRows(sentences: StitchSentence[], options: BookRowOptions): BookRows {
  const matter = findMatterRows(sentences, options.pageCount);
  const backStart = options.complete === false ? sentences.length : matter.backStart;
  const kept = options.includeMatter ? sentences : sentences.slice(matter.frontEnd, backStart);
  const rows: SentenceRow[] = [];
  const originals: OriginalRow[] = [];
  for (const group of groupByOriginal(kept)) {
    const first = group[0]!;
    const pieces = group.flatMap((sentence) => {
      const text = sentence.text.trim();
      if (!text) return [];
      return countWords(text) > options.maxWords ? splitLongSentence(text, options.maxWords) : [text];
    });
    if (pieces.length === 0) continue;
    const method = first.method ?? (pieces.length > 1 ? "split" : "kept");
    const original: OriginalRow = {
      position: originals.length + 1,
      text: first.original,
      page: first.page,
      kind: first.kind ?? "sentence",
      method,
      fallbackReason: first.fallbackReason ?? null,
      model: first.model ?? null,
    };
    originals.push(original);
    pieces.forEach((text, index) => {
      rows.push({
        position: rows.length + 1,
        text,
        originalPosition: original.position,
        original: original.text,
        method,
        rewrittenBy: rewrittenBy(original),
        page: original.page,
        wordCount: countWords(text),
        kind: original.kind,
        part: index + 1,
        parts: pieces.length,
      });
    });
  }
  return {
    rows,
    originals,
    frontMatterPages: matter.frontMatterPages,
    backMatterPages: options.complete === false ? 0 : matter.backMatterPages,
  };
}

/** The book's rows from its chunks stitched in reading order; chunks without a result (failed, cancelled, unfinished) are gaps. */
export function bookRowsFromChunks(chunks: readonly ChunkResult[], options: BookRowOptions): BookRows {
  const sentences = stitchChunks(
    chunks.map((chunk) => ({
      index: chunk.index,
      ownedFirst: chunk.ownedFirst,
      ownedLast: chunk.ownedLast,
      sentences: chunk.status === "done" ? (chunk.result as StitchSentence[]) : null,
    })),
  );
  return buildBookRows(sentences, options);
}
