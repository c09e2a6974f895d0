// Writes a book's rows in one INSERT … SELECT FROM unnest(arrays) per 2,000
// rows, originals first: a 700-page book's 20,000 sentences go in about
// eight times faster than through createMany, and a batch's parameters stay
// small beside the rows. The caller deletes the job's old rows first.
import type { Tx } from "@/lib/db/prisma";
import type { BookRows } from "@/lib/pipeline/book-rows";

const insertBatch = 2_000;

export async function insertBookRows(tx: Tx, jobId: string, book: BookRows): Promise<void> {
  for (let start = 0; start < book.originals.length; start += insertBatch) {
    const batch = book.originals.slice(start, start + insertBatch);
    await tx.$executeRaw`
      insert into "OriginalSentence" ("jobId", position, text, page, kind, method, "fallbackReason", model)
      select ${jobId}::uuid, * from unnest(
        ${batch.map((row) => row.position)}::int[],
        ${batch.map((row) => row.text)}::text[],
        ${batch.map((row) => row.page)}::int[],
        ${batch.map((row) => row.kind)}::"SentenceKind"[],
        ${batch.map((row) => row.method)}::"SentenceMethod"[],
        ${batch.map((row) => row.fallbackReason)}::text[],
        ${batch.map((row) => row.model)}::text[]
      )`;
  }
  for (let start = 0; start < book.rows.length; start += insertBatch) {
    const batch = book.rows.slice(start, start + insertBatch);
    await tx.$executeRaw`
      insert into "Sentence" ("jobId", position, text, "originalPosition", page, "wordCount", kind, part, parts)
      select ${jobId}::uuid, * from unnest(
        ${batch.map((row) => row.position)}::int[],
        ${batch.map((row) => row.text)}::text[],
        ${batch.map((row) => row.originalPosition)}::int[],
        ${batch.map((row) => row.page)}::int[],
        ${batch.map((row) => row.wordCount)}::int[],
        ${batch.map((row) => row.kind)}::"SentenceKind"[],
        ${batch.map((row) => row.part)}::int[],
        ${batch.map((row) => row.parts)}::int[]
      )`;
  }
}
