// An XLSX export written row by row with exceljs's streaming WorkbookWriter
// (inline strings, no shared-string table), so a 15,000-row book never
// exists as a whole workbook in memory. Cells are typed strings and numbers,
// and strings are neutralized like the CSV's (see neutralize-formula.ts).
// The columns are export-columns.ts's, like every other format's.
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { exportColumnDefinitions, exportColumnName, spreadsheetCells } from "@/lib/exports/export-columns";
import type { BookFormat } from "@/lib/generated/prisma/enums";
import { iterateSentences } from "@/lib/exports/iterate-sentences";
import { log } from "@/lib/log";
import type { ExportRows, ExportSource } from "@/lib/validations/job";

async function writeWorkbook(options: { jobId: string; rows?: ExportRows; source?: ExportSource; book?: BookFormat }, output: PassThrough): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useSharedStrings: false,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet("Phrases", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = exportColumnDefinitions.map((column) => ({
    header: exportColumnName(column.name, options.book),
    key: column.name,
    width: column.width,
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const batch of iterateSentences(options)) {
    for (const row of batch) sheet.addRow(spreadsheetCells(row)).commit();
  }
  sheet.commit();
  await workbook.commit();
}

export function xlsxExportStream(options: { jobId: string; rows?: ExportRows; source?: ExportSource; book?: BookFormat }): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  writeWorkbook(options, output).catch((error: unknown) => {
    log.error({ err: error, jobId: options.jobId }, "xlsx export failed");
    output.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}
