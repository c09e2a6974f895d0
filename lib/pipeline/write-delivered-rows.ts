// Writes the rows a book's finished chunks can still give when its merge
// failed for good (close-stuck-job.ts). The merge writes the whole book in
// one statement per 2,000 rows, so one chunk whose rows the database refuses
// (or whose stored result cannot be read as rows) loses every chunk with it.
// Here the whole book is tried first; if that fails, each finished chunk's
// rows are tried alone inside a savepoint that is always rolled back, and the
// book is written once more from the chunks that passed, so the positions
// stay 1…n. A chunk that did not pass is reported back: the caller fails it,
// the user is not charged for it and a retry runs its pages again. Its stored
// result is not reused by that retry on purpose: it may be what the database
// refused. Runs inside the caller's transaction, which holds the job's lock.
import type { Tx } from "@/lib/db/prisma";
import { jobLog } from "@/lib/log";
import { bookRowsFromChunks, type BookRows } from "@/lib/pipeline/book-rows";
import { insertBookRows } from "@/lib/pipeline/insert-book-rows";

export interface FinishedChunk {
  id: string;
  index: number;
  ownedFirst: number;
  ownedLast: number;
  result: unknown;
}

export interface DeliveredRows {
  book: BookRows;
  /** Finished chunks whose rows could not be written. */
  undelivered: FinishedChunk[];
}

interface BookOptions {
  id: string;
  maxWords: number;
  includeMatter: boolean;
  pageCount: number;
}

/** Runs `write` in a savepoint; on failure the transaction is usable again and the error is returned. */
async function inSavepoint(tx: Tx, write: () => Promise<void>, keep: boolean): Promise<unknown> {
  await tx.$executeRawUnsafe("savepoint write_delivered_rows");
  try {
    await write();
  } catch (error) {
    await tx.$executeRawUnsafe("rollback to savepoint write_delivered_rows");
    return error ?? new Error("write failed");
  }
  await tx.$executeRawUnsafe(keep ? "release savepoint write_delivered_rows" : "rollback to savepoint write_delivered_rows");
  return undefined;
}

/** The book from these finished chunks only, the others being gaps. */
function rowsOf(chunks: readonly FinishedChunk[], job: BookOptions, includeMatter = job.includeMatter): BookRows {
  return bookRowsFromChunks(
    chunks.map((chunk) => ({ ...chunk, status: "done" })),
    { maxWords: job.maxWords, includeMatter, pageCount: job.pageCount },
  );
}

const nothing: BookRows = { rows: [], originals: [], frontMatterPages: 0, backMatterPages: 0 };

export async function writeDeliveredRows(tx: Tx, job: BookOptions, chunks: readonly FinishedChunk[]): Promise<DeliveredRows> {
  const log = jobLog(job.id);
  if (chunks.length === 0) return { book: nothing, undelivered: [] };

  let whole: BookRows | undefined;
  const wholeError = await inSavepoint(
    tx,
    async () => {
      whole = rowsOf(chunks, job);
      await insertBookRows(tx, job.id, whole);
    },
    true,
  );
  if (!wholeError && whole) return { book: whole, undelivered: [] };
  log.warn({ err: wholeError }, "closing: the whole book's rows could not be written; trying each finished chunk");

  const passed: FinishedChunk[] = [];
  const undelivered: FinishedChunk[] = [];
  for (const chunk of chunks) {
    // Every row of the chunk, matter included, so the final write has none the probe did not try.
    const error = await inSavepoint(tx, () => insertBookRows(tx, job.id, rowsOf([chunk], job, true)), false);
    if (error) {
      log.warn({ err: error, chunk: chunk.index }, "closing: a finished chunk's rows could not be written");
      undelivered.push(chunk);
    } else {
      passed.push(chunk);
    }
  }
  if (passed.length === 0) return { book: nothing, undelivered };

  let book: BookRows | undefined;
  const finalError = await inSavepoint(
    tx,
    async () => {
      book = rowsOf(passed, job);
      await insertBookRows(tx, job.id, book);
    },
    true,
  );
  if (!finalError && book) return { book, undelivered };
  // Each chunk passed alone but not together (a seam's rows): nothing is delivered rather than guessed.
  log.error({ err: finalError }, "closing: the finished chunks' rows could not be written together");
  return { book: nothing, undelivered: [...chunks] };
}
