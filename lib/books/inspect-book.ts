// The upload's check of any book: its kind from its content
// (lib/books/book-format.ts), then a PDF's inspection in its guarded thread
// (lib/pdf/inspect-pdf-safely.ts), or an EPUB's or a text file's sections
// counted exactly as the worker will cut them, so the estimate, the price
// and the reservation are those of the job.
import { sniffBookFormat, wordsPerSection, type BookFormat } from "@/lib/books/book-format";
import { joinWithoutLexicon } from "@/lib/books/read-text-book";
import { readBookSections } from "@/lib/books/read-book-sections";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { inspectPdfSafely } from "@/lib/pdf/inspect-pdf-safely";
import type { PdfLimits } from "@/lib/pdf/inspect-pdf";

export interface BookInfo {
  format: BookFormat;
  /** Pages of a PDF, sections of about 300 words of an EPUB or a text file. */
  pageCount: number;
  hasText: boolean;
}

// A French word with its space is about 6.5 bytes of UTF-8: three times that
// bounds a text file, ten times that an EPUB's XHTML (tags, attributes).
const textBytesPerWord = 20;
const markupBytesPerWord = 64;

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

export async function inspectBook(bytes: Uint8Array, limits: PdfLimits, owner?: string): Promise<BookInfo> {
  if (bytes.length > limits.maxBytes) {
    throw new AppError(
      "payload_too_large",
      `The file is ${megabytes(bytes.length)}; the limit is ${megabytes(limits.maxBytes)}.`,
      { bytes: bytes.length, maxBytes: limits.maxBytes },
    );
  }
  const sniffed = sniffBookFormat(bytes);
  if (sniffed.format === undefined) {
    throw new AppError(
      "unsupported_media_type",
      sniffed.detected === "an empty file"
        ? "The file is empty. Choose a PDF, EPUB or text file."
        : `This file is ${sniffed.detected}, not a PDF, an EPUB or a text file. Choose one of those.`,
      { detected: sniffed.detected },
    );
  }
  if (sniffed.format === "pdf") {
    const pdf = await inspectPdfSafely(bytes, limits, owner);
    return { format: "pdf", pageCount: pdf.pageCount, hasText: pdf.hasText };
  }
  // This reads the book in the web process (no pdfjs, no thread): a text far
  // longer than the section limit allows is refused before it is read, and
  // an EPUB may inflate only to what that many sections could need.
  const tooLong = (pageCount?: number) =>
    new AppError(
      "pdf_too_many_pages",
      pageCount === undefined
        ? `This book is longer than ${limits.maxPages} sections of about 300 words (as many as a printed book's pages), the limit.`
        : `This book has ${pageCount} sections of about 300 words (as many as a printed book's pages); the limit is ${limits.maxPages}.`,
      { pageCount, maxPages: limits.maxPages },
    );
  if (sniffed.format === "text" && bytes.length > limits.maxPages * wordsPerSection * textBytesPerWord) throw tooLong();
  const sections = readBookSections(sniffed.format, bytes, {
    maxInflatedBytes: Math.min(env().PDF_MAX_INFLATED_MB * 1024 * 1024, limits.maxPages * wordsPerSection * markupBytesPerWord),
    join: joinWithoutLexicon,
  });
  const pageCount = sections.pages.length;
  if (pageCount > limits.maxPages) throw tooLong(pageCount);
  return { format: sniffed.format, pageCount, hasText: true };
}
