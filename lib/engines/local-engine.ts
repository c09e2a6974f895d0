// The offline engine: no rewriting, only splitting. Text comes from pdfjs,
// running heads and page numbers are dropped, headings become rows of their
// own, pages that look like a publisher's are flagged, and long sentences are
// cut between constituents, so every word of the book survives in order.
// The pipeline reads chunks the same way (lib/pipeline/rewrite-chunk.ts);
// this whole-PDF form is the reference tests, scripts and benchmarks compare with.
import { env } from "@/lib/env";
import { sentencesFromPages } from "@/lib/engines/sentences-from-pages";
import type { Engine, EngineInput, EngineResult } from "@/lib/engines/types";
import { readPdfPageLines } from "@/lib/pdf/read-page-lines";
import { detectMatterPages } from "@/lib/text/detect-matter-pages";
import { extractPageText } from "@/lib/text/extract-page-text";

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
