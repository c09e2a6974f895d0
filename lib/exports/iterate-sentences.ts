// Reads a book's sentences in position order, a batch at a time (keyset on the
// primary key), so an export of 15,000 rows never holds them all in memory.
// `rows: "kept"` reads only the rows whose original was kept as printed
// (method kept: whole, unchanged sentences and headings).
import { db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sentenceSelect, toSentenceItem, type SentenceItem } from "@/lib/jobs/list-sentences";
import type { ExportRows } from "@/lib/validations/job";

export type ExportSentence = SentenceItem;

/** The rows an export keeps: every row, or those kept as the author wrote them. */
function exportRowsWhere(rows: ExportRows = "all"): Prisma.SentenceWhereInput {
  return rows === "kept" ? { original: { method: "kept" } } : {};
}

export async function* iterateSentences(options: {
  jobId: string;
  rows?: ExportRows;
  batchSize?: number;
}): AsyncGenerator<ExportSentence[]> {
  const batchSize = options.batchSize ?? 1000;
  const filter = exportRowsWhere(options.rows);
  let after = 0;
  for (;;) {
    const batch = await db().sentence.findMany({
      where: { jobId: options.jobId, position: { gt: after }, ...filter },
      orderBy: { position: "asc" },
      take: batchSize,
      select: sentenceSelect,
    });
    if (batch.length > 0) yield batch.map(toSentenceItem);
    if (batch.length < batchSize) return;
    after = batch.at(-1)!.position;
  }
}
