// Finds every stream of a PDF the way pdfjs would reach it, for the
// decompression-bomb guard (check-decoded-size.ts), without trusting what an
// attacker controls:
// - Every `obj` keyword starts a candidate, wherever it is, even inside
//   another stream's data: pdfjs reaches objects through the cross-reference
//   offsets, which may point anywhere, so a stream whose /Length swallows the
//   next object must not hide that object.
// - A stream's dictionary is parsed (names with `#xx` escapes, comments,
//   nested values), and its /Filter (or /F, which pdfjs also reads) and
//   /DecodeParms are resolved through indirect references.
// - Its data runs to the larger of two ends: /Length (pdfjs trusts it when
//   `endstream` follows) and the first `endstream` keyword (pdfjs's fallback),
//   so a fake `endstream` inside the data cannot cut it short. An /Length we
//   cannot resolve runs the data to the end of the file: the decoders stop at
//   their own end-of-data marks.
export type PdfValue =
  | number
  | { name: string }
  | { ref: string }
  | PdfValue[]
  | Map<string, PdfValue>
  | null;

export interface PdfStream {
  dictionary: Map<string, PdfValue>;
  /** Offsets of the data in the file, `end` excluded. */
  start: number;
  end: number;
}

const maxDepth = 64;

function isWhite(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0x0c || code === 0x00;
}

function isDelimiter(code: number): boolean {
  // ( ) < > [ ] { } / %
  return (
    code === 0x28 || code === 0x29 || code === 0x3c || code === 0x3e || code === 0x5b ||
    code === 0x5d || code === 0x7b || code === 0x7d || code === 0x2f || code === 0x25
  );
}

const isRegular = (code: number) => !isWhite(code) && !isDelimiter(code) && !Number.isNaN(code);

/** A small PDF object reader over the file as a latin1 string (one character per byte). */
class Reader {
  constructor(
    readonly text: string,
    public pos: number,
  ) {}

  skipSpace(): void {
    const { text } = this;
    while (this.pos < text.length) {
      const code = text.charCodeAt(this.pos);
      if (isWhite(code)) {
        this.pos++;
      } else if (code === 0x25) {
        while (this.pos < text.length && text[this.pos] !== "\n" && text[this.pos] !== "\r") this.pos++;
      } else {
        return;
      }
    }
  }

  /** A run of regular characters (a number, keyword or a name's body); "" at a delimiter. */
  token(): string {
    const begin = this.pos;
    while (this.pos < this.text.length && isRegular(this.text.charCodeAt(this.pos))) this.pos++;
    return this.text.slice(begin, this.pos);
  }

  name(): string {
    this.pos++; // "/"
    const raw = this.token();
    if (!raw.includes("#")) return raw;
    return raw.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }

  skipLiteralString(): void {
    const { text } = this;
    let depth = 0;
    while (this.pos < text.length) {
      const char = text[this.pos++];
      if (char === "\\") this.pos++;
      else if (char === "(") depth++;
      else if (char === ")" && --depth === 0) return;
    }
  }

  value(depth = 0): PdfValue {
    this.skipSpace();
    const { text } = this;
    if (this.pos >= text.length || depth > maxDepth) return null;
    const char = text[this.pos];
    if (char === "/") return { name: this.name() };
    if (char === "<" && text[this.pos + 1] === "<") {
      this.pos += 2;
      return this.dictionaryBody(depth);
    }
    if (char === "<") {
      const close = text.indexOf(">", this.pos);
      this.pos = close < 0 ? text.length : close + 1;
      return null;
    }
    if (char === "(") {
      this.skipLiteralString();
      return null;
    }
    if (char === "[") {
      this.pos++;
      const items: PdfValue[] = [];
      for (;;) {
        this.skipSpace();
        if (this.pos >= text.length) return items;
        if (text[this.pos] === "]") {
          this.pos++;
          return items;
        }
        const before = this.pos;
        items.push(this.value(depth + 1));
        if (this.pos === before) this.pos++;
      }
    }
    const word = this.token();
    if (word === "") {
      this.pos++; // A stray delimiter: ) > ] { }
      return null;
    }
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) {
      const number = Number(word);
      // "12 0 R" is a reference.
      if (/^\d+$/.test(word)) {
        const after = this.pos;
        this.skipSpace();
        const generation = this.token();
        if (/^\d+$/.test(generation)) {
          this.skipSpace();
          if (this.token() === "R") return { ref: `${number} ${Number(generation)}` };
        }
        this.pos = after;
      }
      return number;
    }
    return null; // true, false, null, or an unknown keyword
  }

  dictionaryBody(depth: number): Map<string, PdfValue> {
    const entries = new Map<string, PdfValue>();
    const { text } = this;
    for (;;) {
      this.skipSpace();
      if (this.pos >= text.length) return entries;
      if (text[this.pos] === ">" && text[this.pos + 1] === ">") {
        this.pos += 2;
        return entries;
      }
      if (text[this.pos] !== "/") {
        // pdfjs skips what is not a key; so do we, one value at a time.
        const before = this.pos;
        this.value(depth + 1);
        if (this.pos === before) this.pos++;
        continue;
      }
      const key = this.name();
      entries.set(key, this.value(depth + 1));
    }
  }
}

/** Where each numbered object's body starts ("12 0 obj"); the last definition wins, as with incremental updates. */
function indexObjects(text: string): Map<string, number> {
  const index = new Map<string, number>();
  const header = /(?<![0-9])(\d+)[\0\t\n\f\r ]+(\d+)[\0\t\n\f\r ]+obj(?![^\0\t\n\f\r ()<>[\]{}/%])/g;
  let match: RegExpExecArray | null;
  while ((match = header.exec(text))) {
    index.set(`${Number(match[1])} ${Number(match[2])}`, match.index + match[0].length);
  }
  return index;
}

/**
 * Thrown when reading the file's objects costs far more than reading it
 * once: candidates overlap (an unclosed dictionary after every `obj`), which
 * only a file built to stall the check does.
 */
export class TangledPdf extends Error {}

/** First index in the sorted `positions` at or after `at`. */
function firstAtOrAfter(positions: number[], at: number): number {
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (positions[middle]! < at) low = middle + 1;
    else high = middle;
  }
  return low;
}

export class PdfObjects {
  private readonly index: Map<string, number>;
  private endstreams: number[] | undefined;
  // Characters read while parsing objects, against a budget of a few times
  // the file: a real file's objects are read about once each.
  private work = 0;
  private readonly workLimit: number;

  constructor(readonly text: string) {
    this.index = indexObjects(text);
    this.workLimit = 4 * text.length + 1024 * 1024;
  }

  private charge(from: number, reader: Reader): void {
    this.work += Math.max(0, reader.pos - from);
    if (this.work > this.workLimit) throw new TangledPdf();
  }

  /** Offset of the first `endstream` at or after `at`, or the end of the file; one scan for the whole file. */
  private nextEndstream(at: number): number {
    if (!this.endstreams) {
      this.endstreams = [];
      let found = this.text.indexOf("endstream");
      while (found >= 0) {
        this.endstreams.push(found);
        found = this.text.indexOf("endstream", found + 1);
      }
    }
    return this.endstreams[firstAtOrAfter(this.endstreams, at)] ?? this.text.length;
  }

  /** The value behind a reference, followed a few times; `undefined` when it cannot be found. */
  resolve(value: PdfValue): PdfValue | undefined {
    let current: PdfValue | undefined = value;
    for (let hops = 0; hops < 8; hops++) {
      if (current === null || typeof current !== "object" || !("ref" in current)) return current;
      const at = this.index.get(current.ref);
      if (at === undefined) return undefined;
      const reader = new Reader(this.text, at);
      current = reader.value();
      this.charge(at, reader);
    }
    return undefined;
  }

  /** Whether a `trailer` dictionary names an /Encrypt dictionary (a cross-reference stream's own dictionary is checked with the streams). */
  trailerDeclaresEncryption(): boolean {
    const keyword = /trailer/g;
    let match: RegExpExecArray | null;
    while ((match = keyword.exec(this.text))) {
      const from = match.index + "trailer".length;
      const reader = new Reader(this.text, from);
      reader.skipSpace();
      if (this.text[reader.pos] !== "<" || this.text[reader.pos + 1] !== "<") continue;
      reader.pos += 2;
      const trailer = reader.dictionaryBody(0);
      this.charge(from, reader);
      if (trailer.has("Encrypt")) return true;
    }
    return false;
  }

  /** Every stream, in file order; candidates nested in other streams' data included. */
  *streams(): Generator<PdfStream> {
    const { text } = this;
    const keyword = /(?<![^\0\t\n\f\r ()<>[\]{}/%])obj/g;
    let match: RegExpExecArray | null;
    while ((match = keyword.exec(text))) {
      const reader = new Reader(text, match.index + 3);
      reader.token(); // pdfjs also reads "obj12" as "obj" with a number.
      reader.skipSpace();
      if (text[reader.pos] !== "<" || text[reader.pos + 1] !== "<") continue;
      reader.pos += 2;
      const dictionary = reader.dictionaryBody(0);
      reader.skipSpace();
      const isStream = reader.token() === "stream";
      this.charge(match.index, reader);
      if (!isStream) continue;
      // pdfjs skips to the next line after the keyword, whatever is on it.
      const keywordAt = reader.pos;
      while (reader.pos < text.length && text[reader.pos] !== "\n" && text[reader.pos] !== "\r") reader.pos++;
      this.charge(keywordAt, reader);
      let start = reader.pos;
      if (text[start] === "\r" && text[start + 1] === "\n") start += 2;
      else start++;
      start = Math.min(start, text.length);

      const ends = [this.nextEndstream(start)];
      const length = this.resolve(dictionary.get("Length") ?? null);
      if (typeof length === "number" && Number.isInteger(length) && length >= 0) {
        ends.push(Math.min(text.length, start + length));
      } else if (length === undefined) {
        ends.push(text.length);
      }
      yield { dictionary, start, end: Math.max(...ends) };
      // The next candidate may start inside this stream's data (see above).
      keyword.lastIndex = Math.max(keyword.lastIndex, start);
    }
  }
}
