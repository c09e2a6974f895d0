// The rows of a job that still runs: its finished chunks up to the first
// unfinished one, stitched and built by the merge's own functions, so a
// 700-page book shows its first pages after its first chunk and the final
// merge gives the same rows (the back matter, decided only once the book is
// complete, aside).
import { db } from "@/lib/db/prisma";
import { buildBookRows, stitchChunkRows, type SentenceRow } from "@/lib/pipeline/merge-job";

export async function previewRows(jobId: string): Promise<SentenceRow[]> {
  const job = await db().job.findUniqueOrThrow({
    where: { id: jobId },
    select: { maxWords: true, includeMatter: true, pageCount: true },
  });
  const chunks = await db().chunk.findMany({
    where: { jobId },
    orderBy: { index: "asc" },
    select: { index: true, status: true, ownedFirst: true, ownedLast: true },
  });
  const firstUnfinished = chunks.findIndex((chunk) => chunk.status !== "done");
  const done = firstUnfinished === -1 ? chunks : chunks.slice(0, firstUnfinished);
  if (done.length === 0) return [];
  // Results only for the finished prefix: the unfinished chunks' are not needed.
  const results = await db().chunk.findMany({
    where: { jobId, index: { lte: done.at(-1)!.index } },
    orderBy: { index: "asc" },
    select: { index: true, status: true, ownedFirst: true, ownedLast: true, result: true },
  });
  return buildBookRows(stitchChunkRows(results), {
    maxWords: job.maxWords,
    includeMatter: job.includeMatter,
    pageCount: job.pageCount,
    complete: false,
  }).rows;
}
