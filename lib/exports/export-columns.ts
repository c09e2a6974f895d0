// The one definition of an exported row's columns, in order, for every
// format that has columns: the CSV header and cells, the XLSX sheet, the JSON
// objects and the command line's JSON and CSV (scripts/run-novel.ts) all read
// this list, so a column added here appears everywhere at once.
import type { ExportSentence } from "@/lib/exports/iterate-sentences";
import { neutralizeFormula } from "@/lib/exports/neutralize-formula";

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

/** One row as a JSON object, keys in column order. */
export function exportRecord(row: ExportSentence): ExportRecord {
  return Object.fromEntries(
    exportColumnDefinitions.map((column) => [column.name, column.value(row)]),
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
