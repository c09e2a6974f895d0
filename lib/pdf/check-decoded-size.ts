// Decompression-bomb guard. A PDF's streams can unpack a thousandfold (a few
// kilobytes of zeros become a gigabyte), and pdfjs keeps what it decodes in
// ArrayBuffers, which live outside the V8 heap and so outside a worker
// thread's resourceLimits. Before pdfjs sees a file, every stream in it is
// decoded here through its whole filter chain (find-pdf-streams.ts finds
// them as pdfjs would, decode-filters.ts decodes), in pieces that are
// counted and dropped, and the file is refused once the total passes the
// limit. Every stream counts, images included: a page's content stream can
// call itself an image, and pdfjs reads it all the same; only image codecs
// (JPEG and the like, which reading text never runs) end a chain uncounted.
// A book is mostly small streams: each is decoded in one synchronous call
// per filter; only a stream whose output passes `atOnceLimit` is decoded
// again in pieces, so no large buffer is kept.
import { AppError } from "@/lib/errors";
import { decodeAtOnce, decodeInPieces, filterKind, TooLarge, type Filter } from "@/lib/pdf/decode-filters";
import { PdfObjects, TangledPdf, type PdfStream, type PdfValue } from "@/lib/pdf/find-pdf-streams";

const latin1 = new TextDecoder("latin1");
const atOnceLimit = 4 * 1024 * 1024;
// No PDF writer chains more than three or four filters.
const maxFilters = 16;

class OverLimit extends Error {}

// Encrypted streams cannot be decoded without the key, and pdfjs reads some
// of them (object streams, metadata) before inspect-pdf.ts refuses the
// file: encrypted files are refused here, before pdfjs sees them.
const encrypted = () =>
  new AppError(
    "pdf_encrypted",
    "The PDF is encrypted (it needs a password, or its owner restricted copying), so its pages cannot be processed. Remove the protection (for example, print it to a new PDF) and upload it again.",
  );

const uncheckable = () =>
  new AppError(
    "pdf_invalid",
    "This PDF's compressed content is encoded in a way that cannot be checked safely; it cannot be processed. Try exporting it again from the original file.",
  );

function nameOf(value: PdfValue | undefined): string | undefined {
  return value !== null && typeof value === "object" && "name" in value ? value.name : undefined;
}

/** The stream's filters as pdfjs applies them (it reads /F before /Filter, and /DP before /DecodeParms). */
function filtersOf(stream: PdfStream, objects: PdfObjects): Filter[] {
  const { dictionary } = stream;
  const declared = objects.resolve(dictionary.get("F") ?? dictionary.get("Filter") ?? null);
  const params = objects.resolve(dictionary.get("DP") ?? dictionary.get("DecodeParms") ?? null);
  if (declared === undefined) throw uncheckable();
  const names: (PdfValue | undefined)[] = Array.isArray(declared) ? declared.map((entry) => objects.resolve(entry)) : [declared];
  if (names.length > maxFilters) throw uncheckable();
  const filters: Filter[] = [];
  for (const [index, entry] of names.entries()) {
    if (entry === undefined) throw uncheckable();
    const name = nameOf(entry);
    // pdfjs leaves a stream undecoded when its filter is not a name, and
    // cannot read it at all when an array holds one: counting the filters
    // before it can only count too much.
    if (name === undefined) return Array.isArray(declared) ? filters : [];
    const kind = filterKind(name);
    const param = objects.resolve(Array.isArray(declared) ? (Array.isArray(params) ? (params[index] ?? null) : null) : (params ?? null));
    const earlyChange = param instanceof Map ? param.get("EarlyChange") : undefined;
    filters.push(kind === "lzw" ? { kind, earlyChange: typeof earlyChange === "number" ? earlyChange : 1 } : { kind });
  }
  return filters;
}

/** Decoded bytes of every stream in the file, counted up to a little past `limitBytes`. */
export async function countDecodedBytes(bytes: Uint8Array, limitBytes: number): Promise<number> {
  const objects = new PdfObjects(latin1.decode(bytes));
  let total = 0;
  const count = (more: number) => {
    total += more;
    if (total > limitBytes) throw new OverLimit();
  };
  // What the first filters read: each stream's data once in a real file.
  // Streams that overlap to the end of the file, over and over, are only
  // there to make the check slow (a filter may read without writing).
  let read = 0;
  const readLimit = 4 * bytes.length + 1024 * 1024;
  try {
    if (objects.trailerDeclaresEncryption()) throw encrypted();
    for (const stream of objects.streams()) {
      if (nameOf(stream.dictionary.get("Type")) === "XRef" && stream.dictionary.has("Encrypt")) throw encrypted();
      const filters = filtersOf(stream, objects);
      if (!filters.some((filter) => filter.kind !== "none" && filter.kind !== "image")) continue;
      const data = bytes.subarray(stream.start, stream.end);
      read += data.length;
      if (read > readLimit) throw uncheckable();
      let decoded: number | undefined;
      try {
        decoded = decodeAtOnce(filters, data, atOnceLimit);
      } catch (error) {
        if (!(error instanceof TooLarge)) throw error;
      }
      if (decoded === undefined) await decodeInPieces(filters, data, count);
      else count(decoded);
    }
  } catch (error) {
    if (error instanceof TangledPdf) throw uncheckable();
    if (!(error instanceof OverLimit)) throw error;
  }
  return total;
}

export async function checkDecodedSize(bytes: Uint8Array, limitBytes: number): Promise<void> {
  const total = await countDecodedBytes(bytes, limitBytes);
  if (total > limitBytes) {
    throw new AppError(
      "pdf_invalid",
      `This PDF's compressed content unpacks to more than ${Math.round(limitBytes / (1024 * 1024))} MB, which is far beyond a book's; it cannot be processed.`,
      { inflatedLimitBytes: limitBytes },
    );
  }
}
