// A batch Gemini refuses (a RECITATION or SAFETY finish) is not asked again:
// asking again bills the same refusal up to GEMINI_MAX_RETRIES + 1 times and
// then failed the whole chunk. Its sentences take the offline engine's
// rewrite with the reason "refused", the other batches keep their answers,
// and the refused answer's tokens are on the usage. The real @google/genai
// client against the fake Gemini server.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RewriteSentence } from "@/lib/engines/rewrite-types";
import { rewriteLocally } from "@/lib/rewriting/rewrite-locally";
import { corpusMissing } from "@/tests/fixtures/make-novel-pdf";
import { startFakeGemini, type FakeGemini } from "@/tests/support/fake-gemini-server";
import { longBovarySentences, rewriterAgainstFake } from "@/tests/support/gemini-rewriter-under-test";

const maxWords = 8;

describe.skipIf(corpusMissing())("a refused Gemini batch", () => {
  let fake: FakeGemini;
  let sentences: RewriteSentence[];

  const rewriter = () => rewriterAgainstFake(fake);

  beforeAll(async () => {
    fake = await startFakeGemini({ apiKey: "test-key" });
    sentences = longBovarySentences({ words: 1500, count: 20, maxWords });
  });
  afterEach(() => fake.setFaults([]));
  afterAll(async () => {
    await fake.close();
  });

  for (const [fault, finish] of [
    ["recitation", "RECITATION"],
    ["safety", "SAFETY"],
  ] as const) {
    it(`falls back to the offline rewrite for a ${finish} finish, asked once, tokens recorded`, async () => {
      const from = fake.requests.length;
      fake.setFaults([fault]); // The first batch is refused; the others answer.
      const result = await rewriter().rewrite({ sentences, maxWords, signal: new AbortController().signal });
      const requests = fake.requests.slice(from);
      const refusedIds = requests[0]!.ids!;
      expect(refusedIds.length).toBeGreaterThan(0);
      expect(requests.length).toBeGreaterThan(1);

      // Never asked again: no later request carries a refused id.
      for (const request of requests.slice(1)) {
        expect(request.ids!.some((id) => refusedIds.includes(id))).toBe(false);
      }
      for (const sentence of sentences) {
        const outcome = result.outcomes.get(sentence.id)!;
        if (refusedIds.includes(sentence.id)) {
          const local = rewriteLocally(sentence.text, maxWords);
          expect(outcome).toEqual({ pieces: local.pieces, method: local.method, fallbackReason: "refused" });
        } else {
          expect(outcome.method).toBe("rewritten");
        }
      }
      // Every request, the refused one included, is on the usage with its tokens.
      expect(result.usage.requests).toBe(requests.length);
      expect(result.usage.records[0]).toMatchObject({ code: "blocked", purpose: "rewrite" });
      expect(result.usage.records[0]!.failure).toMatch(finish);
      expect(result.usage.records[0]!.promptTokens).toBe(requests[0]!.promptTokens);
      expect(result.usage.records[0]!.outputTokens).toBeGreaterThan(0);
      expect(result.usage.promptTokens).toBe(requests.reduce((sum, r) => sum + r.promptTokens, 0));
    });
  }
});
