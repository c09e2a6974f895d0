// The same 700-page book as a PDF, an EPUB and a plain-text file through the
// worker's chunk step with the offline engine, in one process, one chunk
// after the other: for the PDF, each chunk's pages copied out with pdf-lib
// and read by pdfjs in the reading thread, as process-chunk does; for the
// EPUB and the text, the book read once into sections of about 300 words
// (what the worker's cache does), then each chunk's sections. Both then go
// through the same segmentation and rules (rewriteChunk). A warm-up chunk
// first pays for the lexicon and the parser, so the formats compare alone.
// CPU seconds beside wall seconds: the machine may be shared. Prints JSON.
//
//   npx tsx bench/book-formats-speed.ts [pages=700]
import { benchBook } from "@/bench/support/book";
import { paragraphsToEpub, paragraphsToGutenbergText } from "@/bench/support/book-files";
import { findMatterSections, readBookSections } from "@/lib/books/read-book-sections";
import { env } from "@/lib/env";
import { getRewriter } from "@/lib/engines/get-rewriter";
import { openPdfSplitter } from "@/lib/pdf/split-pdf";
import { planChunks } from "@/lib/pipeline/plan-chunks";
import { rewriteChunk } from "@/lib/pipeline/rewrite-chunk";
import { countWords } from "@/lib/text/count-words";
import { loadCorpusText } from "@/tests/fixtures/corpus-text";

const pages = Number(process.argv[2] ?? 700);
const chunkPages = 20;
const novels = ["bovary", "miserables", "swann"];
// The words benchBook sets on `pages` pages (it takes 400 a page and the typesetter fits about 345).
const share = Math.ceil((pages * 400) / novels.length);
const text = novels.map((novel) => loadCorpusText(novel, { words: share })).join("\n\n");
const paragraphs = text.split("\n\n");
const pdf = await benchBook(pages);
let pdfWords = 0;
const rewriter = getRewriter("local");
const hardLimit = env().SENTENCE_HARD_LIMIT_WORDS;
const signal = new AbortController().signal;

function measure<T>(run: () => Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  return run().then((value) => {
    const used = process.cpuUsage(cpuStarted);
    return { value, wall: (performance.now() - started) / 1000, cpu: (used.user + used.system) / 1e6 };
  });
}

async function runPdf() {
  const splitter = await openPdfSplitter(pdf);
  let sentences = 0;
  const chunks = planChunks({ pageCount: splitter.pageCount, chunkPages, overlapPages: 1 });
  for (const [index, chunk] of chunks.entries()) {
    const bytes = await splitter.extractPages(chunk.firstPage, chunk.lastPage);
    const result = await rewriteChunk({ pdf: bytes, ...chunk, chunkIndex: index, maxWords: 8, hardLimit, rewriter, signal });
    sentences += result.sentences.length;
    // The words the PDF holds (its typesetter fits fewer than benchBook gives it): each owned original once.
    const owned = new Map(result.sentences.filter((row) => row.page >= chunk.ownedFirst && row.page <= chunk.ownedLast).map((row) => [row.id, row.original]));
    for (const original of owned.values()) pdfWords += countWords(original);
  }
  return { units: splitter.pageCount, chunks: chunks.length, sentences };
}

async function runBook(format: "epub" | "text", bytes: Uint8Array) {
  const sections = readBookSections(format, bytes, { maxInflatedBytes: 256 << 20 });
  const matter = findMatterSections(sections);
  const matterPages = new Set(sections.pages.filter((_, index) => matter[index]).map((page) => page.page));
  let sentences = 0;
  const chunks = planChunks({ pageCount: sections.pages.length, chunkPages, overlapPages: 1 });
  for (const [index, chunk] of chunks.entries()) {
    const chunkSections = { pages: sections.pages.slice(chunk.firstPage - 1, chunk.lastPage), matterPages };
    const result = await rewriteChunk({ sections: chunkSections, ...chunk, chunkIndex: index, maxWords: 8, hardLimit, rewriter, signal });
    sentences += result.sentences.length;
  }
  return { units: sections.pages.length, chunks: chunks.length, sentences };
}

// Warm-up: the lexicon, the parser's weights, once.
await runBook("text", paragraphsToGutenbergText(paragraphs.slice(0, 40)));
const round = (value: number) => Number(value.toFixed(2));
const results: Record<string, unknown> = {};
const pdfRun = await measure(runPdf);
results.pdf = { ...pdfRun.value, words: pdfWords, bytes: pdf.length, wallSeconds: round(pdfRun.wall), cpuSeconds: round(pdfRun.cpu) };
// The same book: the paragraphs the PDF holds.
const same: string[] = [];
for (let words = 0, index = 0; words < pdfWords && index < paragraphs.length; index++) {
  same.push(paragraphs[index]!);
  words += countWords(paragraphs[index]!);
}
const epub = paragraphsToEpub(same);
const plain = paragraphsToGutenbergText(same);
for (const [name, format, bytes] of [
  ["epub", "epub", epub],
  ["text", "text", plain],
] as const) {
  const { value, wall, cpu } = await measure(() => runBook(format, bytes));
  results[name] = { ...value, words: same.reduce((total, paragraph) => total + countWords(paragraph), 0), bytes: bytes.length, wallSeconds: round(wall), cpuSeconds: round(cpu) };
}
console.log(JSON.stringify({ pages, ...results }, null, 1));
process.exit(0);
