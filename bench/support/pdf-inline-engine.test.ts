import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { EngineError, engineErrorSentences } from "@/lib/engines/engine-error";
import { createGeminiEngine, type GeminiEngineOptions } from "@/bench/support/pdf-inline-engine";
import { createLocalEngine } from "@/tests/support/local-engine";
import type { EngineInput, EngineResult } from "@/tests/support/engine-contract";
import { countWords, listWords } from "@/lib/text/count-words";
import { buildNovelPdf, corpusMissing, loadCorpusText } from "@/tests/fixtures/make-novel-pdf";
import { startFakeGemini, type FakeGemini } from "@/tests/support/fake-gemini-server";

const firstPage = 41;
const lastPage = 44;
const maxWords = 8;

describe.skipIf(corpusMissing())("gemini engine against the fake Gemini server", () => {
  let fake: FakeGemini;
  let pdf: Uint8Array;
  let localWords: string[];

  const input = (overrides: Partial<EngineInput> = {}): EngineInput => ({
    pdf,
    firstPage,
    lastPage,
    ownedFirst: firstPage + 1,
    ownedLast: lastPage - 1,
    maxWords,
    signal: new AbortController().signal,
    ...overrides,
  });
  const engine = (options: Partial<GeminiEngineOptions> = {}) =>
    createGeminiEngine({
      apiKey: "test-key",
      baseUrl: fake.url,
      defaultModel: "gemini-2.5-flash",
      timeoutMs: 10_000,
      maxRetries: 3,
      baseBackoffMs: 10,
      maxBackoffMs: 40,
      ...options,
    });
  async function failure(promise: Promise<unknown>): Promise<AppError> {
    const error = await promise.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  /** Resolves once `condition` holds, checked every 10 ms (the test's own timeout bounds it). */
  async function until(condition: () => boolean): Promise<void> {
    while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
  }
  function expectWithinLimit(result: EngineResult, limit = maxWords) {
    expect(result.sentences.length).toBeGreaterThan(50);
    let previous = firstPage;
    for (const sentence of result.sentences) {
      expect(countWords(sentence.text)).toBeGreaterThan(0);
      expect(countWords(sentence.text)).toBeLessThanOrEqual(limit);
      expect(sentence.page).toBeGreaterThanOrEqual(previous);
      expect(sentence.page).toBeLessThanOrEqual(lastPage);
      previous = sentence.page;
    }
  }

  beforeAll(async () => {
    fake = await startFakeGemini({ apiKey: "test-key", retryDelayMs: 20 });
    const text = loadCorpusText("bovary", { startAt: "Nous étions", words: 2500 });
    pdf = (await buildNovelPdf({ text, pages: 4, title: "Madame Bovary" })).bytes;
    // The local pipeline on the same pages: what the fake's answers derive from.
    const local = await createLocalEngine().process(input());
    localWords = local.sentences.flatMap((sentence) => listWords(sentence.text));
  });
  afterEach(() => {
    fake.setFaults([]);
    fake.setFaultRate(0);
    fake.setLatency(0);
  });
  afterAll(async () => {
    await fake.close();
  });

  it("returns the pages' sentences, tagged with book pages, and records token usage", async () => {
    const before = fake.calls;
    const result = await engine().process(input());
    expectWithinLimit(result);
    expect(result.sentences.flatMap((sentence) => listWords(sentence.text))).toEqual(localWords);
    expect(result.sentences[0]!.page).toBe(firstPage);
    expect(result.sentences.at(-1)!.page).toBe(lastPage);
    expect(result.usage.promptTokens).toBeGreaterThanOrEqual(4 * 258);
    expect(result.usage.outputTokens).toBeGreaterThan(100);
    expect(fake.calls - before).toBe(1);
    expect(fake.requests.at(-1)).toMatchObject({
      model: "gemini-2.5-flash",
      apiVersion: "v1beta",
      firstPage,
      maxWords,
    });
  });

  it("uses the job's model when one is given", async () => {
    await engine().process(input({ model: "gemini-2.5-pro" }));
    expect(fake.requests.at(-1)!.model).toBe("gemini-2.5-pro");
  });

  it("retries a 429 after the delay the server asks for (RetryInfo)", async () => {
    fake.setFaults([{ kind: "429", retryDelayMs: 400 }]);
    const start = fake.calls;
    const result = await engine().process(input());
    expectWithinLimit(result);
    const [limited, retried] = fake.requests.slice(start);
    expect(limited!.fault).toBe("429");
    expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(390);
  });

  it("retries a 429 after its Retry-After header", async () => {
    fake.setFaults([{ kind: "429", retryAfterSeconds: 1 }]);
    const start = fake.calls;
    expectWithinLimit(await engine().process(input()));
    const [limited, retried] = fake.requests.slice(start);
    expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(990);
  });

  it.each(["500", "503", "garbage", "truncated"] as const)(
    "recovers from one %s answer",
    async (fault) => {
      fake.setFaults([fault]);
      const retries: string[] = [];
      const start = fake.calls;
      const result = await engine({ onRetry: (event) => retries.push(event.reason) }).process(
        input(),
      );
      expectWithinLimit(result);
      expect(fake.calls - start).toBe(2);
      expect(retries).toHaveLength(1);
      if (fault === "truncated") expect(retries[0]).toMatch(/MAX_TOKENS/u);
      if (fault === "garbage") expect(retries[0]).toMatch(/not valid JSON/u);
    },
  );

  it("bills the tokens of failed attempts too", async () => {
    const clean = await engine().process(input());
    fake.setFaults(["truncated"]);
    const retried = await engine().process(input());
    expect(retried.usage.promptTokens).toBe(2 * clean.usage.promptTokens);
    expect(retried.usage.outputTokens).toBeGreaterThan(clean.usage.outputTokens);
  });

  it("carries the tokens of its attempts when it fails for good", async () => {
    const clean = await engine().process(input());
    fake.setFaults(["truncated", "truncated"]);
    const error = await failure(engine({ maxRetries: 1 }).process(input()));
    expect(error).toBeInstanceOf(EngineError);
    expect(error.code).toBe("engine_failed");
    expect((error as EngineError).usage.promptTokens).toBe(2 * clean.usage.promptTokens);
    expect((error as EngineError).usage.outputTokens).toBeGreaterThan(0);
  });

  it("fails with engine_failed after retrying a persistent 500", async () => {
    fake.setFaults(["500", "500", "500", "500", "500"]);
    const start = fake.calls;
    const error = await failure(engine({ maxRetries: 3 }).process(input()));
    expect(error.code).toBe("engine_failed");
    // The user reads the sentence of the failure's kind; the diagnosis is for the log.
    expect(error.message).toBe(engineErrorSentences.unavailable);
    expect((error as EngineError).detail).toMatch(/failed 4 times in a row.*500 INTERNAL/u);
    expect(fake.calls - start).toBe(4);
  });

  it("fails at once, with the reason, on a refused API key", async () => {
    fake.setFaults(["403"]);
    const start = fake.calls;
    const refused = await failure(engine().process(input()));
    expect(refused.code).toBe("engine_failed");
    expect(refused.message).toBe(engineErrorSentences.access);
    expect((refused as EngineError).detail).toMatch(/^Gemini refused the API key \(403 PERMISSION_DENIED\)/u);
    expect(fake.calls - start).toBe(1);

    const wrongKey = await failure(engine({ apiKey: "not-the-key" }).process(input()));
    expect((wrongKey as EngineError).detail).toMatch(/400 INVALID_ARGUMENT.*API key not valid/u);
  });

  it("retries network errors, then fails with the cause", async () => {
    const gone = await startFakeGemini();
    await gone.close();
    const retries: string[] = [];
    const error = await failure(
      engine({
        baseUrl: gone.url,
        maxRetries: 1,
        onRetry: (event) => retries.push(event.reason),
      }).process(input()),
    );
    expect(error.message).toBe(engineErrorSentences.network);
    expect((error as EngineError).detail).toMatch(/failed 2 times in a row.*network error.*ECONNREFUSED/u);
    expect(retries).toHaveLength(1);
  });

  it("fails at once when the server asks to wait longer than allowed (daily quota)", async () => {
    fake.setFaults([{ kind: "429", retryDelayMs: 3_600_000 }]);
    const before = fake.calls;
    const retries: string[] = [];
    const error = await failure(
      engine({ maxServerDelayMs: 60_000, onRetry: (event) => retries.push(event.reason) }).process(input()),
    );
    expect(error.message).toBe(engineErrorSentences.quota);
    expect((error as EngineError).detail).toMatch(/wait 3600 s/u);
    expect(error.details).toMatchObject({ retryAfterMs: 3_600_000 });
    // At once: one request, no wait and no retry.
    expect(fake.calls - before).toBe(1);
    expect(retries).toEqual([]);
  });

  it("times out a request that never answers, then gives up", async () => {
    fake.setFaults(["hang", "hang"]);
    const before = fake.calls;
    const retries: string[] = [];
    const error = await failure(
      engine({ timeoutMs: 300, maxRetries: 1, onRetry: (event) => retries.push(event.reason) }).process(input()),
    );
    expect(error.message).toBe(engineErrorSentences.timeout);
    expect((error as EngineError).detail).toMatch(/did not answer within 300 ms/u);
    // Both attempts were sent and waited for: one retry, then it gave up.
    expect(fake.calls - before).toBe(2);
    expect(retries).toHaveLength(1);
  });

  it("recovers when only the first request hangs", async () => {
    fake.setFaults(["hang"]);
    expectWithinLimit(await engine({ timeoutMs: 1500 }).process(input()));
  });

  it("stops when aborted during a request", async () => {
    // The request hangs; without the abort the attempt would time out after
    // 10 s and the retry would succeed, so an answer or a second request
    // means the abort was not honoured.
    fake.setFaults(["hang"]);
    const before = fake.calls;
    const controller = new AbortController();
    const running = engine().process(input({ signal: controller.signal }));
    await until(() => fake.calls > before);
    controller.abort();
    await expect(running).rejects.toMatchObject({ name: "AbortError" });
    expect(fake.calls - before).toBe(1);
  });

  it("stops when aborted during a backoff wait", async () => {
    // The server asks for 30 s; the abort comes once the retry is scheduled,
    // and no second request follows it.
    fake.setFaults([{ kind: "429", retryDelayMs: 30_000 }]);
    const before = fake.calls;
    const controller = new AbortController();
    let waiting = false;
    const running = engine({ onRetry: () => (waiting = true) }).process(input({ signal: controller.signal }));
    await until(() => waiting);
    controller.abort();
    await expect(running).rejects.toMatchObject({ name: "AbortError" });
    expect(fake.calls - before).toBe(1);
    await expect(engine().process(input({ signal: AbortSignal.abort() }))).rejects.toMatchObject({
      name: "AbortError",
    });
  });

  it("splits locally what the model left over the limit", async () => {
    const careless = await startFakeGemini({ apiKey: "test-key", overlong: true });
    try {
      const result = await engine({ baseUrl: careless.url }).process(input({ maxWords: 5 }));
      expectWithinLimit(result, 5);
      expect(result.sentences.flatMap((sentence) => listWords(sentence.text))).toEqual(localWords);
    } finally {
      await careless.close();
    }
  });

  it("gets through a server failing half the time", async () => {
    fake.setFaultRate(0.5, ["429", "500", "503", "garbage", "truncated"]);
    const resilient = engine({ maxRetries: 8 });
    for (let run = 0; run < 4; run++) expectWithinLimit(await resilient.process(input()));
  });
});
