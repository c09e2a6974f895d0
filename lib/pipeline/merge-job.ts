// The `merge` step: stitches the finished chunks into the book's sentence
// list, enforces the word limit on every sentence, settles the credits and
// closes the job, all in one transaction. Running it twice changes nothing:
// a closed job is left alone and the settlement is idempotent.
import { rewrittenBy, type RewrittenBy } from "@/lib/jobs/rewritten-by";
import { db, type Tx } from "@/lib/db/prisma";
import { log } from "@/lib/log";
import { settleJobCredits } from "@/lib/credits/settle-job-credits";
import type { JobStatus, JobStep, SentenceKind, SentenceMethod } from "@/lib/generated/prisma/client";
import { isJobUnfinished } from "@/lib/jobs/job-states";
import { isJobQuiet } from "@/lib/pipeline/dispatch-chunks";
import { groupByOriginal, stitchChunks, type StitchSentence } from "@/lib/pipeline/stitch-chunks";
import { countWords } from "@/lib/text/count-words";
import { findMatterRows } from "@/lib/text/find-matter-rows";
import { splitLongSentence } from "@/lib/text/split-long-sentence";
import { lockJob } from "@/lib/db/lock-rows";
import { reattachCorrections } from "@/lib/corrections/reattach-corrections";

const insertBatch = 2_000;

/** One original sentence of the book, stored once. */
export interface OriginalRow {
  position: number;
  text: string;
  page: number;
  kind: SentenceKind;
  method: SentenceMethod;
  fallbackReason: string | null;
  model: string | null;
}

export interface SentenceRow {
  position: number;
  text: string;
  /** Position of its OriginalRow. */
  originalPosition: number;
  /** The original's text, method and writer, for readers of these rows in memory (not stored on the piece). */
  original: string;
  method: SentenceMethod;
  rewrittenBy: RewrittenBy | null;
  page: number;
  wordCount: number;
  kind: SentenceKind;
  /** This piece's place among the pieces of its original (1-based), and their number. */
  part: number;
  parts: number;
}

export interface BookRows {
  rows: SentenceRow[];
  originals: OriginalRow[];
  /** Pages whose rows were front or back matter (left out unless included). */
  frontMatterPages: number;
  backMatterPages: number;
}

/**
 * The book's rows: front and back matter left out unless `includeMatter`
 * (back matter only once the book is complete), every piece within the
 * limit whatever the engine returned, each original once with its pieces
 * numbered.
 */
export function buildBookRows(
  sentences: StitchSentence[],
  options: { maxWords: number; includeMatter?: boolean; pageCount?: number; complete?: boolean },
): BookRows {
  const matter = findMatterRows(sentences, options.pageCount);
  const backStart = options.complete === false ? sentences.length : matter.backStart;
  const kept = options.includeMatter ? sentences : sentences.slice(matter.frontEnd, backStart);
  const rows: SentenceRow[] = [];
  const originals: OriginalRow[] = [];
  for (const group of groupByOriginal(kept)) {
    const first = group[0]!;
    const pieces = group.flatMap((sentence) => {
      const text = sentence.text.trim();
      if (!text) return [];
      return countWords(text) > options.maxWords ? splitLongSentence(text, options.maxWords) : [text];
    });
    if (pieces.length === 0) continue;
    const method = first.method ?? (pieces.length > 1 ? "split" : "kept");
    const original: OriginalRow = {
      position: originals.length + 1,
      text: first.original,
      page: first.page,
      kind: first.kind ?? "sentence",
      method,
      fallbackReason: first.fallbackReason ?? null,
      model: first.model ?? null,
    };
    originals.push(original);
    pieces.forEach((text, index) => {
      rows.push({
        position: rows.length + 1,
        text,
        originalPosition: original.position,
        original: original.text,
        method,
        rewrittenBy: rewrittenBy(original),
        page: original.page,
        wordCount: countWords(text),
        kind: original.kind,
        part: index + 1,
        parts: pieces.length,
      });
    });
  }
  return {
    rows,
    originals,
    frontMatterPages: matter.frontMatterPages,
    backMatterPages: options.complete === false ? 0 : matter.backMatterPages,
  };
}

/**
 * One INSERT … SELECT FROM unnest(arrays) per 2,000 rows, originals first:
 * a 700-page book's 20,000 sentences go in about eight times faster than
 * through createMany, and a batch's parameters stay small beside the rows.
 */
export async function insertRows(tx: Tx, jobId: string, book: BookRows): Promise<void> {
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

/** The chunks' results stitched in reading order; chunks without a result (failed, cancelled, unfinished) are gaps. */
export function stitchChunkRows(
  chunks: readonly { index: number; ownedFirst: number; ownedLast: number; status: string; result: unknown }[],
): StitchSentence[] {
  return stitchChunks(
    chunks.map((chunk) => ({
      index: chunk.index,
      ownedFirst: chunk.ownedFirst,
      ownedLast: chunk.ownedLast,
      sentences: chunk.status === "done" ? (chunk.result as StitchSentence[]) : null,
    })),
  );
}

/**
 * The book's rows from its chunks' results, and the chunks without them: the
 * parsed results (a 700-page book's 40,000 entries) are garbage once the rows
 * are built, rather than live while the rows are written.
 */
async function readBook(
  tx: Tx,
  job: { id: string; maxWords: number; includeMatter: boolean; pageCount: number },
): Promise<{ book: BookRows; chunks: { status: string; ownedFirst: number; ownedLast: number; error: string | null }[] }> {
  const chunks = await tx.chunk.findMany({
    where: { jobId: job.id },
    orderBy: { index: "asc" },
    select: { id: true, index: true, ownedFirst: true, ownedLast: true, status: true, error: true },
  });
  // One chunk's result at a time: read all at once, their parsed copies were
  // the merging worker's highest memory of the whole book.
  const withResults = [];
  for (const chunk of chunks) {
    const read = chunk.status === "done"
      ? await tx.chunk.findUnique({ where: { id: chunk.id }, select: { result: true } })
      : null;
    withResults.push({ ...chunk, result: read?.result ?? null });
  }
  const book = buildBookRows(stitchChunkRows(withResults), {
    maxWords: job.maxWords,
    includeMatter: job.includeMatter,
    pageCount: job.pageCount,
  });
  return { book, chunks: chunks.map(({ status, ownedFirst, ownedLast, error }) => ({ status, ownedFirst, ownedLast, error })) };
}

/** An ended status, which is also the job's last step. */
export function finalStatus(jobStatus: JobStatus, done: number, total: number): JobStatus & JobStep {
  if (jobStatus === "cancelling") return "cancelled";
  if (total > 0 && done === total) return "succeeded";
  if (done > 0) return "partial";
  return "failed";
}

export async function mergeJob(jobId: string): Promise<void> {
  await db().$transaction(
    async (tx) => {
      await lockJob(tx, jobId);
      const job = await tx.job.findUnique({ where: { id: jobId } });
      if (!job || !isJobUnfinished(job.status)) return;

      if (!(await isJobQuiet(tx, jobId))) return; // A chunk still runs; its handler asks for the merge again.

      const { book, chunks } = await readBook(tx, job);
      const { rows, frontMatterPages, backMatterPages } = book;

      await tx.sentence.deleteMany({ where: { jobId } });
      await tx.originalSentence.deleteMany({ where: { jobId } });
      await insertRows(tx, jobId, book);
      // A re-run rewrites every row: the owner's corrections follow the rows they were made on.
      const corrections = await reattachCorrections(tx, jobId);

      const done = chunks.filter((chunk) => chunk.status === "done").length;
      const failed = chunks.filter((chunk) => chunk.status === "failed");
      const status = finalStatus(job.status, done, chunks.length);
      const failedPages = failed.map((chunk) => `${chunk.ownedFirst}–${chunk.ownedLast}`);
      await tx.job.update({
        where: { id: jobId },
        data: {
          status,
          step: status,
          sentenceCount: rows.length,
          frontMatterPages,
          backMatterPages,
          finishedAt: new Date(),
          error:
            status === "failed" && chunks.length > 0
              ? `No pages could be processed. ${failed[0]?.error ?? ""}`.trim()
              : failedPages.length > 0
                ? `Pages ${failedPages.join(", ")} could not be processed.`
                : null,
        },
      });
      const settlement = await settleJobCredits(tx, jobId);
      log.info({ jobId, status, sentences: rows.length, corrections, ...settlement }, "job closed");
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
