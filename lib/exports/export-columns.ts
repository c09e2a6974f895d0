// The one definition of an exported row's columns, in order, for every
// format that has columns: the CSV header and cells, the XLSX sheet, the JSON
// objects and the command line's JSON and CSV (scripts/run-novel.ts) all read
// this list, so a column added here appears everywhere at once.
import type { ExportSentence } from "@/lib/exports/iterate-sentences";
import { neutralizeFormula } from "@/lib/exports/neutralize-formula";
import type { BookFormat } from "@/lib/generated/prisma/enums";

export interface ExportRecord {
  position: number;
  text: string;
  original: string;
  page: number;
  words: number;
  /** "heading" rows are section breaks ("Première partie", "XII"); a filter drops them. */
  kind: ExportSentence["kind"];
  /** Place among the pieces of one original sentence (1 of 1: the sentence is whole). */
  part: number;
  parts: number;
  /** kept (as printed), rewritten, split (locally) or ocr (read from a scanned page). */
  method: ExportSentence["method"];
  /** For a rewritten sentence, "rules" (the offline engine) or "model" (Gemini); empty otherwise. */
  rewrittenBy: string;
}

export type ExportColumn = keyof ExportRecord;

interface ColumnDefinition {
  name: ExportColumn;
  /** Column width in an XLSX sheet, in characters. */
  width: number;
  value(row: ExportSentence): ExportRecord[ExportColumn];
}

export const exportColumnDefinitions: readonly ColumnDefinition[] = [
  { name: "position", width: 10, value: (row) => row.position },
  { name: "text", width: 60, value: (row) => row.text },
  { name: "original", width: 80, value: (row) => row.original },
  { name: "page", width: 8, value: (row) => row.page },
  { name: "words", width: 8, value: (row) => row.wordCount },
  { name: "kind", width: 10, value: (row) => row.kind },
  { name: "part", width: 6, value: (row) => row.part },
  { name: "parts", width: 6, value: (row) => row.parts },
  { name: "method", width: 10, value: (row) => row.method },
  { name: "rewrittenBy", width: 12, value: (row) => row.rewrittenBy ?? "" },
];

/** The column names in order: the CSV header, the XLSX header row, the JSON keys. */
export const exportColumns: readonly ExportColumn[] = exportColumnDefinitions.map((column) => column.name);

/**
 * A column's name in a book's export: the location column says its unit,
 * `page` for a PDF and `section` (about 300 words) for an EPUB or a text file.
 */
export function exportColumnName(column: ExportColumn, format: BookFormat = "pdf"): string {
  return column === "page" && format !== "pdf" ? "section" : column;
}

/** The column names of a book's export, in order. */
export function exportColumnNames(format: BookFormat = "pdf"): string[] {
  return exportColumns.map((column) => exportColumnName(column, format));
}

/** One row as a JSON object, keys in column order (`section` instead of `page` for an EPUB or a text file). */
export function exportRecord(row: ExportSentence, format: BookFormat = "pdf"): ExportRecord {
  return Object.fromEntries(
    exportColumnDefinitions.map((column) => [exportColumnName(column.name, format), column.value(row)]),
  ) as unknown as ExportRecord;
}

/**
 * One row's cells in column order for a spreadsheet (CSV, XLSX): every
 * string is neutralized so that a sentence starting with = + - @ stays text.
 */
export function spreadsheetCells(row: ExportSentence): (string | number)[] {
  return exportColumnDefinitions.map((column) => {
    const value = column.value(row);
    return typeof value === "string" ? neutralizeFormula(value) : value;
  });
}
