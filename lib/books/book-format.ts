// Which kind of book a file is, told by its content and never by its name:
// a PDF by its header (lib/pdf/sniff-file-type.ts), an EPUB by its ZIP
// signature (the container is checked when it is read), and plain text by
// the absence of any other known signature and of NUL bytes. What a "page"
// is follows from the kind: a PDF has printed pages; an EPUB or a text file
// has none, so the product cuts it into sections of about 300 words
// (lib/books/paginate-blocks.ts) and uses them wherever a PDF uses pages.
import type { BookFormat } from "@/lib/generated/prisma/enums";
import { describeNonPdf, findPdfHeader } from "@/lib/pdf/sniff-file-type";

export type { BookFormat };

/** Words in a section, the page of an EPUB or a text file. */
export const wordsPerSection = 300;

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

function hasUtf16Mark(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/**
 * The book's kind, or undefined with what the file looks like instead (an
 * image, an office document, an empty file): the caller's error says it.
 */
export function sniffBookFormat(bytes: Uint8Array): { format: BookFormat } | { format: undefined; detected: string } {
  if (findPdfHeader(bytes) >= 0) return { format: "pdf" };
  if (isZip(bytes)) return { format: "epub" };
  if (bytes.length === 0) return { format: undefined, detected: "an empty file" };
  const detected = describeNonPdf(bytes);
  if (detected !== "an unrecognised file") return { format: undefined, detected };
  // Text has no NUL byte (UTF-16, which has them, announces itself with a mark).
  if (!hasUtf16Mark(bytes) && bytes.subarray(0, 65536).includes(0)) return { format: undefined, detected };
  return { format: "text" };
}
