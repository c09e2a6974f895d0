// The packed Lefff table kept on disk, so that a process reads it in tens of
// milliseconds instead of parsing the 550,000 lines again (about 1.2 s of
// CPU for every worker, CLI and test process). The file is keyed by the
// source's size and modification time and by this format's version; it is
// written once, atomically (a temporary file renamed), by the first process
// that parses the Lefff. Where the folder cannot be written (a read-only
// image), every process parses as before: the cache is only ever a shortcut.
//
// Layout: a 4-byte length, the header as JSON (the small parts and the
// sizes), padding to 4 bytes, then the two offset tables and the two packed
// strings as UTF-16.
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { LefffTable } from "@/lib/french/load-lefff";

const formatVersion = 1;

interface Header {
  categories: string[];
  morphologies: string[];
  respelled: [string, string[]][];
  multiWord: string[];
  starts: number;
  keysLength: number;
  valuesLength: number;
}

/** The cache file for `source` in `folder`: it changes when the source does. */
export function lefffCacheFile(folder: string, source: string): string {
  const { size, mtimeMs } = statSync(source);
  return path.join(folder, `lefff-v${formatVersion}-${size}-${Math.round(mtimeMs)}.bin`);
}

/** The table from `file`, or undefined when there is none or it cannot be read. */
export function readLefffCache(file: string): LefffTable | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  try {
    const headerLength = bytes.readUInt32LE(0);
    const header = JSON.parse(bytes.toString("utf8", 4, 4 + headerLength)) as Header;
    let offset = align(4 + headerLength);
    // Copies, so that the file's buffer is not kept alive by views into it.
    const int32s = () => {
      const array = new Int32Array(header.starts);
      Buffer.from(array.buffer).set(bytes.subarray(offset, offset + array.byteLength));
      offset += array.byteLength;
      return array;
    };
    const keyStarts = int32s();
    const valueStarts = int32s();
    const keys = bytes.toString("utf16le", offset, offset + header.keysLength * 2);
    offset += header.keysLength * 2;
    const values = bytes.toString("utf16le", offset, offset + header.valuesLength * 2);
    if (offset + header.valuesLength * 2 !== bytes.length) return undefined;
    return {
      forms: { keys, keyStarts, values, valueStarts },
      categories: header.categories,
      morphologies: header.morphologies,
      respelled: new Map(header.respelled),
      multiWord: header.multiWord,
    };
  } catch {
    return undefined;
  }
}

/** Writes `table` to `file`, atomically; false when the folder cannot be written. */
export function writeLefffCache(file: string, table: LefffTable): boolean {
  const { forms } = table;
  const header: Header = {
    categories: table.categories,
    morphologies: table.morphologies,
    respelled: [...table.respelled],
    multiWord: table.multiWord,
    starts: forms.keyStarts.length,
    keysLength: forms.keys.length,
    valuesLength: forms.values.length,
  };
  const json = Buffer.from(JSON.stringify(header), "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length, 0);
  const padding = Buffer.alloc(align(4 + json.length) - 4 - json.length);
  const parts = [
    length,
    json,
    padding,
    Buffer.from(forms.keyStarts.buffer, forms.keyStarts.byteOffset, forms.keyStarts.byteLength),
    Buffer.from(forms.valueStarts.buffer, forms.valueStarts.byteOffset, forms.valueStarts.byteLength),
    Buffer.from(forms.keys, "utf16le"),
    Buffer.from(forms.values, "utf16le"),
  ];
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, Buffer.concat(parts));
    renameSync(temporary, file);
    return true;
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Its folder does not exist: nothing was written.
    }
    return false;
  }
}

function align(offset: number): number {
  return Math.ceil(offset / 4) * 4;
}
