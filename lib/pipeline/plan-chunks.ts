// How a book is cut into chunks. Each chunk owns a page range (the owned
// ranges tile the book with no gap and no overlap) and is sent to the engine
// with `overlapPages` extra pages on each side, so a sentence that crosses a
// chunk boundary is complete in the chunk that owns its first page.

export interface ChunkPlan {
  index: number;
  /** Pages sent to the engine, 1-based and inclusive. */
  firstPage: number;
  lastPage: number;
  /** Pages whose sentences this chunk contributes to the result. */
  ownedFirst: number;
  ownedLast: number;
}

export function planChunks(options: {
  pageCount: number;
  chunkPages: number;
  overlapPages: number;
}): ChunkPlan[] {
  const { pageCount, chunkPages, overlapPages } = options;
  if (!Number.isInteger(pageCount) || pageCount < 1) throw new RangeError("pageCount must be ≥ 1");
  if (!Number.isInteger(chunkPages) || chunkPages < 1) throw new RangeError("chunkPages must be ≥ 1");
  if (!Number.isInteger(overlapPages) || overlapPages < 0) throw new RangeError("overlapPages must be ≥ 0");

  // Rounding (not ceiling) avoids a runt last chunk: 41 pages at 20 per chunk
  // make two chunks of 21 and 20, not three with a 1-page tail.
  const count = Math.max(1, Math.round(pageCount / chunkPages));
  const base = Math.floor(pageCount / count);
  const extra = pageCount % count;

  const plans: ChunkPlan[] = [];
  let ownedFirst = 1;
  for (let index = 0; index < count; index++) {
    const size = base + (index < extra ? 1 : 0);
    const ownedLast = ownedFirst + size - 1;
    plans.push({
      index,
      firstPage: Math.max(1, ownedFirst - overlapPages),
      lastPage: Math.min(pageCount, ownedLast + overlapPages),
      ownedFirst,
      ownedLast,
    });
    ownedFirst = ownedLast + 1;
  }
  return plans;
}
