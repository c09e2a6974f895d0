import { rewrittenBy } from "@/lib/jobs/rewritten-by";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { exportHref } from "@/components/jobs/export-links";
import { exportColumns, exportRecord, spreadsheetCells } from "@/lib/exports/export-columns";
import { contentDisposition, exportFileName } from "@/lib/exports/export-file-name";
import { csvFormat, encodeTextExport, jsonFormat, tsvFormat } from "@/lib/exports/text-formats";
import { exportQuery } from "@/lib/validations/job";
import { cleanFileName } from "@/lib/jobs/clean-file-name";
import { parseDelimited as parse } from "./parse-delimited";

const whole = { kind: "sentence" as const, part: 1, parts: 1, method: "kept" as const, rewrittenBy: null };
const rows = [
  {
    position: 1,
    text: "« Charles, dit-elle, où es-tu ? »",
    original: "« Charles, dit-elle, où es-tu ? »",
    page: 12,
    wordCount: 5,
    ...whole,
  },
  {
    position: 2,
    text: 'Il dit "oui", puis partit.',
    original: 'Il dit "oui", puis partit\navec elle.',
    page: 12,
    wordCount: 5,
    kind: "sentence" as const,
    part: 1,
    parts: 2,
    method: "split" as const, rewrittenBy: null,
  },
  { position: 3, text: "=SOMME(A1:A2)", original: "— Vraiment ?\tdemanda-t-elle.", page: 13, wordCount: 1, ...whole },
];
const heading = { position: 4, text: "XII", original: "XII", page: 14, wordCount: 1, kind: "heading" as const, part: 1, parts: 1, method: "kept" as const, rewrittenBy: null };

describe("export file names", () => {
  it("builds the slug from the book's name, keeping accents only in filename*", () => {
    expect(exportFileName({ fileName: "Madame Bovary.pdf", format: "csv" }).ascii).toBe(
      "madame-bovary-phrases.csv",
    );
    const names = exportFileName({ fileName: "Les Misérables — Tome I (Fantine).PDF", format: "xlsx" });
    expect(names).toEqual({
      ascii: "les-miserables-tome-i-fantine-phrases.xlsx",
      unicode: "les-misérables-tome-i-fantine-phrases.xlsx",
    });
    expect(contentDisposition(names)).toBe(
      'attachment; filename="les-miserables-tome-i-fantine-phrases.xlsx"; ' +
        "filename*=UTF-8''les-mis%C3%A9rables-tome-i-fantine-phrases.xlsx",
    );
    expect(exportFileName({ fileName: "«».pdf", format: "json" }).ascii).toBe("livre-phrases.json");
    expect(exportFileName({ fileName: "Œuvres complètes.pdf", format: "tsv" }).ascii).toBe(
      "oeuvres-completes-phrases.tsv",
    );
  });

  it("names the sentences-as-written export apart: -phrases-intactes", () => {
    expect(exportFileName({ fileName: "Madame Bovary.pdf", format: "csv", rows: "kept" })).toEqual({
      ascii: "madame-bovary-phrases-intactes.csv",
      unicode: "madame-bovary-phrases-intactes.csv",
    });
    expect(exportFileName({ fileName: "Les Misérables.pdf", format: "xlsx", rows: "kept" }).unicode).toBe(
      "les-misérables-phrases-intactes.xlsx",
    );
    expect(exportFileName({ fileName: "Madame Bovary.pdf", format: "tsv", rows: "all" }).ascii).toBe(
      "madame-bovary-phrases.tsv",
    );
  });

  it("cleans uploaded names: no path, NFC accents", () => {
    expect(cleanFileName("C:\\Users\\marie\\Madame Bovary.pdf")).toBe("Madame Bovary.pdf");
    expect(cleanFileName("Mise\u0301rables.pdf")).toBe("Misérables.pdf");
    expect(cleanFileName("   ")).toBe("book.pdf");
  });
});

describe("text formats", () => {
  it("writes a CSV with BOM and header that parses back to the same French text", () => {
    const csv = csvFormat.head + csvFormat.encode(rows, true) + csvFormat.tail;
    expect(csv.startsWith("\uFEFFposition,text,original,page,words,kind,part,parts,method,rewrittenBy\r\n")).toBe(true);
    const parsed = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(parsed).toHaveLength(3);
    expect(parsed[0]).toEqual({
      position: "1",
      text: rows[0]!.text,
      original: rows[0]!.original,
      page: "12",
      words: "5",
      kind: "sentence",
      part: "1",
      parts: "1",
      method: "kept", rewrittenBy: "",
    });
    expect(parsed[1]!.original).toBe(rows[1]!.original);
    expect([parsed[1]!.part, parsed[1]!.parts, parsed[1]!.method]).toEqual(["1", "2", "split"]);
    // A cell that a spreadsheet would run as a formula is kept as text.
    expect(parsed[2]!.text).toBe("'=SOMME(A1:A2)");
  });

  it("writes Anki TSV without a header: one card per sentence piece, front, back, page, part, method; no heading", () => {
    const tsv = tsvFormat.encode([...rows, heading], true);
    const lines = tsv.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe("« Charles, dit-elle, où es-tu ? »\t« Charles, dit-elle, où es-tu ? »\t12\t1/1\tkept");
    const parsed = parse(tsv, { delimiter: "\t" }) as string[][];
    expect(parsed[1]).toEqual(['Il dit "oui", puis partit.', 'Il dit "oui", puis partit avec elle.', "12", "1/2", "split"]);
    // Spreadsheets open TSV too: the formula is kept as text there as well.
    expect(parsed[2]).toEqual(["'=SOMME(A1:A2)", "— Vraiment ? demanda-t-elle.", "13", "1/1", "kept"]);
  });

  it("keeps every formula start as readable text in CSV and TSV: = + - @ tab CR", () => {
    const risky = ["=1+1", "+33 6 12", "-2+3", "@SUM(A1)", "\t=1"].map((text, index) => ({
      position: index + 1,
      text,
      original: `${text} dit-il.`,
      page: 1,
      wordCount: 2,
      kind: "sentence" as const,
      part: 1,
      parts: 1,
      method: "rewritten" as const, rewrittenBy: "rules" as const,
    }));
    const csv = parse(csvFormat.head + csvFormat.encode(risky, true), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    const tsv = parse(tsvFormat.encode(risky, true), { delimiter: "\t" }) as string[][];
    expect(csv.map((row) => row.text)).toEqual(["'=1+1", "'+33 6 12", "'-2+3", "'@SUM(A1)", "'\t=1"]);
    const carriageReturn = { ...risky[0]!, position: 9, text: "\r=1", original: "x", wordCount: 1 };
    // Neutralized, and quoted so that the carriage return stays inside the cell.
    expect(csvFormat.encode([carriageReturn], true)).toContain(`9,"'\r=1",`);
    expect(csv.map((row) => row.original)[2]).toBe("'-2+3 dit-il.");
    // TSV turns tabs and line breaks into spaces first, which start no formula.
    expect(tsv.map((row) => row[0])).toEqual(["'=1+1", "'+33 6 12", "'-2+3", "'@SUM(A1)", " =1"]);
    // Dialogue dashes and ordinary text are left exactly as written.
    expect(parse(csvFormat.head + csvFormat.encode(rows, true), { bom: true, columns: true })[2]).toMatchObject({
      original: rows[2]!.original,
    });
  });

  it("writes one JSON array across batches", () => {
    const json =
      jsonFormat.head +
      jsonFormat.encode(rows.slice(0, 2), true) +
      jsonFormat.encode(rows.slice(2), false) +
      jsonFormat.tail;
    const parsed = JSON.parse(json);
    expect(parsed).toHaveLength(3);
    expect(parsed[0]).toEqual({
      position: 1,
      text: rows[0]!.text,
      original: rows[0]!.original,
      page: 12,
      words: 5,
      kind: "sentence",
      part: 1,
      parts: 1,
      method: "kept", rewrittenBy: "",
    });
    expect(JSON.parse(jsonFormat.head + jsonFormat.encode([heading], true) + jsonFormat.tail)[0]).toMatchObject({
      kind: "heading",
      text: "XII",
    });
    expect(JSON.parse(jsonFormat.head + jsonFormat.tail)).toEqual([]);
  });
});

describe("CSV line breaks", () => {
  it("quotes a field holding a lone carriage return, so it stays one row in a spreadsheet", () => {
    const row = { ...rows[0]!, text: "Il dit\rbonjour." };
    const csv = encodeTextExport(csvFormat, [row]);
    expect(csv).toContain('"Il dit\rbonjour."');
    expect((parse(csv, { bom: true }) as string[][])[1]![1]).toBe("Il dit\rbonjour.");
  });
});

describe("export columns", () => {
  const names = ["position", "text", "original", "page", "words", "kind", "part", "parts", "method", "rewrittenBy"];

  it("defines the columns once, in order, with kind, part/parts, method and who rewrote it", () => {
    expect(exportColumns).toEqual(names);
    expect(exportRecord(rows[1]!)).toEqual({
      position: 2,
      text: rows[1]!.text,
      original: rows[1]!.original,
      page: 12,
      words: 5,
      kind: "sentence",
      part: 1,
      parts: 2,
      method: "split", rewrittenBy: "",
    });
    expect(Object.keys(exportRecord(heading))).toEqual(names);
    // A rewritten row says who wrote it.
    expect(exportRecord({ ...rows[1]!, method: "rewritten", rewrittenBy: "rules" }).rewrittenBy).toBe("rules");
    expect(exportRecord({ ...rows[1]!, method: "rewritten", rewrittenBy: "model" }).rewrittenBy).toBe("model");
  });

  it("tells the rules' rewrites from the model's by what each original records", () => {
    expect(rewrittenBy({ method: "rewritten", model: null, fallbackReason: null })).toBe("rules");
    expect(rewrittenBy({ method: "rewritten", model: "gemini-2.5-flash", fallbackReason: null })).toBe("model");
    // The model's answers refused twice: the rules wrote it, and the reason stays.
    expect(rewrittenBy({ method: "rewritten", model: "gemini-2.5-flash", fallbackReason: "invented" })).toBe("rules");
    expect(rewrittenBy({ method: "split", model: "gemini-2.5-flash", fallbackReason: "invented" })).toBeNull();
    expect(rewrittenBy({ method: "kept", model: null, fallbackReason: null })).toBeNull();
  });

  it("gives spreadsheet cells in column order, formulas neutralized, numbers left numbers", () => {
    expect(spreadsheetCells(rows[2]!)).toEqual([
      3,
      "'=SOMME(A1:A2)",
      "— Vraiment ?\tdemanda-t-elle.",
      13,
      1,
      "sentence",
      1,
      1,
      "kept",
      "",
    ]);
  });

  it("is what the CSV header and the JSON keys are made of", () => {
    const csv = encodeTextExport(csvFormat, rows);
    expect((parse(csv, { bom: true }) as string[][])[0]).toEqual(names);
    const json = JSON.parse(encodeTextExport(jsonFormat, [...rows, heading])) as Record<string, unknown>[];
    expect(json.map((row) => Object.keys(row))).toEqual(Array(4).fill(names));
    expect(JSON.parse(encodeTextExport(jsonFormat, []))).toEqual([]);
    expect(encodeTextExport(csvFormat, [])).toBe(`\uFEFF${names.join(",")}\r\n`);
  });
});

describe("the sentences-as-written option (rows=kept)", () => {
  it("defaults to every row and accepts kept", () => {
    // The teacher's corrections are exported unless the engine's version is asked for.
    expect(exportQuery.parse({})).toEqual({ format: "csv", rows: "all", source: "corrected" });
    expect(exportQuery.parse({ format: "json", rows: "" })).toEqual({ format: "json", rows: "all", source: "corrected" });
    expect(exportQuery.parse({ format: "xlsx", rows: "kept", source: "engine" })).toEqual({ format: "xlsx", rows: "kept", source: "engine" });
  });

  it("refuses any other value with a message naming the choices", () => {
    for (const rows of ["KEPT", "split", "true", "whole"]) {
      const result = exportQuery.safeParse({ format: "csv", rows });
      expect(result.success, rows).toBe(false);
      expect(result.error).toBeInstanceOf(ZodError);
      expect(result.error!.issues[0]!.message).toBe(
        "rows is all (every sentence) or kept (only the sentences kept as the author wrote them).",
      );
    }
  });

  it("is added to the download links only when chosen", () => {
    expect(exportHref("job 1", "csv")).toBe("/api/jobs/job%201/export?format=csv");
    expect(exportHref("abc", "tsv", "all")).toBe("/api/jobs/abc/export?format=tsv");
    expect(exportHref("abc", "xlsx", "kept")).toBe("/api/jobs/abc/export?format=xlsx&rows=kept");
  });
});
