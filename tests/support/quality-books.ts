// The books the quality checker reads: the shared corpus novels set as PDFs
// by make-novel-pdf with a publisher's front and back matter, a part title
// page and their own chapter headings, plus the real Baudelaire PDF. Rows
// come from the local engine and the merge step's own row builder, so they
// are what a user would get.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { createLocalEngine } from "@/tests/support/local-engine";
import { buildBookRows, type BookRows } from "@/lib/pipeline/book-rows";
import { corpusDir } from "@/tests/fixtures/corpus-text";
import { buildNovelPdf, loadCorpusText } from "@/tests/fixtures/make-novel-pdf";
import type { BookTruth, CheckedRow } from "@/tests/support/quality-report";

export interface QualityBook {
  name: string;
  pdf: Uint8Array;
  pageCount: number;
  /** Known for generated PDFs only. */
  truth?: BookTruth;
  frontMatterPages?: number;
  backMatterPages?: number;
}

const novels = [
  { name: "bovary", title: "Madame Bovary", author: "Gustave Flaubert", startAt: "Nous étions" },
  { name: "miserables", title: "Les Misérables", author: "Victor Hugo", startAt: "En 1815, M. Charles" },
  { name: "swann", title: "Du côté de chez Swann", author: "Marcel Proust", startAt: "Longtemps" },
];

export const qualityNovelNames = novels.map((novel) => novel.name);
export const baudelairePdfPath = path.join(corpusDir, "pdf/baudelaire_les-fleurs-du-mal_bibebook.pdf");

/** A corpus novel as a PDF of at most `pages` novel pages, with its truth. */
export async function makeQualityNovel(name: string, pages?: number): Promise<QualityBook> {
  const novel = novels.find((candidate) => candidate.name === name);
  if (!novel) throw new Error(`unknown corpus novel ${name}`);
  const text = loadCorpusText(novel.name, { startAt: novel.startAt });
  const built = await buildNovelPdf({
    text,
    pages,
    title: novel.title,
    matter: { author: novel.author },
    partTitle: "Première partie",
  });
  return {
    name,
    pdf: built.bytes,
    pageCount: built.pageCount,
    truth: { pageWords: built.pageWords, headings: built.headings },
    frontMatterPages: built.frontMatterPages,
    backMatterPages: built.backMatterPages,
  };
}

export function loadBaudelaire(pageCount = 202): QualityBook | undefined {
  if (!existsSync(baudelairePdfPath)) return undefined;
  return { name: "baudelaire", pdf: new Uint8Array(readFileSync(baudelairePdfPath)), pageCount };
}

/** The rows the merge step would write for this book, read in one chunk. */
export async function readBookRows(
  book: QualityBook,
  maxWords: number,
  includeMatter = false,
): Promise<BookRows & { rows: CheckedRow[] }> {
  const result = await createLocalEngine().process({
    pdf: book.pdf,
    firstPage: 1,
    lastPage: book.pageCount,
    ownedFirst: 1,
    ownedLast: book.pageCount,
    maxWords,
    signal: new AbortController().signal,
  });
  return buildBookRows(result.sentences, { maxWords, includeMatter, pageCount: book.pageCount });
}
