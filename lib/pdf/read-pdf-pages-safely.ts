// The worker reads a chunk's pages (pdfjs) in a worker thread, the way the
// web inspects uploads (inspect-pdf-safely.ts), so one poison book fails its
// own chunk instead of the process that runs every book's chunks: the
// thread checks what the chunk's streams decode to first
// (PDF_MAX_INFLATED_MB), runs under a V8 heap cap (PDF_PARSE_MEMORY_MB), and
// each read has a time limit (PDF_PARSE_TIMEOUT_MS). Past the heap cap or
// the time limit the thread is terminated, the chunk gets an AppError, and
// the next read starts a new thread. Threads are kept between chunks (a
// thread loads pdfjs once, which costs about a second); there are as many
// as chunks run at once, up to the number of cores.
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { env } from "@/lib/env";
import { AppError, type ErrorCode } from "@/lib/errors";
import type { PageLines } from "@/lib/text/extract-page-text";
import { sourceThreadExecArgv } from "@/lib/pdf/source-thread-options";

type ThreadReply =
  | { ready: true }
  | { id: number; ok: true; pages: PageLines[] }
  | { id: number; ok: false; code?: ErrorCode; message?: string; details?: Record<string, unknown>; cause?: string };

const damaged = "The PDF is damaged or incomplete and cannot be read. Try exporting it again from the original file.";

const idle: Worker[] = [];
const waiting: (() => void)[] = [];
let started = 0;
let nextId = 1;

const poolSize = () => Math.max(1, Math.min(env().PDF_READING_THREADS ?? env().WORKER_CONCURRENCY, env().WORKER_CONCURRENCY, availableParallelism()));

/**
 * The thread's entry: the bundled worker (dist/worker/index.js, built by
 * `npm run build:node`) has it bundled beside it; from source, tsx runs it
 * with packages loaded natively.
 */
function threadEntry(): { file: string; execArgv: string[] } {
  if (import.meta.url.endsWith(".js")) {
    return { file: path.join(process.cwd(), "dist/lib/pdf/read-pdf-pages-thread.js"), execArgv: [] };
  }
  return { file: path.join(process.cwd(), "lib/pdf/read-pdf-pages-thread.ts"), execArgv: sourceThreadExecArgv() };
}

function startThread(): Promise<Worker> {
  const { file, execArgv } = threadEntry();
  const worker = new Worker(file, {
    execArgv,
    resourceLimits: { maxOldGenerationSizeMb: env().PDF_PARSE_MEMORY_MB, maxYoungGenerationSizeMb: 16 },
  });
  worker.unref();
  return new Promise<Worker>((resolve, reject) => {
    worker.once("message", () => resolve(worker));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`PDF reading thread exited with code ${code} while starting`)));
  });
}

async function acquire(): Promise<Worker> {
  for (;;) {
    const ready = idle.pop();
    if (ready) return ready;
    if (started < poolSize()) {
      started++;
      try {
        // Unreferenced while idle, so an idle thread never keeps a process alive.
        return await startThread();
      } catch (error) {
        started--;
        throw error;
      }
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
}

function release(worker: Worker, healthy: boolean): void {
  worker.unref();
  if (healthy) idle.push(worker);
  else {
    started--;
    void worker.terminate();
  }
  waiting.shift()?.();
}

/**
 * Every page's lines of a chunk PDF, numbered from `firstPage`, read in a
 * thread; an abort ends the read at once (the thread is replaced).
 */
export async function readPdfPageLinesSafely(pdf: Uint8Array, firstPage: number, signal?: AbortSignal): Promise<PageLines[]> {
  signal?.throwIfAborted();
  const config = env();
  const worker = await acquire();
  if (signal?.aborted) {
    release(worker, true);
    throw signal.reason;
  }
  worker.ref();
  const id = nextId++;
  let healthy = true;
  let timer: NodeJS.Timeout | undefined;
  let onMessage: (reply: ThreadReply) => void = () => {};
  let onError: (error: Error) => void = () => {};
  let onExit: (code: number) => void = () => {};
  let onAbort: () => void = () => {};
  try {
    const reply = await new Promise<ThreadReply>((resolve, reject) => {
      onMessage = (message) => {
        if ("id" in message && message.id === id) resolve(message);
      };
      onError = (error) => {
        healthy = false;
        reject(
          new AppError(
            "pdf_invalid",
            "These pages need more memory to read than the server allows; they cannot be processed.",
            { memoryLimitMb: config.PDF_PARSE_MEMORY_MB },
            error,
          ),
        );
      };
      onExit = (code) => {
        healthy = false;
        reject(new AppError("pdf_invalid", damaged, undefined, `PDF reading thread exit ${code}`));
      };
      onAbort = () => {
        healthy = false;
        reject(signal!.reason);
      };
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      signal?.addEventListener("abort", onAbort, { once: true });
      timer = setTimeout(() => {
        healthy = false;
        reject(
          new AppError(
            "pdf_timeout",
            "These pages could not be read in time. The PDF may be damaged or unusually complex; try exporting it again from the original file.",
            { timeoutMs: config.PDF_PARSE_TIMEOUT_MS },
          ),
        );
      }, config.PDF_PARSE_TIMEOUT_MS);
      worker.postMessage({ id, pdf, firstPage, maxDecodedBytes: config.PDF_MAX_INFLATED_MB * 1024 * 1024 });
    });
    if (!("id" in reply)) throw new AppError("pdf_invalid", damaged);
    if (reply.ok) return reply.pages;
    throw new AppError(reply.code ?? "pdf_invalid", reply.message ?? damaged, reply.details, reply.cause);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
    worker.off("message", onMessage);
    worker.off("error", onError);
    worker.off("exit", onExit);
    release(worker, healthy);
  }
}
