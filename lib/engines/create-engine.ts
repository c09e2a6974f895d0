// Picks and configures an engine from the validated environment.
import { AppError } from "@/lib/errors";
import type { Env } from "@/lib/env";
import type { GeminiTokenRecord } from "@/lib/engines/gemini-call";
import { createGeminiEngine } from "@/lib/engines/gemini-engine";
import { createLocalEngine } from "@/lib/engines/local-engine";
import type { Engine, EngineName } from "@/lib/engines/types";

export function createEngine(
  name: EngineName,
  env: Env,
  hooks: { onGeminiAttempt?: (record: Readonly<GeminiTokenRecord>) => void } = {},
): Engine {
  if (name === "local") return createLocalEngine();
  if (!env.GEMINI_API_KEY) {
    throw new AppError(
      "invalid_input",
      "Gemini is not configured on this server (no GEMINI_API_KEY is set). Choose the local engine instead.",
    );
  }
  return createGeminiEngine({
    apiKey: env.GEMINI_API_KEY,
    baseUrl: env.GEMINI_BASE_URL,
    defaultModel: env.GEMINI_MODEL,
    timeoutMs: env.GEMINI_TIMEOUT_MS,
    maxRetries: env.GEMINI_MAX_RETRIES,
    onAttempt: hooks.onGeminiAttempt,
  });
}
