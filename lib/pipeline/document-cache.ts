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
import { findMatterSections, readBookSections } from "@/lib/books/read-book-sections";
import type { BookFormat } from "@/lib/generated/prisma/enums";
import type { PageText } from "@/lib/text/extract-page-text";

/** An EPUB's or a text file's sections, read once, and which of them read as a publisher's. */
export interface CachedSections {
  pages: PageText[];
  matterPages: ReadonlySet<number>;
}

const capacity = () => Math.max(3, env().WORKER_CONCURRENCY + 1);
const cache = new Map<string, Promise<PdfSplitter>>();
const sectionCache = new Map<string, Promise<CachedSections>>();

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

/**
 * An EPUB's or a text file's sections, cut as the upload counted them (the
 * same pure reader), with the matter rules run once on the whole book.
 */
export function sectionsFor(documentId: string, format: Exclude<BookFormat, "pdf">): Promise<CachedSections> {
  const cached = sectionCache.get(documentId);
  if (cached) {
    sectionCache.delete(documentId);
    sectionCache.set(documentId, cached);
    return cached;
  }
  const loading = db()
    .document.findUniqueOrThrow({ where: { id: documentId }, select: { bytes: true } })
    .then((document) => {
      const sections = readBookSections(format, document.bytes, {
        maxInflatedBytes: env().PDF_MAX_INFLATED_MB * 1024 * 1024,
      });
      const matter = findMatterSections(sections);
      return {
        pages: sections.pages,
        matterPages: new Set(sections.pages.filter((_, index) => matter[index]).map((page) => page.page)),
      };
    });
  loading.catch(() => sectionCache.delete(documentId));
  sectionCache.set(documentId, loading);
  while (sectionCache.size > capacity()) sectionCache.delete(sectionCache.keys().next().value!);
  return loading;
}
