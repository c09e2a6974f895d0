// The offline engine: no rewriting, only splitting. Text comes from pdfjs,
// running heads and page numbers are dropped, and long sentences are cut at
// natural breaks, so every word of the book survives in order.
import { sentencesFromPages } from "@/lib/engines/sentences-from-pages";
import type { Engine, EngineInput, EngineResult } from "@/lib/engines/types";
import { readPdfPageLines } from "@/lib/pdf/read-page-lines";
import { extractPageText } from "@/lib/text/extract-page-text";

export function createLocalEngine(): Engine {
  return {
    name: "local",
    async process(input: EngineInput): Promise<EngineResult> {
      input.signal.throwIfAborted();
      const pages = await readPdfPageLines(input.pdf, input.firstPage, input.signal);
      input.signal.throwIfAborted();
      const sentences = sentencesFromPages(extractPageText(pages), input.maxWords);
      return { sentences, usage: { promptTokens: 0, outputTokens: 0 } };
    },
  };
}
