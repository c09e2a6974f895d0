// The command line's run of one book: the same createJob, queue and worker
// as the web app. The worker is its own process, started as `npm start`
// starts it (scripts/worker-command.ts: packages loaded by Node untouched,
// the workers' heap limits), not handlers registered in this process: run
// here, pdfjs went through tsx's transform with source maps on and the heap
// had no cap, and one process held the book's reading, parsing and export
// at once (peak 849 MB on a 202-page book, against 336 MB for the worker and
// 456 MB for this process now; bench/RESULTS.md, the command line). Its JSON
// and CSV are the API's export formats (lib/exports/text-formats.ts), read
// by the export's own reader: the same columns, the same rows, the same
// `rows` option.
import { spawn, type ChildProcess } from "node:child_process";
import { open, rm } from "node:fs/promises";
import path from "node:path";
import { db, disconnectDb } from "@/lib/db/prisma";
import { adjustCredits } from "@/lib/credits/adjust-credits";
import { priceJob } from "@/lib/credits/price-job";
import { createJob } from "@/lib/commands/create-job";
import { getJobProgress } from "@/lib/jobs/get-job-progress";
import { cancelJob } from "@/lib/commands/cancel-job";
import { isJobEnded } from "@/lib/jobs/job-states";
import { stopBoss } from "@/lib/queue/boss";
import { inspectBook } from "@/lib/books/inspect-book";
import { stopIdleInspectionThread } from "@/lib/pdf/inspect-pdf-safely";
import { env } from "@/lib/env";
import { iterateSentences, type ExportSentence } from "@/lib/exports/iterate-sentences";
import { csvFormatFor, encodeTextExport, jsonFormatFor } from "@/lib/exports/text-formats";
import type { TextFormat } from "@/lib/exports/text-export-stream";
import type { BookFormat } from "@/lib/generated/prisma/enums";
import type { ExportRows } from "@/lib/validations/job";
import { withHeapOptions } from "@/scripts/heap-options";
import { workerNodeArgs } from "@/scripts/worker-command";

const cliEmail = "cli@localhost";
const root = path.resolve(import.meta.dirname, "..");

interface CliWorker {
  child: ChildProcess;
  /** SIGTERM (the worker finishes what runs) and wait for it to exit. */
  stop(): Promise<void>;
}

/**
 * The worker process for this run, on the same database. It gets its own
 * process group, so a Ctrl-C in the terminal reaches only this process,
 * which cancels the job and lets the worker close it before stopping it.
 */
function startCliWorker(): CliWorker {
  const child = spawn(process.execPath, workerNodeArgs, {
    cwd: root,
    // One PDF reading thread: a single book, so no other user's chunk waits behind a slow read, and 40–55 MB less.
    env: withHeapOptions({ PDF_READING_THREADS: "1", ...process.env, PROCESS_ROLE: "worker" }),
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  // Never left behind, whatever ends this process.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  return {
    child,
    async stop() {
      process.off("exit", killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

export type NovelOutputFormat = "json" | "csv";

function textFormat(format: NovelOutputFormat, book: BookFormat): TextFormat {
  return format === "csv" ? csvFormatFor(book) : jsonFormatFor(book);
}

/** The file the command line writes: the API's JSON or CSV export of these rows. */
export function novelOutput(rows: readonly ExportSentence[], format: NovelOutputFormat, book: BookFormat = "pdf"): string {
  return encodeTextExport(textFormat(format, book), rows);
}

/**
 * Writes the rows to `file` a batch at a time, as the API's export streams
 * them (the same bytes as `novelOutput` of all the rows), and says how many
 * there were. Collected first and encoded whole, the rows and their text
 * made the command the largest process at its very end (about 230 MB more
 * for a 700-page book). A file left half written by an error is removed.
 */
export async function writeNovelOutput(
  file: string,
  batches: AsyncIterable<ExportSentence[]>,
  format: NovelOutputFormat,
  book: BookFormat = "pdf",
): Promise<number> {
  const text = textFormat(format, book);
  const handle = await open(file, "w");
  try {
    let written = 0;
    await handle.write(text.head);
    for await (const batch of batches) {
      await handle.write(text.encode(batch, written === 0));
      written += batch.length;
    }
    await handle.write(text.tail);
    await handle.close();
    return written;
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(file, { force: true });
    throw error;
  }
}

function progressLine(progress: Awaited<ReturnType<typeof getJobProgress>>): string {
  const width = 30;
  const filled = Math.round((progress.percent / 100) * width);
  const bar = "█".repeat(filled) + "░".repeat(width - filled);
  const eta = progress.etaSeconds != null ? ` ~${Math.ceil(progress.etaSeconds)} s left` : "";
  return `${bar} ${String(progress.percent).padStart(3)} %  ${progress.step}  chunks ${progress.chunksDone}/${progress.chunksTotal}${eta}   `;
}

/** Runs the book and writes its rows to `out`: how many, or null when the job was cancelled. */
export async function runNovelFromCli(options: {
  bytes: Uint8Array;
  fileName: string;
  maxWords: number;
  engine: "local" | "gemini";
  model?: string;
  /** "kept": only the sentences as the author wrote them, like the export's rows=kept. */
  rows?: ExportRows;
  /** Where the rows go once the book is done, and as what. */
  out: { file: string; format: NovelOutputFormat };
  onProgress(line: string): void;
}): Promise<number | null> {
  const user = await db().user.upsert({
    where: { email: cliEmail },
    update: {},
    create: { email: cliEmail, name: "Command line", role: "admin" },
  });
  // Local command-line runs are not billed: top the balance up to the price.
  const limits = { maxBytes: env().MAX_UPLOAD_MB * 1024 * 1024, maxPages: env().MAX_PAGES };
  // The upload's own check: a PDF in its thread, which createJob's check
  // then reuses. Inspected in this thread too, pdfjs was loaded twice here.
  const { format: book, pageCount } = await inspectBook(options.bytes, limits);
  const price = priceJob({ pageCount, engine: options.engine, model: options.model });
  await db().$transaction(async (tx) => {
    const current = await tx.user.findUniqueOrThrow({ where: { id: user.id } });
    if (current.creditBalance < price) {
      await adjustCredits(tx, {
        userId: user.id,
        amount: price - current.creditBalance,
        reason: "Command-line run",
      });
    }
  });

  const worker = startCliWorker();
  const workerExited = new Promise<never>((_, reject) =>
    worker.child.once("exit", (code, signal) =>
      reject(new Error(`The worker stopped (${signal ?? `exit code ${code}`}) before the book was done.`)),
    ),
  );
  workerExited.catch(() => {});
  try {
    return await followJob({ ...options, book, userId: user.id, workerExited });
  } finally {
    await worker.stop();
  }
}

async function followJob(
  options: Parameters<typeof runNovelFromCli>[0] & { book: BookFormat; userId: string; workerExited: Promise<never> },
): Promise<number | null> {
  const user = { id: options.userId };
  const job = await createJob({
    userId: user.id,
    fileName: options.fileName,
    bytes: options.bytes,
    maxWords: options.maxWords,
    engine: options.engine,
    model: options.model,
  });
  // Both checks of the book are done: pdfjs need not stay in this process while the worker runs.
  await stopIdleInspectionThread();

  let cancelling = false;
  const onInterrupt = () => {
    if (cancelling) return;
    cancelling = true;
    options.onProgress("Cancelling…".padEnd(70));
    void cancelJob({ jobId: job.id, userId: user.id, isAdmin: true });
  };
  process.on("SIGINT", onInterrupt);
  try {
    for (;;) {
      const progress = await getJobProgress({ jobId: job.id, userId: user.id, isAdmin: true });
      if (!cancelling) options.onProgress(progressLine(progress));
      if (isJobEnded(progress.status)) {
        if (progress.status === "cancelled") return null;
        if (progress.status === "failed") throw new Error(progress.error ?? "The job failed.");
        if (progress.status === "partial") options.onProgress(`\n${progress.error}`);
        break;
      }
      await Promise.race([new Promise((resolve) => setTimeout(resolve, 300)), options.workerExited]);
    }
    return await writeNovelOutput(
      options.out.file,
      iterateSentences({ jobId: job.id, rows: options.rows }),
      options.out.format,
      options.book,
    );
  } finally {
    process.off("SIGINT", onInterrupt);
    await stopBoss({ graceful: true, timeout: 10_000 });
    await disconnectDb();
  }
}
