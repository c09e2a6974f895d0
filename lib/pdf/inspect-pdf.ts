// The upload gate: is this a PDF we can process, and how many pages has it?
// Checks run cheapest first, each failing with its own error code, and the
// document is parsed once. Whether it has text is judged from a handful of
// pages spread across the book, which stays fast on 700-page novels.
import { AppError } from "@/lib/errors";
import { loadPdfDocument, toPdfError } from "@/lib/pdf/load-pdf-document";
import { readPageLines } from "@/lib/pdf/read-page-lines";
import { describeNonPdf, findPdfHeader } from "@/lib/pdf/sniff-file-type";

export interface PdfInfo {
  pageCount: number;
  hasText: boolean;
  /** A few hundred characters from the first sampled page with text ("" when none). */
  textSample: string;
}

export interface PdfLimits {
  maxBytes: number;
  maxPages: number;
}

const samplePages = 8;
// Fewer letters than this on a page is a scan's stray OCR-free watermark or a
// lone folio, not text we could rewrite.
const lettersForText = 30;
const sampleLength = 400;
const eofWindow = 1024;

const megabyte = 1024 * 1024;

/** "62 MB"; one decimal when rounding would hide that a file is over the limit. */
function formatSize(bytes: number, limit?: number): string {
  if (bytes < megabyte) return `${Math.ceil(bytes / 1024)} KB`;
  const rounded = Math.round(bytes / megabyte);
  if (limit !== undefined && bytes > limit && rounded <= Math.round(limit / megabyte)) {
    return `${(bytes / megabyte).toFixed(1)} MB`;
  }
  return `${rounded} MB`;
}

const count = (value: number) => value.toLocaleString("en-US");

/** Page numbers spread evenly from the first to the last page. */
export function pickSamplePages(pageCount: number, samples = samplePages): number[] {
  if (pageCount <= samples) return Array.from({ length: pageCount }, (_, index) => index + 1);
  const picked = new Set<number>();
  for (let index = 0; index < samples; index++) {
    picked.add(1 + Math.round((index * (pageCount - 1)) / (samples - 1)));
  }
  return [...picked];
}

function hasEndOfFileMarker(bytes: Uint8Array): boolean {
  const tail = new TextDecoder("latin1").decode(
    bytes.subarray(Math.max(0, bytes.length - eofWindow)),
  );
  return tail.includes("%%EOF");
}

function clip(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const lastSpace = cut.lastIndexOf(" ");
  return `${lastSpace > length / 2 ? cut.slice(0, lastSpace) : cut}…`;
}

export async function inspectPdf(bytes: Uint8Array, limits: PdfLimits): Promise<PdfInfo> {
  if (bytes.length > limits.maxBytes) {
    throw new AppError(
      "payload_too_large",
      `The PDF is ${formatSize(bytes.length, limits.maxBytes)}; the limit is ${formatSize(limits.maxBytes)}.`,
      { bytes: bytes.length, maxBytes: limits.maxBytes },
    );
  }
  if (findPdfHeader(bytes) < 0) {
    const kind = describeNonPdf(bytes);
    throw new AppError(
      "unsupported_media_type",
      kind === "an empty file"
        ? "The file is empty. Choose a PDF file."
        : `This file is ${kind}, not a PDF. Choose a PDF file.`,
      { detected: kind },
    );
  }
  // A cut-off upload still parses partly (pdfjs rebuilds what it can), so
  // check the end marker that every complete PDF carries.
  if (!hasEndOfFileMarker(bytes)) {
    throw new AppError(
      "pdf_invalid",
      "The PDF is incomplete (it ends before its end-of-file marker); the upload or download may have been cut off.",
    );
  }

  const loaded = await loadPdfDocument(bytes);
  try {
    const { doc } = loaded;
    const metadata = await doc.getMetadata().catch(() => undefined);
    const encryption = (metadata?.info as { EncryptFilterName?: string | null } | undefined)
      ?.EncryptFilterName;
    if (encryption) {
      // Opens without a password but stays encrypted: pages cannot be split
      // out of it, so it is refused like a password-protected file.
      throw new AppError(
        "pdf_encrypted",
        "The PDF is encrypted (its owner restricted copying or editing), so its pages cannot be processed. Save or print an unprotected copy and upload that.",
        { encryption },
      );
    }
    const pageCount = doc.numPages;
    if (pageCount === 0) throw new AppError("pdf_invalid", "The PDF has no pages.");
    if (pageCount > limits.maxPages) {
      throw new AppError(
        "pdf_too_many_pages",
        `The PDF has ${count(pageCount)} pages; the limit is ${count(limits.maxPages)}.`,
        { pageCount, maxPages: limits.maxPages },
      );
    }

    let textSample = "";
    let hasText = false;
    for (const pageNumber of pickSamplePages(pageCount)) {
      const { lines } = await readPageLines(doc, pageNumber);
      const text = lines.map((line) => line.text).join(" ");
      const letters = text.match(/\p{L}/gu)?.length ?? 0;
      if (letters >= lettersForText) {
        hasText = true;
        textSample = clip(text.replace(/\s+/gu, " ").trim(), sampleLength);
        break;
      }
    }
    return { pageCount, hasText, textSample };
  } catch (error) {
    throw toPdfError(error);
  } finally {
    await loaded.close();
  }
}
