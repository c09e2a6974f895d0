// Today's design before text-first rewriting, kept only as the token benchmark's reference
// (bench/rewrite-tokens.ts); the product no longer uses it.
// The Gemini chunk engine: the chunk PDF goes inline to generateContent with
// a JSON response schema; the answer is validated, pages are clamped to the
// chunk, and anything over the word limit is split locally. The call itself
// (client, retries, timeouts, abort, token records) is lib/engines/gemini-call.ts.
import {
  createGeminiCaller,
  emptyGeminiUsage,
  type GeminiCallOptions,
} from "@/lib/engines/gemini-call";
import {
  buildGeminiPrompt,
  geminiResponseSchema,
  parseGeminiAnswer,
  toEngineSentences,
} from "@/bench/support/pdf-inline-prompt";
import type { Engine, EngineInput, EngineResult } from "@/tests/support/engine-contract";

export type { GeminiRetryEvent } from "@/lib/engines/gemini-call";

export interface GeminiEngineOptions extends GeminiCallOptions {
  defaultModel: string;
}

export function createGeminiEngine(options: GeminiEngineOptions): Engine {
  const callGemini = createGeminiCaller(options);
  return {
    name: "gemini",
    async process(input: EngineInput): Promise<EngineResult> {
      const pdfBase64 = Buffer.from(
        input.pdf.buffer,
        input.pdf.byteOffset,
        input.pdf.byteLength,
      ).toString("base64");
      const usage = emptyGeminiUsage();
      const sentences = await callGemini({
        model: input.model ?? options.defaultModel,
        purpose: "pages",
        subject: "these pages",
        parts: [
          { inlineData: { mimeType: "application/pdf", data: pdfBase64 } },
          { text: buildGeminiPrompt(input) },
        ],
        responseSchema: geminiResponseSchema,
        parse: (text) => {
          const parsed = parseGeminiAnswer(text);
          return parsed.ok ? { ok: true, value: toEngineSentences(parsed.value, input) } : parsed;
        },
        signal: input.signal,
        usage,
      });
      return {
        sentences,
        usage: {
          promptTokens: usage.promptTokens,
          outputTokens: usage.outputTokens,
        },
      };
    },
  };
}
