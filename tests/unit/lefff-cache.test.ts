// The packed Lefff kept on disk: what a process reads back is the table the
// first one wrote, to the character; a damaged, missing or stale file is
// never used, and a folder that cannot be written costs nothing but the
// shortcut.
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lefffCacheFile, readLefffCache, writeLefffCache } from "@/lib/french/lefff-cache";
import type { LefffTable } from "@/lib/french/load-lefff";

const folders: string[] = [];
function folder(): string {
  const made = mkdtempSync(path.join(tmpdir(), "lefff-cache-"));
  folders.push(made);
  return made;
}
afterEach(() => {
  for (const made of folders.splice(0)) rmSync(made, { recursive: true, force: true });
});

/** A small table in the loader's shape, with forms outside Latin-1 (œ) and an odd-length header. */
function table(): LefffTable {
  const forms = ["cœur", "maison", "peu à peu", "été"];
  const readings = ["1\u00010", "2\u00011\nmaisonner", "3\u00012", "4\u00013\nêtre"];
  const starts = (parts: string[]) => Int32Array.from([0, ...parts.map((_, index) => parts.slice(0, index + 1).join("").length)]);
  return {
    forms: { keys: forms.join(""), keyStarts: starts(forms), values: readings.join(""), valueStarts: starts(readings) },
    categories: ["nc", "v", "adv", "adj"],
    morphologies: ["", "ms", "P3s", "Kms"],
    respelled: new Map([["coeur", ["cœur"]]]),
    multiWord: ["peu à peu"],
  };
}

describe("the Lefff's cache on disk", () => {
  it("reads back exactly the table written", () => {
    const file = path.join(folder(), "lefff.bin");
    expect(writeLefffCache(file, table())).toBe(true);
    expect(readLefffCache(file)).toEqual(table());
  });

  it("ignores a missing or damaged file", () => {
    const file = path.join(folder(), "lefff.bin");
    expect(readLefffCache(file)).toBeUndefined();
    writeLefffCache(file, table());
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length - 3));
    expect(readLefffCache(file)).toBeUndefined();
    writeFileSync(file, Buffer.from("not a cache"));
    expect(readLefffCache(file)).toBeUndefined();
  });

  it("names the file after the source, so that a changed source is parsed again", () => {
    const made = folder();
    const source = path.join(made, "lefff.mlex");
    writeFileSync(source, "maison\tnc\tmaison\tfs\n");
    const before = lefffCacheFile(made, source);
    utimesSync(source, new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(lefffCacheFile(made, source)).not.toBe(before);
  });

  it("gives up quietly where the folder cannot be written", () => {
    const blocker = path.join(folder(), "a-file");
    writeFileSync(blocker, "");
    expect(writeLefffCache(path.join(blocker, "lefff.bin"), table())).toBe(false);
  });
});
