// Reads one page's text from pdfjs as lines: pdfjs returns text runs with
// positions; runs on one baseline become one line, in content-stream order
// (the reading order of nearly every book PDF, multi-column ones included).
import type { PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { loadPdfDocument } from "@/lib/pdf/load-pdf-document";
import type { PageLines, TextLine } from "@/lib/text/extract-page-text";

interface TextRun {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

function isTextRun(item: unknown): item is TextRun {
  return typeof item === "object" && item !== null && "str" in item && "transform" in item;
}

export async function readPageLines(doc: PDFDocumentProxy, pageNumber: number): Promise<PageLines> {
  const page = await doc.getPage(pageNumber);
  try {
    const content = await page.getTextContent();
    const lines: TextLine[] = [];
    let current: TextLine | undefined;
    // The line's text ends with the last run added: its end is tested there,
    // not on the growing line (which a regex would copy on every run).
    let lastRun = "";
    const finish = () => {
      if (current && current.text.trim() !== "") {
        lines.push({ ...current, text: current.text.trim() });
      }
      current = undefined;
    };
    for (const item of content.items) {
      if (!isTextRun(item)) continue;
      const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform;
      const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 10;
      if (item.str !== "") {
        // A run on another baseline starts a new line even without an EOL mark.
        if (current && Math.abs(y - current.y) > 0.5 * Math.max(size, current.size)) finish();
        if (!current) {
          current = { text: item.str, x, y, endX: x + item.width, size };
        } else {
          const gap = x - current.endX;
          const spaced = /\s$/u.test(lastRun) || /^\s/u.test(item.str);
          current.text += !spaced && gap > 0.15 * size ? ` ${item.str}` : item.str;
          current.endX = Math.max(current.endX, x + item.width);
          current.size = Math.max(current.size, size);
        }
        lastRun = item.str;
      }
      if (item.hasEOL) finish();
    }
    finish();
    return { page: pageNumber, lines };
  } finally {
    page.cleanup();
  }
}

/**
 * Every page's lines, numbered from `firstPage` (a chunk's page 1 is a later
 * book page). An abort is honoured between pages.
 */
export async function readPdfPageLines(
  pdf: Uint8Array,
  firstPage = 1,
  signal?: AbortSignal,
): Promise<PageLines[]> {
  const loaded = await loadPdfDocument(pdf);
  try {
    const pages: PageLines[] = [];
    for (let pageNumber = 1; pageNumber <= loaded.doc.numPages; pageNumber++) {
      signal?.throwIfAborted();
      const { lines } = await readPageLines(loaded.doc, pageNumber);
      pages.push({ page: firstPage + pageNumber - 1, lines });
    }
    return pages;
  } finally {
    await loaded.close();
  }
}
