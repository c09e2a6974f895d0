// Drives the real pipeline in the test process: a database of its own, the
// worker's handlers registered on a real pg-boss, and helpers to create
// users and wait for jobs. Configuration is read on first use, so these
// imports are safe before `startPipeline` sets the test's environment.
import { cancelJob } from "@/lib/commands/cancel-job";
import { createJob } from "@/lib/commands/create-job";
import { retryFailedChunks } from "@/lib/commands/retry-failed-chunks";
import { adjustCredits } from "@/lib/credits/adjust-credits";
import { db, disconnectDb } from "@/lib/db/prisma";
import { endedJobStatuses } from "@/lib/jobs/job-states";
import type { SentenceRow } from "@/lib/pipeline/book-rows";
import { mergeJob } from "@/lib/pipeline/merge-job";
import type { StitchSentence } from "@/lib/pipeline/stitch-chunks";
import { rewriteLocally } from "@/lib/rewriting/rewrite-locally";
import { countWords } from "@/lib/text/count-words";
import { processChunk } from "@/lib/pipeline/process-chunk";
import { boss, stopBoss } from "@/lib/queue/boss";
import { loadCorpusText, makeNovelPdf } from "@/tests/fixtures/make-novel-pdf";
import { startFakeGemini, type FakeGemini } from "@/tests/support/fake-gemini-server";
import { createFreshDatabase } from "@/tests/support/fresh-database";
import { createLocalEngine, limitSentences } from "@/tests/support/local-engine";
import { registerHandlers } from "@/worker/register-handlers";

/**
 * The rows a local job should store for a book processed whole: the merge's
 * rows, each long sentence rewritten as the offline engine does (headings
 * stay cut, as the pipeline leaves them).
 */
function expectedLocalRows(sentences: StitchSentence[], maxWords: number): SentenceRow[] {
  const rows = limitSentences(sentences, maxWords);
  return rows.flatMap((row, index) => {
    if (row.kind === "heading" || countWords(row.original) <= maxWords) return [row];
    if (rows[index - 1]?.originalPosition === row.originalPosition) return [];
    const { pieces, method } = rewriteLocally(row.original, maxWords);
    return pieces.map((text) => ({ ...row, text, method }));
  });
}

const lib = {
  db,
  disconnectDb,
  boss,
  stopBoss,
  createJob,
  cancelJob,
  retryFailedChunks,
  mergeJob,
  processChunk,
  adjustCredits,
  registerHandlers,
  createLocalEngine,
  limitSentences,
  expectedLocalRows,
};

export type Lib = typeof lib;

export async function startPipeline(env: Record<string, string>, options: { worker?: boolean } = {}): Promise<Lib> {
  await createFreshDatabase({ LOG_LEVEL: "warn", ...env });
  if (options.worker !== false) await registerHandlers(await boss());
  return lib;
}

/**
 * The pipeline against the fake Gemini server on loopback (the real
 * @google/genai client): one retry, 5-page chunks, `env` on top.
 */
export async function startGeminiPipeline(options: {
  latencyMs: number;
  env?: Record<string, string>;
}): Promise<{ lib: Lib; gemini: FakeGemini }> {
  const gemini = await startFakeGemini({ latencyMs: options.latencyMs });
  const lib = await startPipeline({
    GEMINI_API_KEY: "test-key",
    GEMINI_BASE_URL: gemini.url,
    GEMINI_TIMEOUT_MS: "1500",
    GEMINI_MAX_RETRIES: "1",
    CHUNK_PAGES: "5",
    CHUNK_OVERLAP_PAGES: "1",
    ...options.env,
  });
  return { lib, gemini };
}

/** The opening of Les Misérables ("En 1815…") set as a short PDF. */
export function miserablesPdf(options: { words: number; pages: number }): Promise<Uint8Array> {
  return makeNovelPdf({
    text: loadCorpusText("hugo_les-miserables-t1-fantine_pg17489.txt", { words: options.words, startAt: "En 1815" }),
    title: "Les Misérables",
    pages: options.pages,
  });
}

export async function stopPipeline(lib: Lib): Promise<void> {
  await lib.stopBoss({ graceful: false, timeout: 2000 });
  await lib.disconnectDb();
}

let userCount = 0;

export async function createFundedUser(lib: Lib, credits = 10_000) {
  const user = await lib.db().user.create({
    data: { email: `reader-${Date.now()}-${userCount++}@example.com` },
  });
  await lib.db().$transaction((tx) => lib.adjustCredits(tx, { userId: user.id, amount: credits, reason: "test" }));
  return user;
}

export async function waitForJob(lib: Lib, jobId: string, timeoutMs = 90_000, statuses: string[] = endedJobStatuses) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await lib.db().job.findUniqueOrThrow({ where: { id: jobId } });
    if (statuses.includes(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job.status} (${job.step}) after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function waitFor<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The job's rows as a reader gets them: each with its original's text and method. */
export async function sentencesOf(lib: Lib, jobId: string) {
  const rows = await lib.db().sentence.findMany({
    where: { jobId },
    orderBy: { position: "asc" },
    include: { original: { select: { text: true, method: true, fallbackReason: true, model: true } } },
  });
  return rows.map(({ original, ...row }) => ({
    ...row,
    original: original.text,
    method: original.method,
    fallbackReason: original.fallbackReason,
    model: original.model,
  }));
}

export async function ledgerSum(lib: Lib, userId: string): Promise<number> {
  const rows = await lib.db().creditLedger.findMany({ where: { userId }, select: { amount: true } });
  return rows.reduce((sum, row) => sum + row.amount, 0);
}

/** Originals in reading order, each once (the split pieces of one share it). */
export function distinctOriginals(rows: { original: string }[]): string[] {
  return rows.map((row) => row.original).filter((original, index, all) => original !== all[index - 1]);
}
