// The upload inspection thread's time limit: past it the thread is
// terminated and the upload gets 422 "could not be read in time"; the next
// inspection starts a new thread instead of waiting on the dead one.
import { beforeAll, describe, expect, it } from "vitest";
import { errorStatus } from "@/lib/errors";
import { loadCorpusText, makeNovelPdf } from "@/tests/fixtures/make-novel-pdf";

let pdf: Uint8Array;

beforeAll(async () => {
  // Read once by env(): far below any real inspection.
  process.env.PDF_PARSE_TIMEOUT_MS = "1";
  pdf = await makeNovelPdf({ text: loadCorpusText("bovary", { words: 3000 }), pages: 5, title: "Bovary" });
});

describe("inspectPdfSafely", () => {
  it("answers 422 'could not be read in time' past the time limit, and recovers", async () => {
    const { inspectPdfSafely } = await import("@/lib/pdf/inspect-pdf-safely");
    for (let attempt = 0; attempt < 2; attempt++) {
      const started = Date.now();
      const error = await inspectPdfSafely(pdf, { maxBytes: 50 * 2 ** 20, maxPages: 1000 }).catch((caught) => caught);
      expect(error.code).toBe("pdf_timeout");
      expect(errorStatus[error.code as keyof typeof errorStatus]).toBe(422);
      expect(error.message).toMatch(/could not be read in time/);
      expect(Date.now() - started).toBeLessThan(30_000);
    }
  });
});
