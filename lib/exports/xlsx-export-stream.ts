// An XLSX export written row by row with exceljs's streaming WorkbookWriter
// (inline strings, no shared-string table), so a 15,000-row book never
// exists as a whole workbook in memory. Cells are typed strings and numbers,
// and strings are neutralized like the CSV's (see neutralize-formula.ts).
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { iterateSentences } from "@/lib/exports/iterate-sentences";
import { neutralizeFormula } from "@/lib/exports/neutralize-formula";
import { log } from "@/lib/log";

async function writeWorkbook(jobId: string, output: PassThrough): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useSharedStrings: false,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet("Phrases", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: "position", key: "position", width: 10 },
    { header: "text", key: "text", width: 60 },
    { header: "original", key: "original", width: 80 },
    { header: "page", key: "page", width: 8 },
    { header: "words", key: "words", width: 8 },
    { header: "kind", key: "kind", width: 10 },
    { header: "part", key: "part", width: 6 },
    { header: "parts", key: "parts", width: 6 },
    { header: "method", key: "method", width: 10 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const batch of iterateSentences({ jobId })) {
    for (const row of batch) {
      sheet
        .addRow({
          position: row.position,
          text: neutralizeFormula(row.text),
          original: neutralizeFormula(row.original),
          page: row.page,
          words: row.wordCount,
          kind: row.kind,
          part: row.part,
          parts: row.parts,
          method: row.method,
        })
        .commit();
    }
  }
  sheet.commit();
  await workbook.commit();
}

export function xlsxExportStream(options: { jobId: string }): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  writeWorkbook(options.jobId, output).catch((error: unknown) => {
    log.error({ err: error, jobId: options.jobId }, "xlsx export failed");
    output.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}
