// A chunk stopped by a Gemini refusal (OCR of a scanned page answered with a
// SAFETY finish) is not tried again: the refusal comes back the same on
// every attempt and each is billed. It fails for good at once with the
// refusal's sentence, its pages are refunded, and the refused request is
// recorded. The real @google/genai client against the fake Gemini server.
import { PDFDocument, rgb } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engineErrorSentences } from "@/lib/engines/engine-error";
import { loadCorpusText, makeNovelPdf } from "@/tests/fixtures/make-novel-pdf";
import { startFakeGemini, type FakeGemini } from "@/tests/support/fake-gemini-server";
import { createFundedUser, startPipeline, stopPipeline, waitForJob, type Lib } from "@/tests/support/pipeline-harness";

let lib: Lib;
let gemini: FakeGemini;
let book: Uint8Array;
const scannedPage = 3;

/** The book with one page replaced by a page without a text layer, as a scan would be. */
async function blankPage(pdf: Uint8Array, page: number): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf);
  const { width, height } = document.getPage(page - 1).getSize();
  document.removePage(page - 1);
  const scan = document.insertPage(page - 1, [width, height]);
  scan.drawRectangle({ x: 40, y: 40, width: width - 80, height: height - 80, color: rgb(0.9, 0.9, 0.88) });
  return document.save();
}

beforeAll(async () => {
  gemini = await startFakeGemini({ latencyMs: 20, scans: { [scannedPage]: "Le vieux médecin entra sans frapper." } });
  lib = await startPipeline({
    GEMINI_API_KEY: "test-key",
    GEMINI_BASE_URL: gemini.url,
    GEMINI_TIMEOUT_MS: "1500",
    GEMINI_MAX_RETRIES: "3",
    // One chunk, so the OCR request is the book's first.
    CHUNK_PAGES: "10",
    CHUNK_RETRY_LIMIT: "2",
  });
  book = await blankPage(
    await makeNovelPdf({
      text: loadCorpusText("hugo_les-miserables-t1-fantine_pg17489.txt", { words: 2000, startAt: "En 1815" }),
      title: "Les Misérables",
      pages: 5,
    }),
    scannedPage,
  );
});

afterAll(async () => {
  if (lib) await stopPipeline(lib);
  await gemini?.close();
});

describe("a chunk Gemini refuses", () => {
  it("fails for good at once, refunded, with the refused request recorded", async () => {
    // Enough refusals for every attempt the chunk could make.
    gemini.setFaults(["safety", "safety", "safety"]);
    const user = await createFundedUser(lib, 1000);
    const job = await lib.createJob({ userId: user.id, fileName: "Scanné.pdf", bytes: book, engine: "gemini" });
    const closed = await waitForJob(lib, job.id, 60_000);
    gemini.setFaults([]);

    expect(closed.status).toBe("failed");
    const [chunk] = await lib.db().chunk.findMany({ where: { jobId: job.id } });
    expect(chunk!.attempts).toBe(1);
    expect(chunk!.error).toBe(engineErrorSentences.refused);
    expect(gemini.requests.filter((request) => request.format === "ocr")).toHaveLength(1);
    const rows = await lib.db().geminiRequest.findMany({ where: { jobId: job.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ purpose: "ocr", code: "blocked" });
    expect(rows[0]!.promptTokens).toBeGreaterThan(0);
    expect(closed.creditsCharged).toBe(0);
    expect(closed.creditsRefunded).toBe(closed.creditsReserved);
  });
});
