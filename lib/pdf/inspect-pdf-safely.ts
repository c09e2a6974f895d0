// inspectPdf in a worker thread, so a hostile or pathological PDF cannot
// stall or bloat the process that serves everyone: the thread has a V8 heap
// cap (PDF_PARSE_MEMORY_MB) and each inspection a time limit
// (PDF_PARSE_TIMEOUT_MS); past either the thread is terminated (a new one
// starts for the next upload) and the upload gets a 422. Memory outside the
// heap (inflated streams) is bounded by the decompression guard the thread
// runs first (PDF_MAX_INFLATED_MB). The bytes are shared with the thread,
// not copied. Inspections run one at a time in one thread per process:
// starting a thread and pdfjs costs seconds, an inspection milliseconds.
// Waiting uploads go smallest first (an inspection's cost grows with the
// file): when 20 books arrive at once, a 76-page book no longer waits behind
// 300-page ones. Each upload's place is its arrival time plus a handicap that
// grows with its size, capped, so a large file is passed only by uploads that
// arrived less than `maxHandicapMs` after it and never starves.
// The queue is bounded: each user has at most PDF_INSPECTIONS_PER_USER
// uploads waiting or being read (429 past it), and at most
// PDF_INSPECTION_QUEUE_MAX wait in all (503 past it), since every waiting
// upload holds its bytes (up to MAX_UPLOAD_MB) and delays everyone's.
import path from "node:path";
import { Worker } from "node:worker_threads";
import { env } from "@/lib/env";
import { AppError, type ErrorCode } from "@/lib/errors";
import type { PdfInfo, PdfLimits } from "@/lib/pdf/inspect-pdf";
import { sourceThreadExecArgv } from "@/lib/pdf/source-thread-options";

type ThreadReply =
  | { ready: true }
  | { id: number; ok: true; info: PdfInfo }
  | { id: number; ok: false; code?: ErrorCode; message?: string; details?: Record<string, unknown>; cause?: string };

const damaged = "The PDF is damaged or incomplete and cannot be read. Try exporting it again from the original file.";

// 2 ms per KB: about an inspection's time on a loaded 2-core machine (a
// 300-page, 700 KB book took 0.2–0.5 s), so arrivals a few tens of
// milliseconds apart in one burst are still taken smallest first.
const handicapMsPerByte = 2 / 1024;
const maxHandicapMs = 2000;

let thread: Promise<Worker> | undefined;
let nextId = 1;
let busy = false;
const waiting: { dueAt: number; start: () => void }[] = [];
/** Uploads waiting or being read, per owner (a user id). */
const inFlight = new Map<string, number>();

/** How many of `owner`'s uploads this process is reading or holding in the queue. */
export function inspectionsInFlight(owner: string): number {
  return inFlight.get(owner) ?? 0;
}

function admit(owner: string | undefined): () => void {
  const config = env();
  if (owner !== undefined && inspectionsInFlight(owner) >= config.PDF_INSPECTIONS_PER_USER) {
    throw new AppError(
      "rate_limited",
      `You already have ${config.PDF_INSPECTIONS_PER_USER} PDFs being read. Wait for them before sending another.`,
      { retryAfterSeconds: 5, limit: config.PDF_INSPECTIONS_PER_USER },
    );
  }
  if (waiting.length >= config.PDF_INSPECTION_QUEUE_MAX) {
    throw new AppError(
      "unavailable",
      "The server is busy reading other uploads right now. Please try again in a minute.",
      { retryAfterSeconds: 30 },
    );
  }
  if (owner === undefined) return () => {};
  inFlight.set(owner, inspectionsInFlight(owner) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = inspectionsInFlight(owner) - 1;
    if (left > 0) inFlight.set(owner, left);
    else inFlight.delete(owner);
  };
}

function startThread(): Promise<Worker> {
  const config = env();
  // Under `next start`, Turbopack sees this path and bundles the thread's
  // entry like any route; under tsx (scripts), tsx's loader runs the source,
  // with packages loaded natively.
  const worker = new Worker(path.join(process.cwd(), "lib/pdf/inspect-pdf-thread.ts"), {
    execArgv: sourceThreadExecArgv(),
    resourceLimits: { maxOldGenerationSizeMb: config.PDF_PARSE_MEMORY_MB, maxYoungGenerationSizeMb: 16 },
  });
  worker.unref();
  const started = new Promise<Worker>((resolve, reject) => {
    worker.once("message", () => resolve(worker));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`PDF thread exited with code ${code} while starting`)));
  });
  worker.once("exit", () => {
    if (thread === started) thread = undefined;
  });
  started.catch(() => {
    if (thread === started) thread = undefined;
  });
  return started;
}

/** A copy of `bytes` in shared memory, unless it is already there (see lib/api/read-pdf-upload.ts). */
function shared(bytes: Uint8Array): Uint8Array {
  if (bytes.buffer instanceof SharedArrayBuffer) return bytes;
  const copy = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
  copy.set(bytes);
  return copy;
}

async function inspectInThread(bytes: Uint8Array, limits: PdfLimits): Promise<PdfInfo> {
  const config = env();
  thread ??= startThread();
  const worker = await thread;
  const id = nextId++;
  let timer: NodeJS.Timeout | undefined;
  let onMessage: (reply: ThreadReply) => void = () => {};
  let onError: (error: Error) => void = () => {};
  let onExit: (code: number) => void = () => {};
  try {
    const reply = await new Promise<ThreadReply>((resolve, reject) => {
      onMessage = (message) => {
        if ("id" in message && message.id === id) resolve(message);
      };
      onError = (error) =>
        reject(
          new AppError(
            "pdf_invalid",
            "This PDF needs more memory to read than the server allows; it cannot be processed.",
            { memoryLimitMb: config.PDF_PARSE_MEMORY_MB },
            error,
          ),
        );
      onExit = (code) => reject(new AppError("pdf_invalid", damaged, undefined, `PDF thread exit ${code}`));
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      timer = setTimeout(() => {
        void worker.terminate();
        reject(
          new AppError(
            "pdf_timeout",
            "This PDF could not be read in time. It may be damaged or unusually complex; try exporting it again from the original file.",
            { timeoutMs: config.PDF_PARSE_TIMEOUT_MS },
          ),
        );
      }, config.PDF_PARSE_TIMEOUT_MS);
      worker.postMessage({
        id,
        bytes: shared(bytes),
        limits,
        maxInflatedBytes: config.PDF_MAX_INFLATED_MB * 1024 * 1024,
      });
    });
    if (!("id" in reply) || reply.ok) return (reply as { info: PdfInfo }).info;
    throw new AppError(reply.code ?? "pdf_invalid", reply.message ?? damaged, reply.details, reply.cause);
  } finally {
    clearTimeout(timer);
    worker.off("message", onMessage);
    worker.off("error", onError);
    worker.off("exit", onExit);
  }
}

function startNext(): void {
  if (busy || waiting.length === 0) return;
  let next = 0;
  for (let index = 1; index < waiting.length; index++) {
    if (waiting[index].dueAt < waiting[next].dueAt) next = index;
  }
  busy = true;
  waiting.splice(next, 1)[0].start();
}

/**
 * Ends the inspection thread once it is idle, for a process that checks one
 * upload and then runs for minutes (the command line): the thread holds
 * pdfjs, about 100 MB, that nothing else needs. A later inspection starts a
 * new thread. Does nothing while an inspection runs or waits.
 */
export async function stopIdleInspectionThread(): Promise<void> {
  if (busy || waiting.length > 0 || thread === undefined) return;
  const stopping = thread;
  thread = undefined;
  const worker = await stopping.catch(() => undefined);
  await worker?.terminate();
}

/** `owner`: the user the upload counts against (PDF_INSPECTIONS_PER_USER). */
export function inspectPdfSafely(bytes: Uint8Array, limits: PdfLimits, owner?: string): Promise<PdfInfo> {
  return new Promise<PdfInfo>((resolve, reject) => {
    const release = admit(owner);
    waiting.push({
      dueAt: Date.now() + Math.min(maxHandicapMs, bytes.byteLength * handicapMsPerByte),
      start: () => {
        inspectInThread(bytes, limits)
          .then(resolve, reject)
          .finally(() => {
            release();
            busy = false;
            startNext();
          });
      },
    });
    startNext();
  });
}
