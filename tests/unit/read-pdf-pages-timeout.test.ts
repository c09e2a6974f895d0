// The worker's chunk reading has a time limit (PDF_PARSE_TIMEOUT_MS): past
// it the thread is terminated, the chunk gets pdf_timeout, and the next read
// starts a new thread instead of waiting on the stopped one.
import { beforeAll, describe, expect, it } from "vitest";
import { makeBombPdf } from "@/tests/fixtures/make-bomb-pdfs";

beforeAll(() => {
  // Read once by env(): far below any real read.
  process.env.PDF_PARSE_TIMEOUT_MS = "1";
});

describe("readPdfPageLinesSafely", () => {
  it("answers pdf_timeout past the time limit, and again with a new thread", async () => {
    const { readPdfPageLinesSafely } = await import("@/lib/pdf/read-pdf-pages-safely");
    for (let attempt = 0; attempt < 2; attempt++) {
      const error = await readPdfPageLinesSafely(makeBombPdf("chain", 0), 1).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: "pdf_timeout", message: expect.stringMatching(/could not be read in time/) });
    }
  });
});
