// A text export as a web stream that pulls the next batch from the database
// only when the client has read the previous one, so a slow download never
// piles rows up in memory.
import { iterateSentences, type ExportSentence } from "@/lib/exports/iterate-sentences";
import type { ExportRows, ExportSource } from "@/lib/validations/job";

export interface TextFormat {
  /** Written before the first row (BOM, header, "["). */
  head: string;
  /** One batch of rows; `first` is true for the first batch. */
  encode(rows: ExportSentence[], first: boolean): string;
  /** Written after the last row. */
  tail: string;
}

export function textExportStream(options: {
  jobId: string;
  format: TextFormat;
  rows?: ExportRows;
  source?: ExportSource;
}): ReadableStream<Uint8Array> {
  const { format } = options;
  const encoder = new TextEncoder();
  const batches = iterateSentences({ jobId: options.jobId, rows: options.rows, source: options.source });
  let first = true;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        if (format.head) {
          controller.enqueue(encoder.encode(format.head));
          return;
        }
      }
      const next = await batches.next();
      if (next.done) {
        if (format.tail) controller.enqueue(encoder.encode(format.tail));
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(format.encode(next.value, first)));
      first = false;
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
