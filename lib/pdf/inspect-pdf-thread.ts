// The worker thread that inspect-pdf-safely.ts keeps: for each request, guard
// against decompression bombs, then inspect the PDF with pdfjs, and post the
// answer (or the AppError's fields) back. It stays up between requests, so
// pdfjs is loaded once.
import { parentPort } from "node:worker_threads";
import { isAppError } from "@/lib/errors";
import { checkDecodedSize } from "@/lib/pdf/check-decoded-size";
import { inspectPdf, type PdfLimits } from "@/lib/pdf/inspect-pdf";

interface ThreadRequest {
  id: number;
  bytes: Uint8Array;
  limits: PdfLimits;
  maxInflatedBytes: number;
}

async function answer(request: ThreadRequest) {
  try {
    await checkDecodedSize(request.bytes, request.maxInflatedBytes);
    return { id: request.id, ok: true, info: await inspectPdf(request.bytes, request.limits) };
  } catch (error) {
    if (isAppError(error)) {
      // pdfjs's exceptions carry a stack from when pdfjs loaded: name and message say more.
      const cause = error.cause instanceof Error ? `${error.cause.name}: ${error.cause.message}` : error.cause;
      return { id: request.id, ok: false, code: error.code, message: error.message, details: error.details, cause };
    }
    return { id: request.id, ok: false, cause: error instanceof Error ? error.stack : String(error) };
  }
}

parentPort!.on("message", (request: ThreadRequest) => {
  void answer(request).then((reply) => parentPort!.postMessage(reply));
});
parentPort!.postMessage({ ready: true });
