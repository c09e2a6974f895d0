// The Gemini engine: the chunk PDF goes inline to generateContent with a
// JSON response schema; the answer is validated, pages are clamped to the
// chunk, and anything over the word limit is split locally.
//
// Retries are ours, not the SDK's: @google/genai retries only when
// `httpOptions.retryOptions` is set, and we leave it unset so that every
// attempt is counted, logged through `onRetry`, billed in `usage`, and waits
// for the server's RetryInfo / Retry-After. Retried: 408, 429, 5xx, network
// errors, timeouts, and answers that are truncated (MAX_TOKENS), not JSON, or
// off-schema. Other 4xx fail at once. An abort stops everything immediately,
// including a backoff wait.
import { ApiError, GoogleGenAI, type GenerateContentResponse } from "@google/genai";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import {
  buildGeminiPrompt,
  geminiResponseSchema,
  parseGeminiAnswer,
  toEngineSentences,
} from "@/lib/engines/gemini-prompt";
import {
  backoffDelay,
  parseDurationMs,
  parseRetryAfterMs,
  sleep,
} from "@/lib/engines/retry-backoff";
import type {
  Engine,
  EngineInput,
  EngineResult,
  EngineSentence,
  EngineUsage,
} from "@/lib/engines/types";

export interface GeminiRetryEvent {
  /** The attempt that failed (1-based). */
  attempt: number;
  reason: string;
  delayMs: number;
}

export interface GeminiEngineOptions {
  apiKey: string;
  baseUrl?: string;
  defaultModel: string;
  /** Per attempt, from sending the request to the last byte of the answer. */
  timeoutMs: number;
  /** Retries after the first attempt. */
  maxRetries: number;
  /** Backoff cap for retry n is min(maxBackoffMs, baseBackoffMs · 2^n). */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** A server asking for a longer wait (a daily quota) fails the call at once. */
  maxServerDelayMs?: number;
  onRetry?: (event: GeminiRetryEvent) => void;
}

// The SDK's default for the Gemini Developer API is "v1" in 3.x and can be
// changed by the GOOGLE_GENAI_API_VERSION variable; pin the version every
// generateContent feature used here (inline PDF, response schema) is documented on.
const apiVersion = "v1beta";

type Attempt =
  | { ok: true; sentences: EngineSentence[] }
  | { ok: false; retryable: boolean; reason: string; serverDelayMs?: number };

interface GoogleErrorBody {
  error?: {
    code?: number;
    message?: string;
    status?: string;
    details?: Array<Record<string, unknown>>;
  };
}

function readErrorBody(error: ApiError): GoogleErrorBody["error"] {
  try {
    return (JSON.parse(error.message) as GoogleErrorBody).error;
  } catch {
    return { message: error.message };
  }
}

function retryInfoDelayMs(body: GoogleErrorBody["error"]): number | undefined {
  const info = body?.details?.find((detail) =>
    String(detail["@type"] ?? "").endsWith("google.rpc.RetryInfo"),
  );
  return parseDurationMs(info?.retryDelay);
}

function describeApiError(error: ApiError, model: string): { retryable: boolean; reason: string } {
  const body = readErrorBody(error);
  const status = error.status;
  const label = body?.status ? `${status} ${body.status}` : String(status);
  const message = (body?.message ?? "").slice(0, 300);
  if (status === 408 || status === 429 || status >= 500) {
    return { retryable: true, reason: `Gemini answered ${label}: ${message}` };
  }
  if (status === 401 || status === 403) {
    return { retryable: false, reason: `Gemini refused the API key (${label}): ${message}` };
  }
  if (status === 404) {
    return { retryable: false, reason: `Gemini has no model "${model}" (${label}): ${message}` };
  }
  if (status === 413) {
    return {
      retryable: false,
      reason: `The pages are too large for one Gemini request (${label}).`,
    };
  }
  return { retryable: false, reason: `Gemini rejected the request (${label}): ${message}` };
}

function isAbortLike(error: unknown): boolean {
  return error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError");
}

function networkReason(error: unknown): string | undefined {
  if (!(error instanceof TypeError)) return undefined;
  const cause = (error as TypeError & { cause?: { code?: string; message?: string } }).cause;
  return `network error talking to Gemini (${cause?.code ?? cause?.message ?? error.message})`;
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

function answerText(response: GenerateContentResponse): string {
  const parts = response.candidates?.[0]?.content?.parts ?? [];
  return parts
    .map((part) => (typeof part.text === "string" && !part.thought ? part.text : ""))
    .join("");
}

export function createGeminiEngine(options: GeminiEngineOptions): Engine {
  const ai = new GoogleGenAI({
    apiKey: options.apiKey,
    apiVersion,
    httpOptions: options.baseUrl ? { baseUrl: options.baseUrl } : undefined,
  });
  const backoff = { baseMs: options.baseBackoffMs ?? 1000, maxMs: options.maxBackoffMs ?? 30_000 };
  const maxServerDelayMs = options.maxServerDelayMs ?? 120_000;

  async function attempt(
    input: EngineInput,
    model: string,
    pdfBase64: string,
    usage: EngineUsage,
  ): Promise<Attempt> {
    // The SDK keeps no response headers on its errors; this sees Retry-After.
    let retryAfterMs: number | undefined;
    const recordingFetch = async (url: RequestInfo | URL, init?: RequestInit) => {
      const response = await fetch(url, init);
      retryAfterMs = parseRetryAfterMs(response.headers.get("retry-after"));
      return response;
    };
    // One listener per attempt on a child signal, so retries do not pile
    // listeners onto the caller's signal.
    const attemptAbort = new AbortController();
    const forward = () => attemptAbort.abort(input.signal.reason);
    input.signal.addEventListener("abort", forward, { once: true });
    try {
      const response = await ai.models.generateContent({
        model,
        contents: [
          {
            role: "user",
            parts: [
              { inlineData: { mimeType: "application/pdf", data: pdfBase64 } },
              { text: buildGeminiPrompt(input) },
            ],
          },
        ],
        config: {
          responseMimeType: "application/json",
          responseSchema: geminiResponseSchema,
          abortSignal: attemptAbort.signal,
          httpOptions: { timeout: options.timeoutMs, fetch: recordingFetch },
        },
      });
      const meta = response.usageMetadata;
      usage.promptTokens += meta?.promptTokenCount ?? 0;
      // Thinking tokens are billed as output.
      usage.outputTokens += (meta?.candidatesTokenCount ?? 0) + (meta?.thoughtsTokenCount ?? 0);

      const blocked = response.promptFeedback?.blockReason;
      if (blocked) {
        return { ok: false, retryable: false, reason: `Gemini refused these pages (${blocked}).` };
      }
      const candidate = response.candidates?.[0];
      if (!candidate) return { ok: false, retryable: true, reason: "Gemini returned no answer." };
      const finish = candidate.finishReason;
      if (finish === "MAX_TOKENS") {
        return {
          ok: false,
          retryable: true,
          reason: "Gemini's answer was cut off (MAX_TOKENS): too much text for one answer.",
        };
      }
      if (finish && finish !== "STOP") {
        return { ok: false, retryable: true, reason: `Gemini stopped early (${finish}).` };
      }
      const parsed = parseGeminiAnswer(answerText(response));
      if (!parsed.ok) {
        return {
          ok: false,
          retryable: true,
          reason: `Gemini's answer was unusable: ${parsed.reason}.`,
        };
      }
      return { ok: true, sentences: toEngineSentences(parsed.answer, input) };
    } catch (error) {
      if (input.signal.aborted) throw input.signal.reason;
      if (error instanceof ApiError) {
        const body = readErrorBody(error);
        const described = describeApiError(error, model);
        const asked = [retryInfoDelayMs(body), retryAfterMs].filter((ms) => ms !== undefined);
        return {
          ok: false,
          ...described,
          serverDelayMs: asked.length > 0 ? Math.max(...asked) : undefined,
        };
      }
      if (isAbortLike(error)) {
        return {
          ok: false,
          retryable: true,
          reason: `Gemini did not answer within ${formatDuration(options.timeoutMs)}.`,
        };
      }
      const network = networkReason(error);
      if (network) return { ok: false, retryable: true, reason: network };
      // An unexpected SDK error's text is for the log, not for the job's
      // error that the user reads.
      log.error({ err: error, model }, "unexpected Gemini client error");
      return { ok: false, retryable: false, reason: "Gemini call failed with an unexpected error." };
    } finally {
      input.signal.removeEventListener("abort", forward);
    }
  }

  return {
    name: "gemini",
    async process(input: EngineInput): Promise<EngineResult> {
      const model = input.model ?? options.defaultModel;
      const pdfBase64 = Buffer.from(
        input.pdf.buffer,
        input.pdf.byteOffset,
        input.pdf.byteLength,
      ).toString("base64");
      const usage: EngineUsage = { promptTokens: 0, outputTokens: 0 };
      const attempts = options.maxRetries + 1;
      let reason = "";
      for (let number = 1; number <= attempts; number++) {
        input.signal.throwIfAborted();
        const outcome = await attempt(input, model, pdfBase64, usage);
        if (outcome.ok) return { sentences: outcome.sentences, usage };
        reason = outcome.reason;
        if (!outcome.retryable) {
          throw new AppError("engine_failed", reason, { attempts: number, usage });
        }
        if (number === attempts) break;
        if (outcome.serverDelayMs !== undefined && outcome.serverDelayMs > maxServerDelayMs) {
          throw new AppError(
            "engine_failed",
            `${reason} Gemini asks to wait ${Math.ceil(outcome.serverDelayMs / 1000)} s before retrying.`,
            { attempts: number, retryAfterMs: outcome.serverDelayMs, usage },
          );
        }
        const delayMs = backoffDelay(number - 1, backoff, outcome.serverDelayMs);
        options.onRetry?.({ attempt: number, reason, delayMs });
        await sleep(delayMs, input.signal);
      }
      throw new AppError(
        "engine_failed",
        `Gemini failed ${attempts === 1 ? "once" : `${attempts} times in a row`}. Last error: ${reason}`,
        { attempts, usage },
      );
    },
  };
}
