// The worker thread that read-pdf-pages-safely.ts keeps: for each chunk
// PDF, check what its streams decode to, then read its pages' lines with
// pdfjs, and post the lines (or the AppError's fields) back. It stays up
// between chunks, so pdfjs is loaded once per thread.
import { isAppError } from "@/lib/errors";
import { checkDecodedSize } from "@/lib/pdf/check-decoded-size";
import { toPdfError } from "@/lib/pdf/load-pdf-document";
import { readPdfPageLines } from "@/lib/pdf/read-page-lines";
import { errorReply, serveThreadRequests } from "@/lib/pdf/serve-thread-requests";

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
    return errorReply(request.id, isAppError(caught) ? caught : toPdfError(caught));
  }
}

serveThreadRequests(answer);
