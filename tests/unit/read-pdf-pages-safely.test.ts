// The worker's chunk reading in a thread: the same lines as reading in
// process, a bomb refused by the thread's guard, an abort honoured at once,
// and a new thread for the next chunk after each of those.
import { describe, expect, it } from "vitest";
import { readPdfPageLines } from "@/lib/pdf/read-page-lines";
import { readPdfPageLinesSafely } from "@/lib/pdf/read-pdf-pages-safely";
import { makeBombPdf } from "@/tests/fixtures/make-bomb-pdfs";
import { loadCorpusText, makeNovelPdf } from "@/tests/fixtures/make-novel-pdf";

describe("readPdfPageLinesSafely", () => {
  it("reads a chunk as reading it in process does", async () => {
    const pdf = await makeNovelPdf({ text: loadCorpusText("bovary", { words: 2000 }), pages: 4, title: "Bovary" });
    expect(await readPdfPageLinesSafely(pdf, 21)).toEqual(await readPdfPageLines(pdf, 21));
  });

  it("refuses a chunk whose streams unpack past PDF_MAX_INFLATED_MB, then reads the next", async () => {
    const error = await readPdfPageLinesSafely(makeBombPdf("lzw", 256), 1).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "pdf_invalid", message: expect.stringMatching(/unpacks to more than 200 MB/) });
    const pages = await readPdfPageLinesSafely(makeBombPdf("lzw", 0), 1);
    expect(pages.map((page) => page.lines.length)).toEqual([1, 1]);
  });

  it("stops at an abort with its reason, then reads the next chunk", async () => {
    const pdf = makeBombPdf("chain", 0);
    const controller = new AbortController();
    const reading = readPdfPageLinesSafely(pdf, 1, controller.signal);
    const reason = new Error("cancelled");
    controller.abort(reason);
    await expect(reading).rejects.toBe(reason);
    expect((await readPdfPageLinesSafely(pdf, 1)).length).toBe(2);
  });
});
