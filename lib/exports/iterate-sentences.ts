// Reads a book's sentences in position order, a batch at a time (keyset on the
// primary key), so an export of 15,000 rows never holds them all in memory.
// `rows: "kept"` reads only the rows whose original was kept as printed
// (method kept: whole, unchanged sentences and headings).
// `source: "corrected"` (the default) gives the rows as the owner corrected
// them: edited text, a split row as its pieces (which keep the row's
// position, the "#" the results page shows), deleted rows left out, and the
// pieces of an original the owner changed counted again (part of parts).
// A book without corrections exports exactly as before; `source: "engine"`
// gives the rows as the engine made them.
import { applyCorrections } from "@/lib/corrections/apply-corrections";
import { db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sentenceSelect, toSentenceItem, type SentenceItem } from "@/lib/jobs/list-sentences";
import type { ExportRows, ExportSource } from "@/lib/validations/job";

export type ExportSentence = SentenceItem;

type Piece = SentenceItem & { originalPosition: number };

/** The rows an export keeps: every row, or those kept as the author wrote them. */
function exportRowsWhere(rows: ExportRows = "all"): Prisma.SentenceWhereInput {
  return rows === "kept" ? { original: { method: "kept" } } : {};
}

function withoutOriginalPosition<T extends { originalPosition: number }>(row: T): Omit<T, "originalPosition"> {
  const copy: Partial<T> = { ...row };
  delete copy.originalPosition;
  return copy as Omit<T, "originalPosition">;
}

/** Whether any row of this original sentence has an active correction. */
async function isOriginalCorrected(jobId: string, originalPosition: number): Promise<boolean> {
  const rows = await db().$queryRaw<unknown[]>`
    select 1 from "SentenceCorrection" c
    join "Sentence" s on s."jobId" = c."jobId" and s.position = c.position
    where c."jobId" = ${jobId}::uuid and c.active and s."originalPosition" = ${originalPosition}
    limit 1`;
  return rows.length > 0;
}

type CorrectedPiece = Awaited<ReturnType<typeof applyCorrections<Piece>>>[number];

/** Whole originals' pieces as exported rows; an original with a corrected row has its pieces counted again. */
function exportPieces(all: readonly CorrectedPiece[]): ExportSentence[] {
  const touched = new Set(all.filter((piece) => piece.edited).map((piece) => piece.originalPosition));
  const pieces = all.filter((piece) => !piece.deleted);
  const counts = new Map<number, number>();
  for (const piece of pieces) counts.set(piece.originalPosition, (counts.get(piece.originalPosition) ?? 0) + 1);
  const seen = new Map<number, number>();
  return pieces.map((piece) => {
    const part = (seen.get(piece.originalPosition) ?? 0) + 1;
    seen.set(piece.originalPosition, part);
    const { position, text, original, page, wordCount, kind, method, rewrittenBy } = piece;
    const counted = touched.has(piece.originalPosition);
    return {
      position,
      text,
      original,
      page,
      wordCount,
      kind,
      part: counted ? part : piece.part,
      parts: counted ? counts.get(piece.originalPosition)! : piece.parts,
      method,
      rewrittenBy,
    };
  });
}

export async function* iterateSentences(options: {
  jobId: string;
  rows?: ExportRows;
  source?: ExportSource;
  batchSize?: number;
}): AsyncGenerator<ExportSentence[]> {
  const batchSize = options.batchSize ?? 1000;
  const corrected = (options.source ?? "corrected") === "corrected";
  const filter = exportRowsWhere(options.rows);
  let after = 0;
  const hasCorrections = corrected && (await db().sentenceCorrection.count({ where: { jobId: options.jobId, active: true } })) > 0;
  // The last original's pieces wait for the next batch when it has a corrected row, since they are counted again;
  // otherwise batches are the database's, as they were before corrections existed.
  let held: CorrectedPiece[] = [];
  for (;;) {
    const batch = await db().sentence.findMany({
      where: { jobId: options.jobId, position: { gt: after }, ...filter },
      orderBy: { position: "asc" },
      take: batchSize,
      select: { ...sentenceSelect, originalPosition: true },
    });
    const last = batch.length < batchSize;
    if (!corrected) {
      if (batch.length > 0) yield batch.map((row) => toSentenceItem(withoutOriginalPosition(row)));
    } else {
      const items = batch.map(({ originalPosition, ...row }) => ({ ...toSentenceItem(row), originalPosition }));
      const pieces = [...held, ...(await applyCorrections(options.jobId, items, { keepDeleted: true }))];
      let cut = pieces.length;
      if (!last && cut > 0 && hasCorrections) {
        const open = pieces[cut - 1]!.originalPosition;
        if (await isOriginalCorrected(options.jobId, open)) {
          while (cut > 0 && pieces[cut - 1]!.originalPosition === open) cut--;
        }
      }
      held = pieces.slice(cut);
      const ready = pieces.slice(0, cut);
      if (ready.length > 0) yield exportPieces(ready);
    }
    if (last) return;
    after = batch.at(-1)!.position;
  }
}
