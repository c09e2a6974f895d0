// The rows of a job that still runs: its finished chunks up to the first
// unfinished one, stitched and built as the merge builds them (book-rows.ts),
// so a 700-page book shows its first pages after its first chunk and the
// final merge gives the same rows (the back matter, decided only once the
// book is complete, aside).
//
// Building them reads and stitches every finished chunk's result, and a
// running book is polled every few seconds by each open page, on a web
// process with a 256 MB heap. So the built rows are kept per job, keyed by
// the finished prefix (each chunk's index and finishedAt): a poll of an
// unchanged book reads only the chunks' states. A few books are kept (least
// recently used first out), so the cache stays small.
import { db } from "@/lib/db/prisma";
import { bookRowsFromChunks, type SentenceRow } from "@/lib/pipeline/book-rows";

const cachedBooks = 8;

interface CachedPreview {
  key: string;
  rows: SentenceRow[];
}

const cache = new Map<string, CachedPreview>();
let builds = 0;

/** How many times preview rows were built rather than served from the cache (for tests). */
export function previewBuildCount(): number {
  return builds;
}

export async function previewRows(jobId: string): Promise<SentenceRow[]> {
  const job = await db().job.findUniqueOrThrow({
    where: { id: jobId },
    select: { maxWords: true, includeMatter: true, pageCount: true },
  });
  const chunks = await db().chunk.findMany({
    where: { jobId },
    orderBy: { index: "asc" },
    select: { index: true, status: true, finishedAt: true },
  });
  const firstUnfinished = chunks.findIndex((chunk) => chunk.status !== "done");
  const done = firstUnfinished === -1 ? chunks : chunks.slice(0, firstUnfinished);
  if (done.length === 0) return [];
  const key = [job.maxWords, job.includeMatter, job.pageCount, ...done.map((chunk) => `${chunk.index}@${chunk.finishedAt?.getTime() ?? ""}`)].join(
    ",",
  );
  const cached = cache.get(jobId);
  if (cached?.key === key) {
    // Re-inserted, so the map's order stays least recently used first.
    cache.delete(jobId);
    cache.set(jobId, cached);
    return cached.rows;
  }
  // Results only for the finished prefix: the unfinished chunks' are not needed.
  const results = await db().chunk.findMany({
    where: { jobId, index: { lte: done.at(-1)!.index } },
    orderBy: { index: "asc" },
    select: { index: true, status: true, ownedFirst: true, ownedLast: true, result: true },
  });
  builds++;
  const rows = bookRowsFromChunks(results, {
    maxWords: job.maxWords,
    includeMatter: job.includeMatter,
    pageCount: job.pageCount,
    complete: false,
  }).rows;
  cache.delete(jobId);
  cache.set(jobId, { key, rows });
  while (cache.size > cachedBooks) cache.delete(cache.keys().next().value!);
  return rows;
}
