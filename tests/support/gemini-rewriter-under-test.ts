// The Gemini rewriter as the unit tests run it against the fake Gemini server
// (quick retries, one batch in flight so request order is the batches' order,
// temperature 0), and what they give it: the long sentences of Madame
// Bovary's first pages, what the pipeline sends.
import { createGeminiRewriter, type GeminiRewriterOptions } from "@/lib/engines/gemini-rewriter";
import type { RewriteSentence } from "@/lib/engines/rewrite-types";
import { countWords } from "@/lib/text/count-words";
import { segmentSentenceSpans } from "@/lib/text/segment-sentences";
import { loadCorpusText } from "@/tests/fixtures/make-novel-pdf";
import type { FakeGemini } from "@/tests/support/fake-gemini-server";

export function rewriterAgainstFake(fake: FakeGemini, options: Partial<GeminiRewriterOptions> = {}) {
  return createGeminiRewriter({
    apiKey: "test-key",
    baseUrl: fake.url,
    defaultModel: "gemini-2.5-flash",
    timeoutMs: 10_000,
    maxRetries: 3,
    baseBackoffMs: 10,
    maxBackoffMs: 40,
    batchTokens: 600,
    batchesInFlight: 1,
    temperature: 0,
    minContentShare: 0.75,
    ...options,
  });
}

/** The first `count` sentences over `maxWords` words in the `words` words from "Nous étions", with ids s1, s2… */
export function longBovarySentences({
  words,
  count,
  maxWords,
}: {
  words: number;
  count: number;
  maxWords: number;
}): RewriteSentence[] {
  return segmentSentenceSpans(loadCorpusText("bovary", { startAt: "Nous étions", words }))
    .map((span) => span.text)
    .filter((sentence) => countWords(sentence) > maxWords)
    .slice(0, count)
    .map((text, index) => ({ id: `s${index + 1}`, text }));
}
