// The upload inspection queue is bounded: one user may have at most
// PDF_INSPECTIONS_PER_USER uploads waiting or being read (429 past it), and
// at most PDF_INSPECTION_QUEUE_MAX uploads wait in all (503 past it). Each
// waiting upload holds its bytes and delays everyone's: before, one user's
// thirty parallel slow PDFs all waited, holding about 1.5 GB.
import { beforeAll, describe, expect, it } from "vitest";
import { errorStatus } from "@/lib/errors";
import { loadCorpusText, makeNovelPdf } from "@/tests/fixtures/make-novel-pdf";

const limits = { maxBytes: 50 * 2 ** 20, maxPages: 1000 };
let pdf: Uint8Array;

beforeAll(async () => {
  // Read once by env(), on first use.
  process.env.PDF_INSPECTIONS_PER_USER = "2";
  process.env.PDF_INSPECTION_QUEUE_MAX = "3";
  pdf = await makeNovelPdf({ text: loadCorpusText("bovary", { words: 3000 }), pages: 5, title: "Court" });
}, 60_000);

const outcome = (promise: Promise<{ pageCount: number }>) =>
  promise.then(
    (info) => `read ${info.pageCount}`,
    (error) => `${errorStatus[error.code as keyof typeof errorStatus]} ${error.code}`,
  );

describe("inspectPdfSafely's queue", () => {
  it("refuses a user's third upload in flight with 429, and counts them while they are", async () => {
    const { inspectPdfSafely, inspectionsInFlight } = await import("@/lib/pdf/inspect-pdf-safely");
    const sent = [0, 1, 2].map(() => outcome(inspectPdfSafely(pdf, limits, "reader-a")));
    expect(inspectionsInFlight("reader-a")).toBe(2);
    // Another user is not affected by reader-a's uploads.
    const other = outcome(inspectPdfSafely(pdf, limits, "reader-b"));
    expect(await Promise.all([...sent, other])).toEqual(["read 5", "read 5", "429 rate_limited", "read 5"]);
    expect(inspectionsInFlight("reader-a")).toBe(0);
    // Once they are read, the user may send again.
    expect(await outcome(inspectPdfSafely(pdf, limits, "reader-a"))).toBe("read 5");
  });

  it("answers 503 once PDF_INSPECTION_QUEUE_MAX uploads are waiting", async () => {
    const { inspectPdfSafely } = await import("@/lib/pdf/inspect-pdf-safely");
    // The first is read at once, the next three wait, the fifth finds the queue full.
    const sent = [1, 2, 3, 4, 5].map((index) => outcome(inspectPdfSafely(pdf, limits, `user-${index}`)));
    expect(await Promise.all(sent)).toEqual(["read 5", "read 5", "read 5", "read 5", "503 unavailable"]);
  });
});
