// Picks and configures a rewriter (and Gemini OCR) from the validated
// environment.
import type { Env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { GeminiCallOptions, GeminiTokenRecord } from "@/lib/engines/gemini-call";
import { createGeminiOcr } from "@/lib/engines/gemini-ocr";
import { createGeminiRewriter } from "@/lib/engines/gemini-rewriter";
import { createLocalRewriter } from "@/lib/engines/local-rewriter";
import type { Rewriter } from "@/lib/engines/rewrite-types";
import type { Engine } from "@/lib/generated/prisma/enums";

export interface RewriterHooks {
  /** Every Gemini request once it ended (metrics). */
  onGeminiAttempt?: (record: Readonly<GeminiTokenRecord>) => void;
}

function geminiCallOptions(env: Env, hooks: RewriterHooks): GeminiCallOptions & { apiKey: string } {
  if (!env.GEMINI_API_KEY) {
    throw new AppError(
      "invalid_input",
      "Gemini is not configured on this server (no GEMINI_API_KEY is set). Choose the local engine instead.",
    );
  }
  return {
    apiKey: env.GEMINI_API_KEY,
    baseUrl: env.GEMINI_BASE_URL,
    timeoutMs: env.GEMINI_TIMEOUT_MS,
    maxRetries: env.GEMINI_MAX_RETRIES,
    onAttempt: hooks.onGeminiAttempt,
  };
}

export function createRewriter(name: Engine, env: Env, hooks: RewriterHooks = {}): Rewriter {
  if (name === "local") return createLocalRewriter();
  return createGeminiRewriter({
    ...geminiCallOptions(env, hooks),
    defaultModel: env.GEMINI_MODEL,
    batchTokens: env.GEMINI_BATCH_TOKENS,
    batchesInFlight: env.GEMINI_BATCHES_IN_FLIGHT,
    temperature: env.GEMINI_TEMPERATURE,
    minContentShare: env.REWRITE_MIN_CONTENT_SHARE,
  });
}

/** Gemini OCR for pages without a text layer; the local engine reports them unreadable instead. */
export function createOcr(env: Env, hooks: RewriterHooks = {}): ReturnType<typeof createGeminiOcr> {
  return createGeminiOcr({
    ...geminiCallOptions(env, hooks),
    defaultModel: env.GEMINI_MODEL,
    temperature: env.GEMINI_TEMPERATURE,
  });
}
