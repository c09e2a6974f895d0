// The message loop of the PDF threads (upload inspection, chunk reading):
// each request answered with its id, an AppError sent back as its fields,
// and "ready" once the thread's modules (pdfjs) are loaded.
import { parentPort } from "node:worker_threads";
import type { AppError } from "@/lib/errors";

export function serveThreadRequests<Request extends { id: number }>(answer: (request: Request) => Promise<object>): void {
  parentPort!.on("message", (request: Request) => {
    void answer(request).then((reply) => parentPort!.postMessage(reply));
  });
  parentPort!.postMessage({ ready: true });
}

/** An AppError's fields for the thread's owner. */
export function errorReply(id: number, error: AppError) {
  // pdfjs's exceptions carry a stack from when pdfjs loaded: name and message say more.
  const cause = error.cause instanceof Error ? `${error.cause.name}: ${error.cause.message}` : error.cause;
  return { id, ok: false as const, code: error.code, message: error.message, details: error.details, cause };
}
