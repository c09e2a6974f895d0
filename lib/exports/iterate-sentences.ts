// Reads a book's sentences in position order, a batch at a time (keyset on the
// primary key), so an export of 15,000 rows never holds them all in memory.
import { db } from "@/lib/db/prisma";
import { sentenceSelect, toSentenceItem, type SentenceItem } from "@/lib/jobs/list-sentences";

export type ExportSentence = SentenceItem;

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
      select: sentenceSelect,
    });
    if (batch.length > 0) yield batch.map(toSentenceItem);
    if (batch.length < batchSize) return;
    after = batch.at(-1)!.position;
  }
}
