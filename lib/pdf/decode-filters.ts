// The stream filters pdfjs decodes, reimplemented to count their output
// rather than keep it (check-decoded-size.ts). Flate and Brotli run through
// node:zlib; ASCIIHex, ASCII85, RunLength and LZW are small decoders that
// follow pdfjs's own (so a malformed stream decodes to what pdfjs would
// make of it, near enough to count). Image codecs (DCT, JPX, JBIG2, CCITT)
// end a chain: pdfjs decodes them only to draw, which reading text never
// does. Predictors (/DecodeParms) only shrink data, so they are not applied.
//
// Two ways to decode a chain: `decodeAtOnce` for the small streams a book is
// made of (one synchronous call per filter, each output capped), and
// `decodeInPieces` for anything larger, which passes the data through the
// chain a kilobyte at a time and never holds more than a piece per filter.
import { Readable } from "node:stream";
import {
  brotliDecompressSync,
  constants,
  createBrotliDecompress,
  createInflate,
  inflateSync,
} from "node:zlib";

export type FilterKind = "flate" | "brotli" | "lzw" | "ascii85" | "asciihex" | "runlength" | "image" | "none";

export interface Filter {
  kind: FilterKind;
  /** LZW's /EarlyChange (1 unless its /DecodeParms say 0). */
  earlyChange?: number;
}

const filterKinds: Record<string, FilterKind> = {
  Fl: "flate",
  FlateDecode: "flate",
  BrotliDecode: "brotli",
  LZW: "lzw",
  LZWDecode: "lzw",
  A85: "ascii85",
  ASCII85Decode: "ascii85",
  AHx: "asciihex",
  ASCIIHexDecode: "asciihex",
  RL: "runlength",
  RunLengthDecode: "runlength",
  DCT: "image",
  DCTDecode: "image",
  JPX: "image",
  JPXDecode: "image",
  CCF: "image",
  CCITTFaxDecode: "image",
  JBIG2Decode: "image",
};

/** What pdfjs does with a filter name: unknown names and Crypt (without encryption) pass the data through. */
export function filterKind(name: string): FilterKind {
  return Object.hasOwn(filterKinds, name) ? filterKinds[name]! : "none";
}

/** Thrown when a chain's output is past what the caller allows. */
export class TooLarge extends Error {}

/** A growing output buffer. */
class Output {
  bytes = new Uint8Array(1024);
  length = 0;

  reserve(more: number): void {
    if (this.length + more <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + more) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  push(byte: number): void {
    if (this.length === this.bytes.length) this.reserve(1);
    this.bytes[this.length++] = byte;
  }

  take(): Uint8Array {
    const taken = this.bytes.slice(0, this.length);
    this.length = 0;
    return taken;
  }
}

/** An incremental decoder: each call decodes the next piece of input; `done` once its end-of-data mark was read. */
interface PieceDecoder {
  write(input: Uint8Array): Uint8Array;
  end(): Uint8Array;
  done: boolean;
}

function hexDigit(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code & 0x0f;
  if ((code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66)) return (code & 0x0f) + 9;
  return -1;
}

const isPdfWhite = (code: number) =>
  code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0x0c || code === 0x00;

class AsciiHexDecoder implements PieceDecoder {
  done = false;
  private first = -1;
  private readonly out = new Output();

  write(input: Uint8Array): Uint8Array {
    for (const code of input) {
      if (this.done) break;
      if (code === 0x3e) {
        this.done = true;
        return this.end();
      }
      const digit = hexDigit(code);
      if (digit < 0) continue;
      if (this.first < 0) this.first = digit;
      else {
        this.out.push((this.first << 4) | digit);
        this.first = -1;
      }
    }
    return this.out.take();
  }

  end(): Uint8Array {
    if (this.first >= 0) this.out.push(this.first << 4);
    this.first = -1;
    this.done = true;
    return this.out.take();
  }
}

class Ascii85Decoder implements PieceDecoder {
  done = false;
  private group: number[] = [];
  private readonly out = new Output();

  private flushGroup(): void {
    const count = this.group.length;
    if (count === 0) return;
    const padded = [...this.group];
    while (padded.length < 5) padded.push(0x21 + 84);
    let value = 0;
    for (const code of padded) value = value * 85 + (code - 0x21);
    const bytes = [(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
    for (let index = 0; index < count - 1; index++) this.out.push(bytes[index]!);
    this.group = [];
  }

  write(input: Uint8Array): Uint8Array {
    for (const code of input) {
      if (this.done) break;
      if (isPdfWhite(code)) continue;
      if (code === 0x7e) return this.end();
      if (code === 0x7a && this.group.length === 0) {
        for (let index = 0; index < 4; index++) this.out.push(0);
        continue;
      }
      this.group.push(code);
      if (this.group.length === 5) this.flushGroup();
    }
    return this.out.take();
  }

  end(): Uint8Array {
    this.flushGroup();
    this.done = true;
    return this.out.take();
  }
}

class RunLengthDecoder implements PieceDecoder {
  done = false;
  private header = -1;
  private literalLeft = 0;
  private readonly out = new Output();

  write(input: Uint8Array): Uint8Array {
    for (const code of input) {
      if (this.done) break;
      if (this.literalLeft > 0) {
        this.out.push(code);
        this.literalLeft--;
      } else if (this.header < 0) {
        if (code === 128) this.done = true;
        else this.header = code;
      } else if (this.header < 128) {
        this.out.push(code);
        this.literalLeft = this.header;
        this.header = -1;
      } else {
        const count = 257 - this.header;
        this.out.reserve(count);
        this.out.bytes.fill(code, this.out.length, this.out.length + count);
        this.out.length += count;
        this.header = -1;
      }
    }
    return this.out.take();
  }

  end(): Uint8Array {
    this.done = true;
    return this.out.take();
  }
}

/** pdfjs's LZWStream, one code at a time. */
class LzwDecoder implements PieceDecoder {
  done = false;
  private readonly out = new Output();
  private readonly values = new Uint8Array(4096);
  private readonly lengths = new Uint16Array(4096);
  private readonly previous = new Uint16Array(4096);
  private readonly sequence = new Uint8Array(4096);
  private sequenceLength = 0;
  private codeLength = 9;
  private nextCode = 258;
  private previousCode = 0;
  private cached = 0;
  private cachedBits = 0;

  constructor(private readonly earlyChange: number) {
    for (let code = 0; code < 256; code++) {
      this.values[code] = code;
      this.lengths[code] = 1;
    }
  }

  private code(code: number): void {
    const hasPrevious = this.sequenceLength > 0;
    if (code < 256) {
      this.sequence[0] = code;
      this.sequenceLength = 1;
    } else if (code >= 258) {
      if (code < this.nextCode) {
        this.sequenceLength = this.lengths[code]!;
        for (let at = this.sequenceLength - 1, walk = code; at >= 0; at--) {
          this.sequence[at] = this.values[walk]!;
          walk = this.previous[walk]!;
        }
      } else {
        // pdfjs writes past the 4096-byte sequence silently (a typed array); the length still grows.
        this.sequence[this.sequenceLength++] = this.sequence[0]!;
      }
    } else if (code === 256) {
      this.codeLength = 9;
      this.nextCode = 258;
      this.sequenceLength = 0;
      return;
    } else {
      this.done = true;
      return;
    }
    if (hasPrevious) {
      const next = this.nextCode;
      if (next < 4096) {
        this.previous[next] = this.previousCode;
        this.lengths[next] = this.lengths[this.previousCode]! + 1;
        this.values[next] = this.sequence[0]!;
      }
      this.nextCode++;
      const probe = this.nextCode + this.earlyChange;
      if ((probe & (probe - 1)) === 0) {
        this.codeLength = Math.min(Math.floor(Math.log2(probe)) + 1, 12);
      }
    }
    this.previousCode = code;
    const length = this.sequenceLength;
    this.out.reserve(length);
    const stored = Math.min(length, 4096);
    this.out.bytes.set(this.sequence.subarray(0, stored), this.out.length);
    this.out.bytes.fill(0, this.out.length + stored, this.out.length + length);
    this.out.length += length;
  }

  write(input: Uint8Array): Uint8Array {
    for (const byte of input) {
      if (this.done) break;
      this.cached = ((this.cached << 8) | byte) & 0xffffff;
      this.cachedBits += 8;
      while (!this.done && this.cachedBits >= this.codeLength) {
        this.cachedBits -= this.codeLength;
        this.code((this.cached >>> this.cachedBits) & ((1 << this.codeLength) - 1));
      }
    }
    return this.out.take();
  }

  end(): Uint8Array {
    this.done = true;
    return this.out.take();
  }
}

function pieceDecoder(filter: Filter): PieceDecoder | undefined {
  switch (filter.kind) {
    case "asciihex":
      return new AsciiHexDecoder();
    case "ascii85":
      return new Ascii85Decoder();
    case "runlength":
      return new RunLengthDecoder();
    case "lzw":
      return new LzwDecoder(filter.earlyChange ?? 1);
    default:
      return undefined;
  }
}

// RunLength turns 2 bytes into 128 and LZW 12 bits into up to 4,096 bytes:
// a kilobyte of input stays a few megabytes at most.
const pieceSize = 1024;

function decodeWhole(filter: Filter, input: Uint8Array, cap: number): Uint8Array {
  const options = { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: cap };
  try {
    if (filter.kind === "flate") return inflateSync(input, options);
    if (filter.kind === "brotli") return brotliDecompressSync(input, { maxOutputLength: cap });
  } catch (error) {
    // Past the cap, or damaged: decodeInPieces counts what comes out before the damage.
    throw new TooLarge(undefined, { cause: error });
  }
  const decoder = pieceDecoder(filter);
  if (!decoder) return input;
  const pieces: Uint8Array[] = [];
  let total = 0;
  for (let offset = 0; offset < input.length && !decoder.done; offset += pieceSize) {
    const piece = decoder.write(input.subarray(offset, offset + pieceSize));
    total += piece.length;
    if (total > cap) throw new TooLarge();
    pieces.push(piece);
  }
  pieces.push(decoder.end());
  return Buffer.concat(pieces);
}

/**
 * Decodes a chain in one synchronous call per filter and returns the bytes
 * each filter wrote (pdfjs keeps every filter's output while it reads the
 * stream). Throws TooLarge when a filter's output passes `cap` or its data
 * is damaged: the caller then uses decodeInPieces.
 */
export function decodeAtOnce(filters: Filter[], data: Uint8Array, cap: number): number {
  let current = data;
  let written = 0;
  for (const filter of filters) {
    if (filter.kind === "image") break;
    if (filter.kind === "none") continue;
    current = decodeWhole(filter, current, cap);
    written += current.length;
  }
  return written;
}

async function* slices(data: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < data.length; offset += size) {
    yield Buffer.from(data.subarray(offset, offset + size));
  }
}

async function* throughZlib(filter: Filter, input: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const zlib =
    filter.kind === "flate"
      ? createInflate({ finishFlush: constants.Z_SYNC_FLUSH, chunkSize: 64 * 1024 })
      : createBrotliDecompress({ chunkSize: 64 * 1024 });
  const source = Readable.from(input);
  source.on("error", (error) => zlib.destroy(error));
  source.pipe(zlib);
  try {
    for await (const piece of zlib) yield piece as Buffer;
  } finally {
    source.destroy();
    zlib.destroy();
  }
}

async function* throughPieces(decoder: PieceDecoder, input: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  for await (const chunk of input) {
    for (let offset = 0; offset < chunk.length && !decoder.done; offset += pieceSize) {
      const piece = decoder.write(chunk.subarray(offset, offset + pieceSize));
      if (piece.length > 0) yield piece;
    }
    if (decoder.done) return;
  }
  const last = decoder.end();
  if (last.length > 0) yield last;
}

/**
 * Decodes a chain piece by piece, handing the size of every filter's output
 * to `count` as it is produced (count throws to stop). A damaged filter ends
 * the chain where pdfjs's reading would end: what came out before counts.
 */
export async function decodeInPieces(filters: Filter[], data: Uint8Array, count: (bytes: number) => void): Promise<void> {
  let stopped: { error: unknown } | undefined;
  let stream: AsyncIterable<Uint8Array> = slices(data, 16 * 1024);
  for (const filter of filters) {
    if (filter.kind === "image") break;
    if (filter.kind === "none") continue;
    const decoder = pieceDecoder(filter);
    const decoded = decoder ? throughPieces(decoder, stream) : throughZlib(filter, stream);
    stream = (async function* counted() {
      for await (const piece of decoded) {
        try {
          count(piece.length);
        } catch (error) {
          stopped = { error };
          throw error;
        }
        yield piece;
      }
    })();
  }
  try {
    for await (const piece of stream) void piece;
  } catch {
    if (stopped) throw stopped.error;
  }
}
