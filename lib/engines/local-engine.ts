// The offline engine: no rewriting, only splitting. Text comes from pdfjs,
// running heads and page numbers are dropped, and long sentences are cut at
// natural breaks, so every word of the book survives in order.
import { sentencesFromPages } from "@/lib/engines/sentences-from-pages";
import type { Engine, EngineInput, EngineResult } from "@/lib/engines/types";
import { loadPdfDocument } from "@/lib/pdf/load-pdf-document";
import { readPageLines } from "@/lib/pdf/read-page-lines";
import { extractPageText, type PageLines } from "@/lib/text/extract-page-text";

export async function readChunkPages(
  pdf: Uint8Array,
  firstPage: number,
  signal?: AbortSignal,
): Promise<PageLines[]> {
  const loaded = await loadPdfDocument(pdf);
  try {
    const pages: PageLines[] = [];
    for (let pageNumber = 1; pageNumber <= loaded.doc.numPages; pageNumber++) {
      signal?.throwIfAborted();
      const lines = await readPageLines(loaded.doc, pageNumber);
      pages.push({ page: firstPage + pageNumber - 1, lines: lines.lines });
    }
    return pages;
  } finally {
    await loaded.close();
  }
}

export function createLocalEngine(): Engine {
  return {
    name: "local",
    async process(input: EngineInput): Promise<EngineResult> {
      input.signal.throwIfAborted();
      const pages = await readChunkPages(input.pdf, input.firstPage, input.signal);
      input.signal.throwIfAborted();
      const sentences = sentencesFromPages(extractPageText(pages), input.maxWords);
      return { sentences, usage: { promptTokens: 0, outputTokens: 0 } };
    },
  };
}
