// A user's uploads still being read count against the start limits
// (MAX_RUNNING_JOBS_PER_USER, JOB_CREATE_PER_MINUTE) before the next PDF is
// read: before, every parallel upload passed the cheap check with nothing
// running yet, was inspected, and was refused only afterwards.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inspectionsInFlight } from "@/lib/pdf/inspect-pdf-safely";
import { loadCorpusText, makeNovelPdf } from "@/tests/fixtures/make-novel-pdf";
import { createFundedUser, startPipeline, stopPipeline, type Lib } from "@/tests/support/pipeline-harness";

let lib: Lib;
let book: Uint8Array;

beforeAll(async () => {
  lib = await startPipeline({ MAX_RUNNING_JOBS_PER_USER: "1" }, { worker: false });
  book = await makeNovelPdf({ text: loadCorpusText("bovary", { words: 40_000 }), pages: 100, title: "Long" });
}, 120_000);

afterAll(async () => {
  if (lib) await stopPipeline(lib);
});

describe("starting a book while another upload is being read", () => {
  it("is refused with 429 before its PDF is read", async () => {
    const user = await createFundedUser(lib, 10_000);
    const first = lib.createJob({ userId: user.id, fileName: "Long.pdf", bytes: book });
    // Wait (without a clock) until the first upload is in the inspection queue.
    const deadline = Date.now() + 20_000;
    while (inspectionsInFlight(user.id) === 0) {
      if (Date.now() > deadline) throw new Error("the first upload was never counted as in flight");
      await new Promise((resolve) => setImmediate(resolve));
    }
    // Not a PDF: were it read, the answer would be 422 pdf_invalid.
    const notPdf = new TextEncoder().encode("%PDF-1.7 not really");
    const second = await lib
      .createJob({ userId: user.id, fileName: "Second.pdf", bytes: notPdf })
      .catch((error: { code: string; message: string }) => error);
    expect(second).toMatchObject({ code: "rate_limited", message: expect.stringMatching(/1 being uploaded/) });
    const job = await first;
    expect(job.pageCount).toBe(100);
  });
});
