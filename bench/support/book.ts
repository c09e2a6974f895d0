// The benchmark book: the three corpus novels, an equal share of each, set
// as one long PDF by the test fixture's typesetter. Building it takes a
// while, so it is cached under bench/out/ (git-ignored) by page count.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { buildNovelPdf, loadCorpusText } from "@/tests/fixtures/make-novel-pdf";

export const benchOut = path.resolve(import.meta.dirname, "../out");

const novels = [
  { name: "bovary", title: "Madame Bovary" },
  { name: "miserables", title: "Les Misérables" },
  { name: "swann", title: "Du côté de chez Swann" },
];
// The fixture sets about 345 words on a page; a margin makes sure the text
// fills every page asked for.
const wordsPerPage = 400;

/** A PDF of exactly `pages` pages of real French prose (cached). */
export async function benchBook(pages: number): Promise<Uint8Array> {
  mkdirSync(benchOut, { recursive: true });
  const file = path.join(benchOut, `book-${pages}p.pdf`);
  if (existsSync(file)) return new Uint8Array(readFileSync(file));
  const share = Math.ceil((pages * wordsPerPage) / novels.length);
  const text = novels.map((novel) => loadCorpusText(novel.name, { words: share })).join("\n\n");
  const book = await buildNovelPdf({ text, pages, title: "Trois romans" });
  if (book.pageCount !== pages) throw new Error(`built ${book.pageCount} pages, wanted ${pages}`);
  // Write then rename, so a run stopped halfway never leaves half a PDF.
  writeFileSync(`${file}.tmp`, book.bytes);
  renameSync(`${file}.tmp`, file);
  return book.bytes;
}

/** The first `pages` pages of a book, as their own PDF (a shorter book). */
export async function firstPages(book: Uint8Array, pages: number): Promise<Uint8Array> {
  const source = await PDFDocument.load(book, { updateMetadata: false });
  const out = await PDFDocument.create({ updateMetadata: false });
  const copied = await out.copyPages(source, Array.from({ length: pages }, (_, index) => index));
  for (const page of copied) out.addPage(page);
  return out.save();
}
