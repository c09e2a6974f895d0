// The text export formats. CSV opens cleanly in Excel (UTF-8 BOM, CRLF,
// quoted as needed); TSV is what Anki imports with no options: no header
// row, one card per line (front = short sentence, back = original, page,
// then "part/parts" such as 1/3 for a piece that is not a whole sentence,
// then the method); JSON is one array of objects. Every format carries each
// row's method: kept (as printed), rewritten (by the model, checked), split
// (locally) or ocr (read from a scanned page).
//
// Headings ("Première partie", "XII") stay in CSV, XLSX and JSON with kind
// "heading", so a book's structure survives the export and a spreadsheet
// filter removes them in one click; the Anki deck skips them, because a
// heading is not a sentence to learn.
//
// CSV and JSON take their columns from export-columns.ts, like the XLSX
// sheet and the command line's output.
import { stringify } from "csv-stringify/sync";
import { exportColumnNames, exportRecord, spreadsheetCells } from "@/lib/exports/export-columns";
import type { BookFormat } from "@/lib/generated/prisma/enums";
import type { ExportSentence } from "@/lib/exports/iterate-sentences";
import { neutralizeFormula } from "@/lib/exports/neutralize-formula";
import type { TextFormat } from "@/lib/exports/text-export-stream";

// A tab or a line break inside a field would split an Anki card.
function oneLine(value: string): string {
  return value.replace(/[\t\r\n]+/g, " ");
}

/** CSV for a book of this kind: its location column is `page` or `section` (export-columns.ts). */
export function csvFormatFor(book: BookFormat): TextFormat {
  return { ...csvFormat, head: `\uFEFF${exportColumnNames(book).join(",")}\r\n` };
}

export const csvFormat: TextFormat = {
  head: `\uFEFF${exportColumnNames().join(",")}\r\n`,
  // csv-stringify quotes a field with a line feed but not one with a lone
  // carriage return, which spreadsheets read as the start of a new row.
  encode: (rows) => stringify(rows.map(spreadsheetCells), { record_delimiter: "windows", quoted_match: /[\r\n]/ }),
  tail: "",
};

export const tsvFormat: TextFormat = {
  head: "",
  encode: (rows) =>
    stringify(
      rows
        .filter((row) => row.kind !== "heading")
        .map((row) => [
          neutralizeFormula(oneLine(row.text)),
          neutralizeFormula(oneLine(row.original)),
          row.page,
          `${row.part}/${row.parts}`,
          row.method,
        ]),
      { delimiter: "\t", record_delimiter: "unix" },
    ),
  tail: "",
};

/** JSON for a book of this kind: its location key is `page` or `section` (export-columns.ts). */
export function jsonFormatFor(book: BookFormat): TextFormat {
  const jsonRow = (row: ExportSentence) => JSON.stringify(exportRecord(row, book));
  return {
    head: "[",
    encode: (rows, first) => (first ? "\n" : ",\n") + rows.map(jsonRow).join(",\n"),
    tail: "\n]\n",
  };
}

export const jsonFormat: TextFormat = jsonFormatFor("pdf");

/** A whole text export of rows already in memory (the command line's output): head, the rows, tail. */
export function encodeTextExport(format: TextFormat, rows: readonly ExportSentence[]): string {
  return format.head + (rows.length > 0 ? format.encode([...rows], true) : "") + format.tail;
}
