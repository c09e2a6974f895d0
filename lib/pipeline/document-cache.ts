// A worker processes many chunks of the same book in a row. Parsing a
// 700-page PDF costs far more than copying 20 pages out of it, so each
// process keeps the last few parsed books: one more than it runs chunks at
// once, because with many books in the queue each slot may hold a chunk of a
// different book, and a smaller cache then parsed a whole book again for
// nearly every chunk (20 books at once; a parsed 700-page book is about
// 16 MB of heap).
import { db } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { checkDecodedSize } from "@/lib/pdf/check-decoded-size";
import { openPdfSplitter, type PdfSplitter } from "@/lib/pdf/split-pdf";

const capacity = () => Math.max(3, env().WORKER_CONCURRENCY + 1);
const cache = new Map<string, Promise<PdfSplitter>>();

export function splitterFor(documentId: string): Promise<PdfSplitter> {
  const cached = cache.get(documentId);
  if (cached) {
    // Refresh its place as most recently used.
    cache.delete(documentId);
    cache.set(documentId, cached);
    return cached;
  }
  const loading = db()
    .document.findUniqueOrThrow({ where: { id: documentId }, select: { bytes: true } })
    .then(async (document) => {
      // pdf-lib decodes the book's object streams in this process while it
      // parses: a book stored before the guard knew its kind of bomb fails here.
      await checkDecodedSize(document.bytes, env().PDF_MAX_INFLATED_MB * 1024 * 1024);
      return openPdfSplitter(document.bytes);
    });
  loading.catch(() => cache.delete(documentId));
  cache.set(documentId, loading);
  while (cache.size > capacity()) cache.delete(cache.keys().next().value!);
  return loading;
}
