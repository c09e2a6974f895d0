// The whole-PDF reference engine: no rewriting, only splitting. Text comes
// from pdfjs, running heads and page numbers are dropped, headings become
// rows of their own, pages that look like a publisher's are flagged, and
// long sentences are cut between constituents, so every word of the book
// survives in order. The product's pipeline reads chunks the same way
// (lib/pipeline/rewrite-chunk.ts); tests, quality checks and benchmarks
// compare it with this form.
import { env } from "@/lib/env";
import { readPdfPageLines } from "@/lib/pdf/read-page-lines";
import { buildBookRows, type SentenceRow } from "@/lib/pipeline/book-rows";
import type { StitchSentence } from "@/lib/pipeline/stitch-chunks";
import { detectMatterPages } from "@/lib/text/detect-matter-pages";
import type { PageText } from "@/lib/text/extract-page-text";
import { extractPageText } from "@/lib/text/extract-page-text";
import { originalsFromPages } from "@/lib/text/originals-from-pages";
import { splitLongSentence } from "@/lib/text/split-long-sentence";
import type { Engine, EngineInput, EngineResult, EngineSentence } from "@/tests/support/engine-contract";

/**
 * Every original split locally into pieces of at most `maxWords` words. The
 * pieces of one original share its id, `<firstPage>.<ordinal>`, as the
 * pipeline's `<chunk index>.<ordinal>`.
 */
export function sentencesFromPages(
  pages: PageText[],
  maxWords: number,
  matterPages: ReadonlySet<number> = new Set(),
  hardLimit?: number,
): EngineSentence[] {
  const firstPage = pages[0]?.page ?? 1;
  return originalsFromPages(pages, matterPages, hardLimit).flatMap(({ text, ...rest }, ordinal) =>
    splitLongSentence(text, maxWords).map((piece) => ({ id: `${firstPage}.${ordinal}`, text: piece, original: text, ...rest })),
  );
}

export function createLocalEngine(): Engine {
  return {
    name: "local",
    async process(input: EngineInput): Promise<EngineResult> {
      input.signal.throwIfAborted();
      const pages = await readPdfPageLines(input.pdf, input.firstPage, input.signal);
      input.signal.throwIfAborted();
      const texts = extractPageText(pages);
      const matter = detectMatterPages(pages, texts);
      const matterPages = new Set(texts.filter((_, index) => matter[index]).map((text) => text.page));
      const sentences = sentencesFromPages(texts, input.maxWords, matterPages, env().SENTENCE_HARD_LIMIT_WORDS);
      return { sentences, usage: { promptTokens: 0, outputTokens: 0 } };
    },
  };
}

/** Every sentence within the limit, matter left out, as the merge step writes them. */
export function limitSentences(sentences: StitchSentence[], maxWords: number): SentenceRow[] {
  return buildBookRows(sentences, { maxWords }).rows;
}
