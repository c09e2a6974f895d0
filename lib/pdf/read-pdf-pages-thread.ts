// The worker thread that read-pdf-pages-safely.ts keeps: for each chunk
// PDF, check what its streams decode to, then read its pages' lines with
// pdfjs, and post the lines (or the AppError's fields) back. It stays up
// between chunks, so pdfjs is loaded once per thread.
import { parentPort } from "node:worker_threads";
import { isAppError } from "@/lib/errors";
import { checkDecodedSize } from "@/lib/pdf/check-decoded-size";
import { toPdfError } from "@/lib/pdf/load-pdf-document";
import { readPdfPageLines } from "@/lib/pdf/read-page-lines";

interface ThreadRequest {
  id: number;
  pdf: Uint8Array;
  firstPage: number;
  maxDecodedBytes: number;
}

async function answer(request: ThreadRequest) {
  try {
    await checkDecodedSize(request.pdf, request.maxDecodedBytes);
    return { id: request.id, ok: true, pages: await readPdfPageLines(request.pdf, request.firstPage) };
  } catch (caught) {
    const error = isAppError(caught) ? caught : toPdfError(caught);
    // pdfjs's exceptions carry a stack from when pdfjs loaded: name and message say more.
    const cause = error.cause instanceof Error ? `${error.cause.name}: ${error.cause.message}` : error.cause;
    return { id: request.id, ok: false, code: error.code, message: error.message, details: error.details, cause };
  }
}

parentPort!.on("message", (request: ThreadRequest) => {
  void answer(request).then((reply) => parentPort!.postMessage(reply));
});
parentPort!.postMessage({ ready: true });
