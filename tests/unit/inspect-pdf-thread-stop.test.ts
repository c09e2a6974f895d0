// The command line ends the idle inspection thread once its book is checked
// (pdfjs stays out of its memory while the worker runs): stopping leaves a
// running inspection alone, and the next inspection starts a new thread.
import { beforeAll, describe, expect, it } from "vitest";
import { inspectPdfSafely, stopIdleInspectionThread } from "@/lib/pdf/inspect-pdf-safely";
import { loadCorpusText, makeNovelPdf } from "@/tests/fixtures/make-novel-pdf";

const limits = { maxBytes: 50 * 2 ** 20, maxPages: 1000 };
let pdf: Uint8Array;

beforeAll(async () => {
  pdf = await makeNovelPdf({ text: loadCorpusText("bovary", { words: 3000 }), pages: 5, title: "Bovary" });
}, 60_000);

describe("stopIdleInspectionThread", () => {
  it("stops the idle thread, and a later inspection starts a new one", async () => {
    const first = await inspectPdfSafely(pdf, limits);
    await stopIdleInspectionThread();
    expect(await inspectPdfSafely(pdf, limits)).toEqual(first);
    await stopIdleInspectionThread();
  }, 60_000);

  it("leaves an inspection that is running to finish", async () => {
    const running = inspectPdfSafely(pdf, limits);
    await stopIdleInspectionThread();
    expect((await running).pageCount).toBe(5);
    await stopIdleInspectionThread();
  }, 60_000);
});
