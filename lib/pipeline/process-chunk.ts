// The `chunk` step: one page range through the engine. Safe to run twice: a
// chunk already finished is skipped, and the counters move only when this
// run is the one that moved the chunk to its final state.
import { db, type Tx } from "@/lib/db/prisma";
import { jobLog } from "@/lib/log";
import { getEngine } from "@/lib/engines/get-engine";
import { publicErrorMessage } from "@/lib/errors";
import { isChunkUnfinished, unfinishedChunkStatuses } from "@/lib/jobs/job-states";
import { recordChunkDuration } from "@/lib/metrics/record-metrics";
import { splitterFor } from "@/lib/pipeline/document-cache";
import { dispatchChunks, isJobQuiet } from "@/lib/pipeline/dispatch-chunks";
import { recordFailedAttempt } from "@/lib/pipeline/record-failed-attempt";
import { requestMerge } from "@/lib/pipeline/request-merge";
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

export async function processChunk(attempt: ChunkAttempt): Promise<ChunkOutcome> {
  const { jobId, chunkId } = attempt;
  const chunk = await db().chunk.findUnique({
    where: { id: chunkId },
    include: { job: { select: { status: true, engine: true, model: true, maxWords: true, documentId: true } } },
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

  await db().chunk.update({
    where: { id: chunkId },
    data: { status: "running", attempts: { increment: 1 }, startedAt: new Date(), error: null },
  });

  const startedAt = performance.now();
  const cancel = new AbortController();
  const stopWatching = watchCancellation(jobId, cancel);
  const signal = AbortSignal.any([cancel.signal, attempt.signal]);
  try {
    const splitter = await splitterFor(job.documentId);
    const pdf = await splitter.extractPages(chunk.firstPage, chunk.lastPage);
    signal.throwIfAborted();
    const result = await getEngine(job.engine).process({
      pdf,
      firstPage: chunk.firstPage,
      lastPage: chunk.lastPage,
      ownedFirst: chunk.ownedFirst,
      ownedLast: chunk.ownedLast,
      maxWords: job.maxWords,
      model: job.model ?? undefined,
      signal,
    });
    await db().$transaction(async (tx) => {
      const moved = await tx.chunk.updateMany({
        where: { id: chunkId, status: "running" },
        data: {
          status: "done",
          result: result.sentences as object[],
          promptTokens: { increment: result.usage.promptTokens },
          outputTokens: { increment: result.usage.outputTokens },
          finishedAt: new Date(),
          error: null,
        },
      });
      if (moved.count === 0) return; // Another run finished it first.
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
      await recordChunkDuration(tx, { engine: job.engine, seconds: (performance.now() - startedAt) / 1000 });
    });
    chunkLog.info({ sentences: result.sentences.length }, "chunk done");
    return "done";
  } catch (error) {
    const overAllowance = await recordFailedAttempt(jobId, chunkId, error);
    if (cancel.signal.aborted) {
      await finishChunk(jobId, chunkId, "cancelled", null);
      chunkLog.info("chunk cancelled");
      return "cancelled";
    }
    const reason = overAllowance ?? publicErrorMessage(error);
    if (attempt.willRetry && !attempt.signal.aborted && !overAllowance) {
      await db().chunk.updateMany({
        where: { id: chunkId, status: "running" },
        data: { status: "queued", error: reason },
      });
      chunkLog.warn({ err: error }, "chunk failed, will retry");
      throw error;
    }
    if (attempt.signal.aborted) {
      // This worker lost the job (shutdown or expiry); pg-boss hands it on.
      chunkLog.warn({ err: error }, "chunk handed back to the queue");
      await db().chunk.updateMany({ where: { id: chunkId, status: "running" }, data: { status: "queued" } });
      throw error;
    }
    await finishChunk(jobId, chunkId, "failed", reason);
    chunkLog.error({ err: error }, "chunk failed for good");
    return "failed";
  } finally {
    stopWatching();
  }
}

/** A chunk whose pg-boss job ran out of attempts without a handler finishing it (a crash). */
export async function failAbandonedChunk(jobId: string, chunkId: string): Promise<void> {
  await finishChunk(jobId, chunkId, "failed", "The worker stopped while processing these pages.");
}
