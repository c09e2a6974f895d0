// Reads a book's sentences in position order, a batch at a time (keyset on the
// primary key), so an export of 15,000 rows never holds them all in memory.
import { db } from "@/lib/db/prisma";

export interface ExportSentence {
  position: number;
  text: string;
  original: string;
  page: number;
  wordCount: number;
  kind: "sentence" | "heading";
  part: number;
  parts: number;
}

export async function* iterateSentences(options: {
  jobId: string;
  batchSize?: number;
}): AsyncGenerator<ExportSentence[]> {
  const batchSize = options.batchSize ?? 1000;
  let after = 0;
  for (;;) {
    const batch = await db().sentence.findMany({
      where: { jobId: options.jobId, position: { gt: after } },
      orderBy: { position: "asc" },
      take: batchSize,
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
    if (batch.length > 0) yield batch;
    if (batch.length < batchSize) return;
    after = batch.at(-1)!.position;
  }
}
