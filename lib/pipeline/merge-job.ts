// The `merge` step: stitches the finished chunks into the book's sentence
// list, enforces the word limit on every sentence, settles the credits and
// closes the job, all in one transaction. Running it twice changes nothing:
// a closed job is left alone and the settlement is idempotent.
import { db, type Tx } from "@/lib/db/prisma";
import { log } from "@/lib/log";
import { settleJobCredits } from "@/lib/credits/settle-job-credits";
import type { JobStatus, JobStep } from "@/lib/generated/prisma/client";
import { isJobUnfinished } from "@/lib/jobs/job-states";
import { isJobQuiet } from "@/lib/pipeline/dispatch-chunks";
import { stitchChunks, type StitchSentence } from "@/lib/pipeline/stitch-chunks";
import { countWords } from "@/lib/text/count-words";
import { findMatterRows } from "@/lib/text/find-matter-rows";
import { numberPieces } from "@/lib/text/number-pieces";
import { splitLongSentence } from "@/lib/text/split-long-sentence";

const insertBatch = 10_000;

export interface SentenceRow {
  position: number;
  text: string;
  original: string;
  page: number;
  wordCount: number;
  kind: "sentence" | "heading";
  /** This piece's place among the pieces of its original (1-based), and their number. */
  part: number;
  parts: number;
}

export interface BookRows {
  rows: SentenceRow[];
  /** Pages whose rows were front or back matter (left out unless included). */
  frontMatterPages: number;
  backMatterPages: number;
}

/**
 * The book's rows: front and back matter left out unless `includeMatter`,
 * every piece within the limit whatever the engine returned, and pieces of
 * one original numbered.
 */
export function buildBookRows(
  sentences: StitchSentence[],
  options: { maxWords: number; includeMatter?: boolean; pageCount?: number },
): BookRows {
  const matter = findMatterRows(sentences, options.pageCount);
  const kept = options.includeMatter
    ? sentences
    : sentences.slice(matter.frontEnd, matter.backStart);
  const pieces: Omit<SentenceRow, "part" | "parts">[] = [];
  for (const sentence of kept) {
    const text = sentence.text.trim();
    if (!text) continue;
    const limited =
      countWords(text) > options.maxWords ? splitLongSentence(text, options.maxWords) : [text];
    for (const piece of limited) {
      pieces.push({
        position: pieces.length + 1,
        text: piece,
        original: sentence.original,
        page: sentence.page,
        wordCount: countWords(piece),
        kind: sentence.kind ?? "sentence",
      });
    }
  }
  const numbers = numberPieces(pieces);
  return {
    rows: pieces.map((piece, index) => ({ ...piece, ...numbers[index]! })),
    frontMatterPages: matter.frontMatterPages,
    backMatterPages: matter.backMatterPages,
  };
}

/** Every sentence within the limit, matter left out, as the merge step writes them. */
export function limitSentences(sentences: StitchSentence[], maxWords: number): SentenceRow[] {
  return buildBookRows(sentences, { maxWords }).rows;
}

/**
 * One INSERT … SELECT FROM unnest(arrays) per 10,000 rows: a 700-page book's
 * 20,000 sentences go in about eight times faster than through createMany.
 */
async function insertSentences(tx: Tx, jobId: string, rows: SentenceRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += insertBatch) {
    const batch = rows.slice(start, start + insertBatch);
    await tx.$executeRaw`
      insert into "Sentence" ("jobId", position, text, original, page, "wordCount", kind, part, parts)
      select ${jobId}::uuid, * from unnest(
        ${batch.map((row) => row.position)}::int[],
        ${batch.map((row) => row.text)}::text[],
        ${batch.map((row) => row.original)}::text[],
        ${batch.map((row) => row.page)}::int[],
        ${batch.map((row) => row.wordCount)}::int[],
        ${batch.map((row) => row.kind)}::"SentenceKind"[],
        ${batch.map((row) => row.part)}::int[],
        ${batch.map((row) => row.parts)}::int[]
      )`;
  }
}

/** An ended status, which is also the job's last step. */
function finalStatus(jobStatus: JobStatus, done: number, total: number): JobStatus & JobStep {
  if (jobStatus === "cancelling") return "cancelled";
  if (total > 0 && done === total) return "succeeded";
  if (done > 0) return "partial";
  return "failed";
}

export async function mergeJob(jobId: string): Promise<void> {
  await db().$transaction(
    async (tx) => {
      await tx.$queryRaw`select id from "Job" where id = ${jobId}::uuid for update`;
      const job = await tx.job.findUnique({ where: { id: jobId } });
      if (!job || !isJobUnfinished(job.status)) return;

      if (!(await isJobQuiet(tx, jobId))) return; // A chunk still runs; its handler asks for the merge again.

      const chunks = await tx.chunk.findMany({ where: { jobId }, orderBy: { index: "asc" } });
      const stitched = stitchChunks(
        chunks.map((chunk) => ({
          index: chunk.index,
          ownedFirst: chunk.ownedFirst,
          ownedLast: chunk.ownedLast,
          sentences: chunk.status === "done" ? (chunk.result as unknown as StitchSentence[]) : null,
        })),
      );
      const { rows, frontMatterPages, backMatterPages } = buildBookRows(stitched, {
        maxWords: job.maxWords,
        includeMatter: job.includeMatter,
        pageCount: job.pageCount,
      });

      await tx.sentence.deleteMany({ where: { jobId } });
      await insertSentences(tx, jobId, rows);

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
      log.info({ jobId, status, sentences: rows.length, ...settlement }, "job closed");
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
