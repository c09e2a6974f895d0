// The worker thread that inspect-pdf-safely.ts keeps: for each request, guard
// against decompression bombs, then inspect the PDF with pdfjs, and post the
// answer (or the AppError's fields) back. It stays up between requests, so
// pdfjs is loaded once.
import { isAppError } from "@/lib/errors";
import { checkDecodedSize } from "@/lib/pdf/check-decoded-size";
import { inspectPdf, type PdfLimits } from "@/lib/pdf/inspect-pdf";
import { errorReply, serveThreadRequests } from "@/lib/pdf/serve-thread-requests";

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
    if (isAppError(error)) return errorReply(request.id, error);
    return { id: request.id, ok: false, cause: error instanceof Error ? error.stack : String(error) };
  }
}

serveThreadRequests(answer);
