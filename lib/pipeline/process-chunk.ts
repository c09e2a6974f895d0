// The `chunk` step: one page range read and its long sentences rewritten
// (lib/pipeline/rewrite-chunk.ts). Safe to run twice: a chunk already
// finished is skipped, and the counters move only when this run is the one
// that moved the chunk to its final state.
import type { Logger } from "pino";
import { lockJob } from "@/lib/db/lock-rows";
import { db, type Tx } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { jobLog } from "@/lib/log";
import { getOcr, getRewriter } from "@/lib/engines/get-rewriter";
import { EngineError } from "@/lib/engines/engine-error";
import { emptyGeminiUsage, type GeminiUsage } from "@/lib/engines/gemini-call";
import { isAppError, publicErrorMessage } from "@/lib/errors";
import { isChunkUnfinished, unfinishedChunkStatuses } from "@/lib/jobs/job-states";
import { recordChunkDuration, recordRewriteFallbacks } from "@/lib/metrics/record-metrics";
import { sectionsFor, splitterFor } from "@/lib/pipeline/document-cache";
import type { BookFormat, Engine } from "@/lib/generated/prisma/enums";
import { dispatchChunks, isJobQuiet } from "@/lib/pipeline/dispatch-chunks";
import { recordFailedAttempt } from "@/lib/pipeline/record-failed-attempt";
import { recordGeminiRequests } from "@/lib/pipeline/record-gemini-requests";
import { requestMerge } from "@/lib/pipeline/request-merge";
import { rewriteChunk, type RewriteChunkResult } from "@/lib/pipeline/rewrite-chunk";
import { watchCancellation } from "@/lib/pipeline/watch-cancellation";

export interface ChunkAttempt {
  jobId: string;
  chunkId: string;
  /** Aborted by pg-boss when this worker loses the job (expiry, shutdown). */
  signal: AbortSignal;
  /** False on the last attempt pg-boss will make. */
  willRetry: boolean;
}

export type ChunkOutcome = "done" | "skipped" | "cancelled" | "failed";

/** After a chunk reached a final state: refill the window or close the book. */
async function advanceJob(tx: Tx, jobId: string): Promise<void> {
  await dispatchChunks(tx, jobId);
  if (await isJobQuiet(tx, jobId)) await requestMerge(tx, jobId);
}

async function finishChunk(
  jobId: string,
  chunkId: string,
  status: "cancelled" | "failed",
  error: string | null,
): Promise<void> {
  await db().$transaction(async (tx) => {
    await lockJob(tx, jobId);
    const moved = await tx.chunk.updateMany({
      where: { id: chunkId, status: { in: unfinishedChunkStatuses } },
      data: { status, error, finishedAt: new Date() },
    });
    if (moved.count === 1 && status === "failed") {
      await tx.job.update({ where: { id: jobId }, data: { chunksFailed: { increment: 1 } } });
    }
    if (moved.count === 1) await advanceJob(tx, jobId);
  });
}

async function chunkSections(documentId: string, format: Exclude<BookFormat, "pdf">, firstPage: number, lastPage: number) {
  const book = await sectionsFor(documentId, format);
  return { pages: book.pages.slice(firstPage - 1, lastPage), matterPages: book.matterPages };
}

/**
 * A failure that another attempt cannot help, each attempt being billed: the
 * chunk fails for good at once, with this error's message as its reason.
 */
class NonRetryableChunkError extends Error {
  override readonly name = "NonRetryableChunkError";

  /** `error` as non-retryable when the same pages would fail the same way, or null. */
  static of(error: unknown): NonRetryableChunkError | null {
    // A refusal (Gemini will not read a scanned page) comes back the same on every attempt.
    const refused = error instanceof EngineError && error.kind === "refused";
    // So do pages pdfjs cannot read, or that unpack past the bomb guard's
    // limit or the reading thread's memory: the same bytes fail the same way.
    const unreadable = isAppError(error) && error.code === "pdf_invalid";
    return refused || unreadable ? new NonRetryableChunkError(error.message, { cause: error }) : null;
  }
}

export async function processChunk(attempt: ChunkAttempt): Promise<ChunkOutcome> {
  const { jobId, chunkId } = attempt;
  const chunk = await db().chunk.findUnique({
    where: { id: chunkId },
    include: {
      job: { select: { status: true, engine: true, model: true, maxWords: true, documentId: true, format: true } },
    },
  });
  if (!chunk || !isChunkUnfinished(chunk.status)) {
    return "skipped";
  }
  const job = chunk.job;
  const chunkLog = jobLog(jobId, { chunk: chunk.index });
  if (job.status !== "running") {
    await finishChunk(jobId, chunkId, "cancelled", null);
    return "cancelled";
  }

  if (!(await markChunkRunning(jobId, chunkId))) {
    // Cancelled (or finished by another run) since the read above.
    await finishChunk(jobId, chunkId, "cancelled", null);
    return "cancelled";
  }

  const startedAt = performance.now();
  const cancel = new AbortController();
  const stopWatching = watchCancellation(jobId, cancel);
  const signal = AbortSignal.any([cancel.signal, attempt.signal]);
  // Every Gemini request of this attempt lands here as it ends, so its
  // tokens are recorded whatever stops the attempt, not only engine errors.
  const usage = emptyGeminiUsage();
  try {
    // A PDF's pages are copied out of it; an EPUB's or a text file's sections are text already.
    const source =
      job.format === "pdf"
        ? { pdf: await (await splitterFor(job.documentId)).extractPages(chunk.firstPage, chunk.lastPage) }
        : { sections: await chunkSections(job.documentId, job.format, chunk.firstPage, chunk.lastPage) };
    signal.throwIfAborted();
    const config = env();
    const result = await rewriteChunk({
      ...source,
      firstPage: chunk.firstPage,
      chunkIndex: chunk.index,
      ownedFirst: chunk.ownedFirst,
      ownedLast: chunk.ownedLast,
      maxWords: job.maxWords,
      hardLimit: config.SENTENCE_HARD_LIMIT_WORDS,
      rewriter: getRewriter(job.engine),
      ocr: job.engine === "gemini" ? getOcr() : undefined,
      model: job.engine === "gemini" ? (job.model ?? config.GEMINI_MODEL) : undefined,
      signal,
      usage,
    });
    if (!(await storeChunkResult(jobId, chunk, job.engine, result, startedAt))) {
      // Another run finished the chunk, or it was cancelled meanwhile: this run's requests were still billed.
      await recordFailedAttempt(jobId, chunkId, chunk.index, usage);
      return "skipped";
    }
    chunkLog.info({ sentences: result.sentences.length }, "chunk done");
    return "done";
  } catch (error) {
    return await settleFailedAttempt({ attempt, chunkIndex: chunk.index, error, usage, cancel: cancel.signal, log: chunkLog });
  } finally {
    stopWatching();
  }
}

/**
 * The result stored and the job's counters moved in one transaction, only
 * while this run still holds the chunk: false when another run finished it
 * first, or the job is gone.
 */
async function storeChunkResult(
  jobId: string,
  chunk: { id: string; index: number },
  engine: Engine,
  result: RewriteChunkResult,
  startedAt: number,
): Promise<boolean> {
  return db().$transaction(async (tx) => {
    await lockJob(tx, jobId);
    const moved = await tx.chunk.updateMany({
      where: { id: chunk.id, status: "running" },
      data: {
        status: "done",
        result: result.sentences as object[],
        promptTokens: { increment: result.usage.promptTokens },
        outputTokens: { increment: result.usage.outputTokens },
        finishedAt: new Date(),
        error: null,
      },
    });
    if (moved.count === 0) return false;
    await recordGeminiRequests(tx, jobId, chunk.index, result.usage.records);
    await tx.job.update({
      where: { id: jobId },
      data: {
        chunksDone: { increment: 1 },
        promptTokens: { increment: result.usage.promptTokens },
        outputTokens: { increment: result.usage.outputTokens },
      },
    });
    await advanceJob(tx, jobId);
    // Last, so the shared counter rows stay locked only until the commit.
    await recordChunkDuration(tx, { engine, seconds: (performance.now() - startedAt) / 1000 });
    await recordRewriteFallbacks(tx, result.sentences);
    return true;
  });
}

interface FailedAttempt {
  attempt: ChunkAttempt;
  chunkIndex: number;
  error: unknown;
  /** Every Gemini request the attempt made, billed whatever stopped it. */
  usage: GeminiUsage;
  /** Aborted when the job is cancelled (watch-cancellation.ts). */
  cancel: AbortSignal;
  log: Logger;
}

/**
 * A failed attempt's tokens recorded, then its chunk cancelled with the job,
 * handed back to the queue when this worker lost it, queued again while
 * pg-boss has attempts left and another may pass, or else failed for good.
 */
async function settleFailedAttempt({ attempt, chunkIndex, error, usage, cancel, log }: FailedAttempt): Promise<ChunkOutcome> {
  const { jobId, chunkId } = attempt;
  const overAllowance = await recordFailedAttempt(jobId, chunkId, chunkIndex, usage);
  if (cancel.aborted) {
    await finishChunk(jobId, chunkId, "cancelled", null);
    log.info("chunk cancelled");
    return "cancelled";
  }
  if (attempt.signal.aborted) {
    // This worker lost the job (shutdown or expiry); pg-boss hands it on.
    log.warn({ err: error }, "chunk handed back to the queue");
    await db().chunk.updateMany({ where: { id: chunkId, status: "running" }, data: { status: "queued" } });
    throw error;
  }
  // A book over its token allowance, or an owner over the unpaid budget
  // (record-failed-attempt.ts), would only spend more on another attempt.
  const nonRetryable = overAllowance
    ? new NonRetryableChunkError(overAllowance, { cause: error })
    : NonRetryableChunkError.of(error);
  if (attempt.willRetry && !nonRetryable) {
    await db().chunk.updateMany({
      where: { id: chunkId, status: "running" },
      data: { status: "queued", error: publicErrorMessage(error) },
    });
    log.warn({ err: error }, "chunk failed, will retry");
    throw error;
  }
  await finishChunk(jobId, chunkId, "failed", nonRetryable?.message ?? publicErrorMessage(error));
  log.error({ err: error }, "chunk failed for good");
  return "failed";
}

/**
 * Moves the chunk to running only while its job still runs, in one
 * statement: a cancel committed between the read in processChunk and this
 * write leaves the chunk alone (false), so no engine call starts for it.
 */
export async function markChunkRunning(jobId: string, chunkId: string): Promise<boolean> {
  const moved = await db().$executeRaw`
    update "Chunk" set status = 'running', attempts = attempts + 1, "startedAt" = now(), error = null
    where id = ${chunkId}::uuid
      and status::text = any(${[...unfinishedChunkStatuses]}::text[])
      and exists (select 1 from "Job" where id = ${jobId}::uuid and status = 'running')`;
  return moved === 1;
}

/** A chunk whose pg-boss job ran out of attempts without a handler finishing it (a crash). */
export async function failAbandonedChunk(jobId: string, chunkId: string): Promise<void> {
  await finishChunk(jobId, chunkId, "failed", "The worker stopped while processing these pages.");
}
