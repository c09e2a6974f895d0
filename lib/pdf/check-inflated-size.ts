// Decompression-bomb guard. A PDF's Flate streams can inflate a thousandfold
// (a few kilobytes of zeros become a gigabyte), and pdfjs keeps what it
// inflates in ArrayBuffers, which live outside the V8 heap and so outside a
// worker thread's resourceLimits. Before pdfjs sees the file, every Flate
// stream except images (text reading never decodes those) is inflated here
// in pieces that are counted and dropped, and the file is refused once the
// total passes the limit. Streams are found by their `stream`/`endstream`
// keywords; a damaged one is skipped (pdfjs judges damage itself).
// A book has one small content stream per page: those are inflated in one
// synchronous call each (an asynchronous stream per page cost 0.1 s on 300
// pages, most of an upload's check); only a stream that inflates past
// `syncOutputLimit` is counted again in pieces, so no large buffer is kept.
import { createInflate, constants, inflateSync } from "node:zlib";
import { AppError } from "@/lib/errors";

const latin1 = new TextDecoder("latin1");
// The stream's dictionary sits right before `stream`; this much is enough to read it.
const dictionaryWindow = 2048;
const syncOutputLimit = 4 * 1024 * 1024;

function streamRanges(bytes: Uint8Array): { dictionary: string; start: number; end: number }[] {
  const text = latin1.decode(bytes);
  const ranges: { dictionary: string; start: number; end: number }[] = [];
  const keyword = /stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = keyword.exec(text))) {
    if (text.slice(match.index - 3, match.index) === "end") continue;
    const start = match.index + match[0].length;
    const end = text.indexOf("endstream", start);
    if (end < 0) break;
    const before = text.slice(Math.max(0, match.index - dictionaryWindow), match.index);
    const dictionary = before.slice(before.lastIndexOf("obj") + 1);
    ranges.push({ dictionary, start, end });
    keyword.lastIndex = end + "endstream".length;
  }
  return ranges;
}

/** Inflated bytes of `data`, counted without being kept; stops (and says so) past `budget`. */
function inflatedSize(data: Uint8Array, budget: number): Promise<number> {
  return new Promise((resolve) => {
    const inflate = createInflate({ finishFlush: constants.Z_SYNC_FLUSH, chunkSize: 64 * 1024 });
    let total = 0;
    inflate.on("data", (piece: Buffer) => {
      total += piece.length;
      if (total > budget) {
        inflate.destroy();
        resolve(total);
      }
    });
    inflate.on("end", () => resolve(total));
    inflate.on("error", () => resolve(total));
    inflate.on("close", () => resolve(total));
    inflate.end(data);
  });
}

/** Inflated bytes of a small stream in one call; undefined when it is large or damaged. */
function inflatedSizeAtOnce(data: Uint8Array): number | undefined {
  try {
    return inflateSync(data, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: syncOutputLimit }).length;
  } catch {
    return undefined;
  }
}

export async function checkInflatedSize(bytes: Uint8Array, limitBytes: number): Promise<void> {
  let total = 0;
  for (const { dictionary, start, end } of streamRanges(bytes)) {
    if (!/\/(FlateDecode|Fl)\b/.test(dictionary) || /\/Subtype\s*\/Image\b/.test(dictionary)) continue;
    const data = bytes.subarray(start, end);
    total += inflatedSizeAtOnce(data) ?? (await inflatedSize(data, limitBytes - total));
    if (total > limitBytes) {
      throw new AppError(
        "pdf_invalid",
        `This PDF's compressed content unpacks to more than ${Math.round(limitBytes / (1024 * 1024))} MB of page text, which is far beyond a book's; it cannot be processed.`,
        { inflatedLimitBytes: limitBytes },
      );
    }
  }
}
