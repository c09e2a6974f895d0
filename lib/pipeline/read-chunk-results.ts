// A chunk's stored result is its sentences as JSON, and a 700-page book's
// results hold about 40,000 of them. Read all at once, their parsed copies
// were the merging worker's highest memory of the whole book, so the merge
// and a stuck job's close read them one chunk at a time.
import type { Tx } from "@/lib/db/prisma";

/** These chunks with their stored results; a chunk that is not done has none. */
export async function readChunkResults<Chunk extends { id: string; status: string }>(
  tx: Tx,
  chunks: readonly Chunk[],
): Promise<(Chunk & { result: unknown })[]> {
  const withResults = [];
  for (const chunk of chunks) {
    const read = chunk.status === "done"
      ? await tx.chunk.findUnique({ where: { id: chunk.id }, select: { result: true } })
      : null;
    withResults.push({ ...chunk, result: read?.result ?? null });
  }
  return withResults;
}
