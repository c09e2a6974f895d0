import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GeminiCallError } from "@/lib/engines/gemini-call";
import { createGeminiOcr } from "@/lib/engines/gemini-ocr";
import { batchSentences, type GeminiRewriterOptions } from "@/lib/engines/gemini-rewriter";
import { createLocalRewriter } from "@/lib/engines/local-rewriter";
import { estimateTokens, maxOutputTokensFor } from "@/lib/engines/rewrite-prompt";
import type {
  RewriteFailureReason,
  RewriteInput,
  RewriteSentence,
} from "@/lib/engines/rewrite-types";
import { closedListViolations } from "@/lib/rewriting/closed-lists";
import { rewriteLocally } from "@/lib/rewriting/rewrite-locally";
import { countWords } from "@/lib/text/count-words";
import { buildNovelPdf, corpusMissing, loadCorpusText } from "@/tests/fixtures/make-novel-pdf";
import {
  startFakeGemini,
  type FakeGemini,
  type SentenceSabotage,
} from "@/tests/support/fake-gemini-server";
import { longBovarySentences, rewriterAgainstFake } from "@/tests/support/gemini-rewriter-under-test";

const maxWords = 8;

describe.skipIf(corpusMissing())("Gemini rewriter against the fake Gemini server", () => {
  let fake: FakeGemini;
  let sentences: RewriteSentence[];

  // One batch at a time unless a test says otherwise, so request order is the batches' order.
  const rewriter = (options: Partial<GeminiRewriterOptions> = {}) => rewriterAgainstFake(fake, options);
  const input = (overrides: Partial<RewriteInput> = {}): RewriteInput => ({
    sentences,
    maxWords,
    signal: new AbortController().signal,
    ...overrides,
  });
  const rewriteRequests = (from: number) =>
    fake.requests.slice(from).filter((request) => request.format === "rewrite");

  beforeAll(async () => {
    fake = await startFakeGemini({ apiKey: "test-key", retryDelayMs: 20 });
    // The long sentences of Madame Bovary's first pages: what the pipeline sends.
    sentences = longBovarySentences({ words: 2500, count: 40, maxWords });
  });
  afterEach(() => {
    fake.setFaults([]);
    fake.setSabotage(undefined);
    fake.setLatency(0);
  });
  afterAll(async () => {
    await fake.close();
  });

  it("rewrites in budget-sized batches, with the wire format of the contract", async () => {
    const start = fake.calls;
    const result = await rewriter().rewrite(input());
    const requests = rewriteRequests(start);
    const batches = batchSentences(sentences, 600);
    expect(batches.length).toBeGreaterThan(2);
    expect(requests.map((request) => request.ids)).toEqual(
      batches.map((batch) => batch.map((sentence) => sentence.id)),
    );
    for (const batch of batches) {
      const size = batch.reduce((sum, sentence) => sum + estimateTokens(sentence.text), 0);
      expect(batch.length === 1 || size <= 600).toBe(true);
    }
    expect(requests[0]).toMatchObject({
      apiVersion: "v1beta",
      model: "gemini-2.5-flash",
      maxWords,
      generationConfig: {
        temperature: 0,
        maxOutputTokens: maxOutputTokensFor(batches[0]!),
        responseMimeType: "application/json",
        responseSchema: { properties: { rewrites: { type: "ARRAY" } } },
      },
    });
    expect(requests[0]!.systemInstruction).toMatch(/Keep the author's own words/u);

    expect([...result.outcomes.keys()].sort()).toEqual(sentences.map((s) => s.id).sort());
    for (const sentence of sentences) {
      const outcome = result.outcomes.get(sentence.id)!;
      expect(outcome.method).toBe("rewritten");
      expect(outcome.fallbackReason).toBeUndefined();
      for (const piece of outcome.pieces) expect(countWords(piece)).toBeLessThanOrEqual(maxWords);
    }
    expect(result.usage.requests).toBe(batches.length);
    expect(result.usage.promptTokens).toBe(requests.reduce((sum, r) => sum + r.promptTokens, 0));
    expect(result.usage.outputTokens).toBe(requests.reduce((sum, r) => sum + r.outputTokens, 0));
    expect(result.usage.records).toHaveLength(batches.length);
    expect(result.usage.records.every((record) => record.purpose === "rewrite")).toBe(true);
  });

  it("falls back to the offline engine's rewrite, with the right reason, for every sabotaged sentence", async () => {
    const expected: Record<SentenceSabotage, RewriteFailureReason | "rewritten"> = {
      omit: "missing",
      unknown_id: "rewritten",
      duplicate: "duplicate",
      invent: "invented",
      swap_name: "invented",
      change_number: "invented",
      drop_half: "content_lost",
      drop_negation: "negation_dropped",
      overlong: "too_long",
    };
    const negative = sentences.find((s) =>
      /\bn['e]\s?\S*\s(pas|jamais|guère)\b|\bne \S+ pas\b/u.test(s.text),
    )!;
    const positive = sentences.filter(
      (s) => s !== negative && !/\b(ne|n'|pas|jamais|rien|plus|personne)\b/u.test(s.text),
    );
    const byId: Record<string, SentenceSabotage> = {
      [negative.id]: "drop_negation",
    };
    const kinds = Object.keys(expected).filter(
      (kind) => kind !== "drop_negation",
    ) as SentenceSabotage[];
    kinds.forEach((kind, index) => (byId[positive[index]!.id] = kind));
    fake.setSabotage({ byId });

    const start = fake.calls;
    const result = await rewriter().rewrite(input());

    for (const sentence of sentences) {
      const outcome = result.outcomes.get(sentence.id)!;
      const kind = byId[sentence.id];
      const want = kind ? expected[kind] : "rewritten";
      if (want === "rewritten") {
        expect(outcome, `${sentence.id} (${kind ?? "good"})`).toMatchObject({
          method: "rewritten",
        });
      } else {
        const local = rewriteLocally(sentence.text, maxWords);
        expect(outcome, `${sentence.id} (${kind})`).toEqual({ method: local.method, fallbackReason: want, pieces: local.pieces });
        // The fallback loses no word of the book but for the closed lists.
        expect(closedListViolations(sentence.text, outcome.pieces, local.respelled)).toEqual({ added: [], dropped: [] });
      }
      for (const piece of outcome.pieces) expect(countWords(piece)).toBeLessThanOrEqual(maxWords);
    }
    const applied = Object.assign({}, ...rewriteRequests(start).map((r) => r.sabotaged ?? {}));
    expect(applied).toEqual(byId);
    // Nothing the saboteur invented survives.
    const everything = [...result.outcomes.values()].flatMap((outcome) => outcome.pieces).join(" ");
    expect(everything).not.toMatch(/Nemo|Gontran|douze|inconnu/u);

    // Each failed id was asked exactly twice, the second time with its problem; good ids once.
    const requests = rewriteRequests(start);
    const asked = requests.flatMap((request) => request.ids ?? []);
    const failed = sentences.filter((s) => byId[s.id] && expected[byId[s.id]!] !== "rewritten");
    for (const sentence of sentences) {
      expect(asked.filter((id) => id === sentence.id)).toHaveLength(
        failed.includes(sentence) ? 2 : 1,
      );
    }
    const again = requests.filter((request) => (request.problemIds ?? []).length > 0);
    expect(again.flatMap((request) => request.ids)).toEqual(failed.map((s) => s.id));
    expect(again.flatMap((request) => request.problemIds)).toEqual(failed.map((s) => s.id));
    expect(result.usage.records.filter((r) => r.purpose === "rewrite-again")).toHaveLength(
      again.length,
    );
  });

  it("accepts a sentence whose second answer is good", async () => {
    const [first, second] = sentences;
    fake.setSabotage({
      byId: {
        [first!.id]: { kind: "invent", times: 1 },
        [second!.id]: { kind: "omit", times: 1 },
      },
    });
    const start = fake.calls;
    const result = await rewriter().rewrite(input());
    expect(result.outcomes.get(first!.id)).toMatchObject({
      method: "rewritten",
    });
    expect(result.outcomes.get(second!.id)).toMatchObject({
      method: "rewritten",
    });
    expect(result.outcomes.get(first!.id)!.pieces.join(" ")).not.toMatch(/Nemo/u);
    expect(rewriteRequests(start).at(-1)!.ids).toEqual([first!.id, second!.id]);
  });

  it("sabotages by marker word and at a seeded rate, and still returns every id within the limit", async () => {
    fake.setSabotage({ byWord: { proviseur: "swap_name" }, rate: 0.3 });
    const result = await rewriter().rewrite(input());
    const marked = sentences.filter((s) => /\bproviseur\b/iu.test(s.text));
    expect(marked.length).toBeGreaterThan(0);
    for (const sentence of marked) {
      expect(result.outcomes.get(sentence.id)).toMatchObject({
        method: "split",
      });
    }
    expect(result.outcomes.size).toBe(sentences.length);
    const methods = [...result.outcomes.values()].map((outcome) => outcome.method);
    expect(methods).toContain("rewritten");
    for (const outcome of result.outcomes.values()) {
      for (const piece of outcome.pieces) expect(countWords(piece)).toBeLessThanOrEqual(maxWords);
    }
  });

  it.each(["429", "500"] as const)(
    "recovers from a %s in the middle of the batches",
    async (fault) => {
      fake.setFaults(["none", { kind: fault, retryDelayMs: 50 }]);
      const retries: string[] = [];
      const start = fake.calls;
      const result = await rewriter({
        onRetry: (event) => retries.push(event.reason),
      }).rewrite(input());
      expect(fake.requests[start + 1]!.fault).toBe(fault);
      expect(retries).toHaveLength(1);
      expect([...result.outcomes.values()].every((outcome) => outcome.method === "rewritten")).toBe(
        true,
      );
      expect(result.usage.requests).toBe(batchSentences(sentences, 600).length + 1);
      expect(result.usage.records[1]!.failure).toMatch(new RegExp(fault, "u"));
    },
  );

  it("asks up to GEMINI_BATCHES_IN_FLIGHT batches at once and returns what one at a time returns", async () => {
    fake.setLatency(150);
    // Spoilt by id, so the same sentences are refused whatever order the batches go in.
    const sabotage = { byId: { s2: "overlong", s9: { kind: "drop_half", times: 1 }, s17: "invent" } } as const;
    fake.setSabotage(sabotage);
    const batches = batchSentences(sentences, 600);
    expect(batches.length).toBeGreaterThan(3);

    fake.takeMostInFlight();
    const oneAtATime = await rewriter().rewrite(input());
    expect(fake.takeMostInFlight()).toBe(1);
    fake.setSabotage(sabotage);
    const start = fake.calls;
    const threeAtATime = await rewriter({ batchesInFlight: 3 }).rewrite(input());
    expect(fake.takeMostInFlight()).toBe(3);

    // Every batch sent once, then the refused sentences asked again.
    const sent = rewriteRequests(start);
    expect(sent.filter((request) => request.problemIds?.length === 0).map((request) => request.ids).sort()).toEqual(
      batches.map((batch) => batch.map((sentence) => sentence.id)).sort(),
    );
    expect(threeAtATime.usage.requests).toBe(oneAtATime.usage.requests);
    expect(new Map([...threeAtATime.outcomes].sort())).toEqual(new Map([...oneAtATime.outcomes].sort()));
  });

  it("stops the batches in flight when one of them fails for good, and sends nothing more", async () => {
    fake.setLatency(150);
    // The first three answer; the fourth fails while the fifth and sixth are on their way.
    fake.setFaults(["none", "none", "none", "500"]);
    const start = fake.calls;
    const error = await rewriter({ maxRetries: 0, batchesInFlight: 3, batchTokens: 200 })
      .rewrite(input())
      .then(
        () => undefined,
        (reason: unknown) => reason,
      );
    expect(error).toBeInstanceOf(GeminiCallError);
    const sent = fake.calls - start;
    expect(sent).toBeLessThan(batchSentences(sentences, 200).length);
    // The error carries every request of the call, those beside the failing one included.
    const failure = error as GeminiCallError;
    expect(failure.usage.records.length).toBeGreaterThanOrEqual(sent); // And any stopped before it left.
    const answered = fake.requests.slice(start, start + 3);
    expect(failure.usage.promptTokens).toBe(answered.reduce((sum, request) => sum + request.promptTokens, 0));
    expect(failure.usage.outputTokens).toBe(answered.reduce((sum, request) => sum + request.outputTokens, 0));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(fake.calls - start).toBe(sent);
  });

  it("stops within a second when aborted between batches, and sends nothing more", async () => {
    fake.setLatency(300);
    const controller = new AbortController();
    const start = fake.calls;
    const running = rewriter().rewrite(input({ signal: controller.signal }));
    await new Promise((resolve) => setTimeout(resolve, 450));
    const aborted = performance.now();
    controller.abort();
    await expect(running).rejects.toMatchObject({ name: "AbortError" });
    expect(performance.now() - aborted).toBeLessThan(1000);
    const sent = fake.calls - start;
    expect(sent).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(fake.calls - start).toBe(sent);
  });

  it("throws a typed error carrying the tokens spent when a request fails for good", async () => {
    fake.setFaults(["none", "500", "500"]);
    const error = await rewriter({ maxRetries: 1 })
      .rewrite(input())
      .then(
        () => undefined,
        (reason: unknown) => reason,
      );
    expect(error).toBeInstanceOf(GeminiCallError);
    const failure = error as GeminiCallError;
    expect(failure.code).toBe("engine_failed");
    expect(failure.detail).toMatch(/failed 2 times in a row.*500 INTERNAL/u);
    expect(failure.usage.requests).toBe(3);
    expect(failure.usage.promptTokens).toBeGreaterThan(0);
    expect(failure.usage.records.map((record) => record.failure === undefined)).toEqual([
      true,
      false,
      false,
    ]);
  });

  it("the local rewriter rewrites every sentence within the limit without losing a content word", async () => {
    const result = await createLocalRewriter().rewrite(input());
    for (const sentence of sentences) {
      const outcome = result.outcomes.get(sentence.id)!;
      expect(["rewritten", "split"]).toContain(outcome.method);
      // Every word kept but for the closed lists (a verb the rules conjugated counts as itself).
      const { respelled } = rewriteLocally(sentence.text, maxWords);
      expect(closedListViolations(sentence.text, outcome.pieces, respelled)).toEqual({ added: [], dropped: [] });
      for (const piece of outcome.pieces) expect(countWords(piece)).toBeLessThanOrEqual(maxWords);
    }
    expect(result.usage).toMatchObject({
      promptTokens: 0,
      outputTokens: 0,
      requests: 0,
    });
  });

  describe("OCR of scanned pages", () => {
    let pdf: Uint8Array;
    beforeAll(async () => {
      const text = loadCorpusText("bovary", {
        startAt: "Nous étions",
        words: 2500,
      });
      pdf = (await buildNovelPdf({ text, pages: 4, title: "Madame Bovary" })).bytes;
    });
    const ocr = (shift?: number, url = fake.url) =>
      createGeminiOcr({
        apiKey: "test-key",
        baseUrl: url,
        defaultModel: "gemini-2.5-flash",
        timeoutMs: 10_000,
        maxRetries: 1,
        baseBackoffMs: 10,
        maxBackoffMs: 20,
        temperature: 0,
      });

    it("sends only the scanned pages and tags sentences with their book pages", async () => {
      const start = fake.calls;
      const result = await ocr()({
        pdf,
        firstPage: 41,
        pages: [44, 42],
        signal: new AbortController().signal,
      });
      const request = fake.requests[start]!;
      expect(request).toMatchObject({ format: "ocr", pages: [42, 44] });
      expect(request.pdfBytes).toBeLessThan(pdf.length);
      expect(request.promptTokens).toBeGreaterThanOrEqual(2 * 258);
      expect(result.sentences.length).toBeGreaterThan(5);
      expect(new Set(result.sentences.map((s) => s.page))).toEqual(new Set([42, 44]));
      expect(result.usage.records).toMatchObject([{ purpose: "ocr" }]);
    });

    it("fails, without clamping, when the answer names a page that was not sent", async () => {
      const shifted = await startFakeGemini({
        apiKey: "test-key",
        ocrPageShift: 50,
      });
      try {
        const error = await ocr(
          50,
          shifted.url,
        )({
          pdf,
          firstPage: 41,
          pages: [42],
          signal: new AbortController().signal,
        }).then(
          () => undefined,
          (reason: unknown) => reason,
        );
        expect(error).toBeInstanceOf(GeminiCallError);
        expect((error as GeminiCallError).detail).toMatch(/page 92 is not one of the pages sent \(42\)/u);
      } finally {
        await shifted.close();
      }
    });
  });
});
