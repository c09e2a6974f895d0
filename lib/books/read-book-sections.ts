// An EPUB's or a text file's sections (its "pages", lib/books/paginate-blocks.ts)
// from its stored bytes: the same pure function at upload (to count and price
// them) and in the worker (to read a chunk's), so both see the same sections.
import { decodeTextFile } from "@/lib/books/decode-text-file";
import { readEpubBook } from "@/lib/books/read-epub-book";
import { paginateBlocks, type BookSections } from "@/lib/books/paginate-blocks";
import { readTextBook, type HyphenJoiner } from "@/lib/books/read-text-book";
import { AppError } from "@/lib/errors";
import type { BookFormat } from "@/lib/generated/prisma/enums";
import { countWords } from "@/lib/text/count-words";
import { detectMatterPages } from "@/lib/text/detect-matter-pages";
import { joinHyphenated } from "@/lib/text/extract-page-text";

export interface ReadSectionsOptions {
  /** Most bytes an EPUB may inflate to (PDF_MAX_INFLATED_MB). */
  maxInflatedBytes: number;
  join?: HyphenJoiner;
}

export function readBookSections(format: Exclude<BookFormat, "pdf">, bytes: Uint8Array, options: ReadSectionsOptions): BookSections {
  const join = options.join ?? joinHyphenated;
  const blocks =
    format === "epub"
      ? readEpubBook(bytes, { maxInflatedBytes: options.maxInflatedBytes })
      : readTextBook(decodeTextFile(bytes).text, join);
  const sections = paginateBlocks(blocks);
  const words = sections.pages.reduce((total, page) => total + countWords(page.text), 0);
  if (words === 0) throw new AppError("book_invalid", "This book holds no text to read.");
  return sections;
}

/** Per section: it reads as a publisher's page (the PDF path's rules), or the source marks it so. */
export function findMatterSections(sections: BookSections): boolean[] {
  const detected = detectMatterPages(sections.lines, sections.pages);
  return detected.map((flag, index) => flag || sections.markedMatter[index]!);
}
