import { readFileSync } from "node:fs";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { loadPdfDocument } from "@/lib/pdf/load-pdf-document";
import { readPageLines } from "@/lib/pdf/read-page-lines";
import { openPdfSplitter } from "@/lib/pdf/split-pdf";
import { corpusMissing, corpusDir, makeEncryptedPdf } from "@/tests/fixtures/make-novel-pdf";

async function pageTexts(pdf: Uint8Array, pages: number[]): Promise<string[]> {
  const { doc, close } = await loadPdfDocument(pdf);
  try {
    const texts: string[] = [];
    for (const page of pages)
      texts.push((await readPageLines(doc, page)).lines.map((line) => line.text).join("\n"));
    return texts;
  } finally {
    await close();
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe.skipIf(corpusMissing())("openPdfSplitter on the Baudelaire edition", () => {
  const book = () =>
    new Uint8Array(
      readFileSync(path.join(corpusDir, "pdf/baudelaire_les-fleurs-du-mal_bibebook.pdf")),
    );

  it("copies a page range that reads exactly like the book's pages", async () => {
    const bytes = book();
    const splitter = await openPdfSplitter(bytes);
    expect(splitter.pageCount).toBe(202);
    const chunk = await splitter.extractPages(40, 59);
    expect((await PDFDocument.load(chunk)).getPageCount()).toBe(20);
    expect(await pageTexts(chunk, [1, 20])).toEqual(await pageTexts(bytes, [40, 59]));
    // Shared fonts are copied once, so a 20-page chunk is a fraction of the book.
    expect(chunk.length).toBeLessThan(bytes.length / 4);
  });

  it("parses the source once and makes one copyPages call per chunk", async () => {
    const load = vi.spyOn(PDFDocument, "load");
    const copy = vi.spyOn(PDFDocument.prototype, "copyPages");
    const splitter = await openPdfSplitter(book());
    await splitter.extractPages(1, 20);
    await splitter.extractPages(20, 40);
    await splitter.extractPages(202, 202);
    expect(load).toHaveBeenCalledTimes(1);
    expect(copy).toHaveBeenCalledTimes(3);
    expect(copy.mock.calls[1]![1]).toEqual(Array.from({ length: 21 }, (_, index) => 19 + index));
  });

  it("refuses a range outside the book", async () => {
    const splitter = await openPdfSplitter(book());
    for (const [first, last] of [
      [0, 3],
      [5, 4],
      [200, 203],
    ] as const) {
      await expect(splitter.extractPages(first, last)).rejects.toMatchObject({
        code: "invalid_input",
      });
    }
  });
});

describe("openPdfSplitter on bad files", () => {
  it("refuses encrypted and damaged PDFs with their own codes", async () => {
    await expect(openPdfSplitter(makeEncryptedPdf())).rejects.toMatchObject({
      code: "pdf_encrypted",
    });
    const damaged = openPdfSplitter(new TextEncoder().encode("%PDF-1.7\nnot really a pdf"));
    await expect(damaged).rejects.toBeInstanceOf(AppError);
    await expect(damaged).rejects.toMatchObject({ code: "pdf_invalid" });
  });
});
