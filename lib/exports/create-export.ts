// A book's sentences as a downloadable file, streamed from the database.
import { AppError } from "@/lib/errors";
import { contentDisposition, exportFileName } from "@/lib/exports/export-file-name";
import { csvFormatFor, jsonFormatFor, tsvFormat } from "@/lib/exports/text-formats";
import { textExportStream } from "@/lib/exports/text-export-stream";
import { xlsxExportStream } from "@/lib/exports/xlsx-export-stream";
import { findAccessibleJob } from "@/lib/jobs/find-accessible-job";
import { isJobUnfinished } from "@/lib/jobs/job-states";
import type { ExportFormat, ExportRows, ExportSource } from "@/lib/validations/job";

export interface ExportFile {
  body: ReadableStream<Uint8Array>;
  fileName: string;
  contentType: string;
  contentDisposition: string;
}

const contentTypes: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  tsv: "text/tab-separated-values; charset=utf-8",
  json: "application/json; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export async function createExport(options: {
  jobId: string;
  userId: string;
  isAdmin?: boolean;
  format: ExportFormat;
  /** "kept": only the sentences as the author wrote them (see exportRows). */
  rows?: ExportRows;
  /** "corrected" (the default): the rows as the owner corrected them; "engine": as the engine made them. */
  source?: ExportSource;
}): Promise<ExportFile> {
  const { format, rows = "all", source = "corrected" } = options;
  const job = await findAccessibleJob(options);
  if (isJobUnfinished(job.status)) {
    throw new AppError("conflict", "This book is still being processed; export it once it has finished.");
  }
  const names = exportFileName({ fileName: job.fileName, format, rows, source });
  const body =
    format === "xlsx"
      ? xlsxExportStream({ jobId: job.id, rows, source, book: job.format })
      : textExportStream({
          jobId: job.id,
          format: format === "csv" ? csvFormatFor(job.format) : format === "tsv" ? tsvFormat : jsonFormatFor(job.format),
          rows,
          source,
        });
  return {
    body,
    fileName: names.unicode,
    contentType: contentTypes[format],
    contentDisposition: contentDisposition(names),
  };
}
