// The command line's JSON and CSV are the API's exports: the same columns
// (kind, part/parts, method included), the same cells, the same bytes.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exportColumns } from "@/lib/exports/export-columns";
import type { ExportSentence } from "@/lib/exports/iterate-sentences";
import { csvFormat, jsonFormat } from "@/lib/exports/text-formats";
import { novelOutput, writeNovelOutput } from "@/scripts/run-novel";
import { parseDelimited } from "./parse-delimited";

const rows: ExportSentence[] = [
  { position: 1, text: "Première partie", original: "Première partie", page: 3, wordCount: 2, kind: "heading", part: 1, parts: 1, method: "kept", rewrittenBy: null },
  { position: 2, text: "Emma rêvait.", original: "Emma rêvait.", page: 3, wordCount: 2, kind: "sentence", part: 1, parts: 1, method: "kept", rewrittenBy: null },
  {
    position: 3,
    text: "Charles, « ce bon Charles »,",
    original: "Charles, « ce bon Charles », ne voyait rien\nde ce qui se passait.",
    page: 4,
    wordCount: 5,
    kind: "sentence",
    part: 1,
    parts: 2,
    method: "split", rewrittenBy: null,
  },
  { position: 4, text: "=ne voyait rien de ce qui se passait.", original: "x", page: 4, wordCount: 8, kind: "sentence", part: 2, parts: 2, method: "split", rewrittenBy: null },
];

// What the API's export streams for the same rows: head, one batch, tail.
function apiExport(format: typeof csvFormat): string {
  return format.head + format.encode(rows, true) + format.tail;
}

describe("npm run novel output", () => {
  it("writes the API's CSV: header, columns and cells", () => {
    const csv = novelOutput(rows, "csv");
    expect(csv).toBe(apiExport(csvFormat));
    const [header, ...records] = parseDelimited(csv, { bom: true }) as string[][];
    expect(header).toEqual([...exportColumns]);
    expect(header).toEqual(expect.arrayContaining(["kind", "part", "parts", "method"]));
    expect(records).toHaveLength(rows.length);
    expect(records[0]).toEqual(["1", "Première partie", "Première partie", "3", "2", "heading", "1", "1", "kept", ""]);
    expect(records[2]!.slice(5)).toEqual(["sentence", "1", "2", "split", ""]);
    expect(records[2]![2]).toBe(rows[2]!.original);
    expect(records[3]![1]).toBe("'=ne voyait rien de ce qui se passait.");
  });

  it("writes the API's JSON: one object per row with the export's keys", () => {
    const json = novelOutput(rows, "json");
    expect(json).toBe(apiExport(jsonFormat));
    const parsed = JSON.parse(json) as Record<string, unknown>[];
    expect(parsed.map((row) => Object.keys(row))).toEqual(rows.map(() => [...exportColumns]));
    expect(parsed[2]).toEqual({
      position: 3,
      text: rows[2]!.text,
      original: rows[2]!.original,
      page: 4,
      words: 5,
      kind: "sentence",
      part: 1,
      parts: 2,
      method: "split", rewrittenBy: "",
    });
  });

  it("writes an empty array or a header alone when no row is left (rows=kept on a book with none)", () => {
    expect(JSON.parse(novelOutput([], "json"))).toEqual([]);
    expect(parseDelimited(novelOutput([], "csv"), { bom: true })).toEqual([[...exportColumns]]);
  });

  it("writes the same bytes a batch at a time as all the rows at once", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "novel-output-"));
    async function* batches() {
      yield rows.slice(0, 1);
      yield rows.slice(1, 3);
      yield rows.slice(3);
    }
    try {
      for (const format of ["csv", "json"] as const) {
        for (const book of ["pdf", "epub"] as const) {
          const file = path.join(dir, `out.${format}`);
          expect(await writeNovelOutput(file, batches(), format, book)).toBe(rows.length);
          expect(readFileSync(file, "utf8")).toBe(novelOutput(rows, format, book));
          expect(await writeNovelOutput(file, (async function* () {})(), format, book)).toBe(0);
          expect(readFileSync(file, "utf8")).toBe(novelOutput([], format, book));
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
