import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { inspectPdf, pickSamplePages } from "@/lib/pdf/inspect-pdf";
import {
  corpusMissing,
  corpusDir,
  loadCorpusText,
  makeEmptyPdf,
  makeEncryptedPdf,
  makeImageOnlyPdf,
  makeNovelPdf,
  makeTruncatedPdf,
  makeZipFile,
} from "@/tests/fixtures/make-novel-pdf";

const limits = { maxBytes: 50 * 1024 * 1024, maxPages: 1000 };

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe.skipIf(corpusMissing())("inspectPdf", () => {
  let novel: Uint8Array;
  beforeAll(async () => {
    novel = await makeNovelPdf({
      text: loadCorpusText("bovary", { startAt: "Nous étions", words: 3000 }),
      pages: 6,
      title: "Madame Bovary",
    });
  });

  it("reads the real 202-page Baudelaire edition: page count and text", async () => {
    const bytes = new Uint8Array(
      readFileSync(path.join(corpusDir, "pdf/baudelaire_les-fleurs-du-mal_bibebook.pdf")),
    );
    const started = performance.now();
    const info = await inspectPdf(bytes, limits);
    expect(info.pageCount).toBe(202);
    expect(info.hasText).toBe(true);
    expect(info.textSample).toMatch(/BAUDELAIRE|fleurs/iu);
    expect(performance.now() - started).toBeLessThan(10_000);
    // pdfjs detaches the buffers it is given; the caller's bytes stay usable.
    expect(bytes.byteLength).toBe(956_510);
    expect((await inspectPdf(bytes, limits)).pageCount).toBe(202);
  });

  it("accepts a generated novel and samples its text", async () => {
    const info = await inspectPdf(novel, limits);
    expect(info).toMatchObject({ pageCount: 6, hasText: true });
    expect(info.textSample).toContain("Nous étions à l'Étude");
    expect(info.textSample.length).toBeLessThanOrEqual(401);
  });

  it("accepts a header after whitespace or a byte-order mark, as PDF readers do", async () => {
    const prefixed = new Uint8Array([0xef, 0xbb, 0xbf, 0x0a, 0x20, ...novel]);
    expect((await inspectPdf(prefixed, limits)).pageCount).toBe(6);
  });

  it("reports a scan without text as having no text", async () => {
    expect(await inspectPdf(await makeImageOnlyPdf(3), limits)).toEqual({
      pageCount: 3,
      hasText: false,
      textSample: "",
    });
  });

  it("refuses a file over the size limit with its size and the limit", async () => {
    const error = await rejection(inspectPdf(novel, { maxBytes: 10 * 1024, maxPages: 1000 }));
    expect(error.code).toBe("payload_too_large");
    expect(error.status).toBe(413);
    expect(error.message).toMatch(/^The PDF is \d+ KB; the limit is 10 KB\.$/u);
    const big = new Uint8Array(62 * 1024 * 1024);
    expect((await rejection(inspectPdf(big, limits))).message).toBe(
      "The PDF is 62 MB; the limit is 50 MB.",
    );
  });

  it("refuses a ZIP renamed .pdf, saying what it is", async () => {
    const error = await rejection(inspectPdf(makeZipFile(), limits));
    expect(error.code).toBe("unsupported_media_type");
    expect(error.message).toBe("This file is a ZIP archive, not a PDF. Choose a PDF file.");
  });

  it("refuses other non-PDF files and an empty file as unsupported", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    expect((await rejection(inspectPdf(png, limits))).message).toMatch(/PNG image, not a PDF/u);
    const text = new TextEncoder().encode("Longtemps, je me suis couché de bonne heure.");
    expect((await rejection(inspectPdf(text, limits))).code).toBe("unsupported_media_type");
    expect((await rejection(inspectPdf(new Uint8Array(), limits))).message).toBe(
      "The file is empty. Choose a PDF file.",
    );
  });

  it("refuses a password-protected PDF", async () => {
    const error = await rejection(inspectPdf(makeEncryptedPdf({ userPassword: "secret" }), limits));
    expect(error.code).toBe("pdf_encrypted");
    expect(error.message).toMatch(/password-protected/u);
  });

  it("refuses an encrypted PDF that opens without a password (owner restrictions)", async () => {
    const error = await rejection(inspectPdf(makeEncryptedPdf({ userPassword: "" }), limits));
    expect(error.code).toBe("pdf_encrypted");
    expect(error.message).toMatch(/restricted/u);
  });

  it("refuses a truncated PDF as invalid", async () => {
    const error = await rejection(inspectPdf(makeTruncatedPdf(novel, 0.6), limits));
    expect(error.code).toBe("pdf_invalid");
    expect(error.message).toMatch(/incomplete/u);
  });

  it("refuses a PDF whose structure is corrupt", async () => {
    const corrupt = new Uint8Array(novel);
    // Keep the header and the end marker, scramble everything in between.
    for (let index = 20; index < corrupt.length - 40; index++) corrupt[index] = (index * 31) & 0xff;
    expect((await rejection(inspectPdf(corrupt, limits))).code).toBe("pdf_invalid");
  });

  it("refuses a PDF without pages", async () => {
    const error = await rejection(inspectPdf(makeEmptyPdf(), limits));
    expect(error.code).toBe("pdf_invalid");
    expect(error.message).toBe("The PDF has no pages.");
  });

  it("refuses a PDF with more pages than allowed", async () => {
    const error = await rejection(inspectPdf(novel, { maxBytes: limits.maxBytes, maxPages: 5 }));
    expect(error.code).toBe("pdf_too_many_pages");
    expect(error.message).toBe("The PDF has 6 pages; the limit is 5.");
  });
});

describe("pickSamplePages", () => {
  it("spreads a handful of samples from the first to the last page", () => {
    expect(pickSamplePages(3)).toEqual([1, 2, 3]);
    const picked = pickSamplePages(700);
    expect(picked).toHaveLength(8);
    expect(picked[0]).toBe(1);
    expect(picked.at(-1)).toBe(700);
  });
});
