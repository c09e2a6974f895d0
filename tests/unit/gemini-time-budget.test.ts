import { describe, expect, it } from "vitest";
import { chunkExpireSecondsFor, geminiRequestBudgetMs, geminiRequestsPerChunk } from "@/lib/engines/gemini-time-budget";
import { parseEnv } from "@/lib/env";

const withGemini = { GEMINI_API_KEY: "key" };

describe("the chunk time limit and the Gemini retry budget", () => {
  it("derives the chunk limit from every request of a chunk using its whole retry budget", () => {
    const config = parseEnv(withGemini);
    // 5 attempts × 120 s + 4 waits of at most 30 s.
    expect(geminiRequestBudgetMs(config)).toBe(720_000);
    // 20 pages × 600 tokens in 4,000-token batches: 3 batches, 3 asked again, 1 OCR request.
    expect(geminiRequestsPerChunk(config)).toBe(7);
    expect(config.CHUNK_EXPIRE_SECONDS).toBe(7 * 720 + 60);
    expect(config.CHUNK_EXPIRE_SECONDS * 1000).toBeGreaterThan(
      geminiRequestsPerChunk(config) * geminiRequestBudgetMs(config),
    );

    const small = parseEnv({ ...withGemini, GEMINI_TIMEOUT_MS: "1500", GEMINI_MAX_RETRIES: "1", CHUNK_PAGES: "5" });
    expect(small.CHUNK_EXPIRE_SECONDS).toBe(chunkExpireSecondsFor(small));
    expect(small.CHUNK_EXPIRE_SECONDS).toBe(Math.ceil((3 * (2 * 1500 + 30_000)) / 1000 + 60));
  });

  it("keeps 300 s without Gemini, and an explicit limit that covers a chunk's whole budget", () => {
    expect(parseEnv({}).CHUNK_EXPIRE_SECONDS).toBe(300);
    expect(parseEnv({ CHUNK_EXPIRE_SECONDS: "900" }).CHUNK_EXPIRE_SECONDS).toBe(900);
    expect(parseEnv({ ...withGemini, CHUNK_EXPIRE_SECONDS: "6000" }).CHUNK_EXPIRE_SECONDS).toBe(6000);
  });

  it("refuses a chunk limit shorter than one Gemini request's retry budget, naming it", () => {
    expect(() => parseEnv({ ...withGemini, CHUNK_EXPIRE_SECONDS: "300" })).toThrow(
      /CHUNK_EXPIRE_SECONDS: must be at least 5100 s/u,
    );
  });

  it("refuses a chunk limit between one request's budget and the chunk's whole budget, naming both", () => {
    // 900 s covers one request (720 s) but not the chunk's seven one after another (5,100 s).
    expect(() => parseEnv({ ...withGemini, CHUNK_EXPIRE_SECONDS: "900" })).toThrow(
      /CHUNK_EXPIRE_SECONDS: must be at least 5100 s, a chunk's whole Gemini budget \(7 requests one after another, each up to 720 s/u,
    );
    expect(() => parseEnv({ ...withGemini, CHUNK_EXPIRE_SECONDS: "5099" })).toThrow(/CHUNK_EXPIRE_SECONDS/u);
    expect(parseEnv({ ...withGemini, CHUNK_EXPIRE_SECONDS: "5100" }).CHUNK_EXPIRE_SECONDS).toBe(5100);
  });
});

describe("the Gemini model list", () => {
  it("has a sensible default, and the default model is its first", () => {
    const config = parseEnv({});
    expect(config.GEMINI_MODELS).toEqual([
      { name: "gemini-2.5-flash", creditsPerPage: 3 },
      { name: "gemini-2.5-pro", creditsPerPage: 10 },
    ]);
    expect(config.GEMINI_MODEL).toBe("gemini-2.5-flash");
    expect(parseEnv({ GEMINI_MODELS: "a-model:2, b-model:5" }).GEMINI_MODEL).toBe("a-model");
  });

  it("names the bad variable", () => {
    expect(() => parseEnv({ GEMINI_MODELS: "gemini-2.5-flash" })).toThrow(/GEMINI_MODELS: "gemini-2.5-flash" is not model:credits/u);
    expect(() => parseEnv({ GEMINI_MODELS: "a:1,a:2" })).toThrow(/GEMINI_MODELS: a is listed twice/u);
    expect(() => parseEnv({ GEMINI_MODELS: "a:0" })).toThrow(/GEMINI_MODELS/u);
    expect(() => parseEnv({ GEMINI_MODEL: "gemini-1.0-pro" })).toThrow(
      /GEMINI_MODEL: must be one of GEMINI_MODELS \(gemini-2.5-flash, gemini-2.5-pro\)/u,
    );
  });
});
