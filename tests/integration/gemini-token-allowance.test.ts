// A Gemini book whose pages keep failing cannot run up paid calls without
// end: the tokens of failed attempts count against the book's allowance
// (GEMINI_MAX_TOKENS_PER_PAGE × pages), and past it a failing chunk stops
// for good at once instead of being tried again. The real @google/genai
// client against the fake Gemini server, which answers garbage (billed, and
// unusable) to every call.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { loadCorpusText, makeNovelPdf } from "@/tests/fixtures/make-novel-pdf";
import { startFakeGemini, type FakeGemini } from "@/tests/support/fake-gemini-server";
import {
  createFundedUser,
  ledgerSum,
  startPipeline,
  stopPipeline,
  waitForJob,
  type Lib,
} from "@/tests/support/pipeline-harness";

let lib: Lib;
let gemini: FakeGemini;
let book: Uint8Array;
const pages = 10;
const retryLimit = 2;
const maxRetries = 1;

beforeAll(async () => {
  gemini = await startFakeGemini({ latencyMs: 20 });
  lib = await startPipeline({
    GEMINI_API_KEY: "test-key",
    GEMINI_BASE_URL: gemini.url,
    GEMINI_TIMEOUT_MS: "1500",
    GEMINI_MAX_RETRIES: String(maxRetries),
    // Each garbage answer bills over 1,000 tokens: one failed attempt uses a 10-page book's allowance.
    GEMINI_MAX_TOKENS_PER_PAGE: "100",
    CHUNK_PAGES: "5",
    CHUNK_OVERLAP_PAGES: "1",
    CHUNK_WINDOW: "2",
    CHUNK_RETRY_LIMIT: String(retryLimit),
    // One request of a chunk at a time, so the calls a failing chunk makes can be counted exactly.
    GEMINI_BATCHES_IN_FLIGHT: "1",
  });
  book = await makeNovelPdf({
    text: loadCorpusText("hugo_les-miserables-t1-fantine_pg17489.txt", { words: 4000, startAt: "En 1815" }),
    title: "Les Misérables",
    pages,
  });
});

afterAll(async () => {
  if (lib) await stopPipeline(lib);
  await gemini?.close();
});

describe("the Gemini token allowance", () => {
  it("stops failing chunks once the book's tokens pass its allowance, and refunds them", async () => {
    gemini.setFaultRate(1, ["garbage"]);
    const user = await createFundedUser(lib, 1000);
    const job = await lib.createJob({ userId: user.id, fileName: "Les Misérables.pdf", bytes: book, engine: "gemini" });
    const closed = await waitForJob(lib, job.id, 60_000);

    expect(closed.status).toBe("failed");
    expect(closed.error).toMatch(/allowance of 1,000/);
    const chunks = await lib.db().chunk.findMany({ where: { jobId: job.id }, orderBy: { index: "asc" } });
    expect(chunks).toHaveLength(2);
    for (const chunk of chunks) {
      expect(chunk.status).toBe("failed");
      // Without the allowance each chunk would make 1 + CHUNK_RETRY_LIMIT attempts.
      expect(chunk.attempts).toBe(1);
      expect(chunk.error).toMatch(/Gemini tokens/);
    }
    expect(gemini.calls).toBe(chunks.length * (maxRetries + 1));
    // The failed attempts' tokens stay on the book's record; the user pays nothing for them.
    expect(closed.promptTokens + closed.outputTokens).toBeGreaterThan(pages * 100);
    expect(closed.creditsCharged).toBe(0);
    expect(closed.creditsRefunded).toBe(closed.creditsReserved);
    const balance = (await lib.db().user.findUniqueOrThrow({ where: { id: user.id } })).creditBalance;
    expect(balance).toBe(1000 + env().MONTHLY_CREDITS); // The funded 1000 and the month's grant.
    expect(await ledgerSum(lib, user.id)).toBe(balance);
  });
});
