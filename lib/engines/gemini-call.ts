// One generateContent call with our retries, shared by every Gemini use (the
// rewriter and OCR; the token benchmark's chunk-PDF engine too): the client
// pinned to v1beta, a timeout per attempt, the caller's AbortSignal, and
// token usage recorded for every attempt, failed ones included, since Google
// bills those too.
//
// Retries are ours, not the SDK's: @google/genai retries only when
// `httpOptions.retryOptions` is set, and we leave it unset so that every
// attempt is counted, logged through `onRetry`, billed in `usage`, and waits
// for the server's RetryInfo / Retry-After. Retried: 408, 429, 5xx, network
// errors, timeouts, and answers that are truncated (MAX_TOKENS), not JSON, or
// rejected by the caller's parser. Other 4xx fail at once, and so does a
// refusal (a blocked prompt, or a finish reason such as RECITATION or SAFETY):
// the same request is refused again, and each refusal is billed. An abort
// stops everything immediately, including a backoff wait.
import {
  ApiError,
  GoogleGenAI,
  type GenerateContentResponse,
  type Part,
  type Schema,
  type Type,
} from "@google/genai";
import { z } from "zod";
import { EngineError, type EngineErrorKind } from "@/lib/engines/engine-error";
import { geminiBackoffCapMs } from "@/lib/engines/gemini-time-budget";
import { log } from "@/lib/log";
import {
  backoffDelay,
  parseDurationMs,
  parseRetryAfterMs,
  sleep,
} from "@/lib/engines/retry-backoff";

export interface GeminiRetryEvent {
  /** The attempt that failed (1-based). */
  attempt: number;
  reason: string;
  delayMs: number;
}

export interface GeminiCallOptions {
  apiKey: string;
  baseUrl?: string;
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
  /** Every request once it ended, answered or not (metrics). */
  onAttempt?: (record: Readonly<GeminiTokenRecord>) => void;
}

/** One generateContent request as billed: part 2 stores these per job. */
export interface GeminiTokenRecord {
  /** What the request was for: "pages" (whole chunk), "rewrite", "rewrite-again", "ocr". */
  purpose: string;
  model: string;
  promptTokens: number;
  outputTokens: number;
  /** "200" for a used answer; else the HTTP status, or timeout, network, blocked, truncated, unusable, aborted, other. */
  code: string;
  /** Undefined when the answer was used; else why the attempt failed. */
  failure?: string;
}

/** Usage accumulated over the calls of one engine run. */
export interface GeminiUsage {
  promptTokens: number;
  outputTokens: number;
  requests: number;
  records: GeminiTokenRecord[];
}

export function emptyGeminiUsage(): GeminiUsage {
  return { promptTokens: 0, outputTokens: 0, requests: 0, records: [] };
}

/**
 * A Gemini request that failed for good (after the retries): it carries the
 * tokens already spent, so the caller can bill or record them. Users read
 * the sentence of its kind; `detail` (with Gemini's own text) is logged.
 */
export class GeminiCallError extends EngineError {
  declare readonly usage: GeminiUsage;
  private readonly callDetails: { attempts: number; retryAfterMs?: number };

  constructor(
    kind: EngineErrorKind,
    detail: string,
    usage: GeminiUsage,
    details: { attempts: number; retryAfterMs?: number },
  ) {
    super(kind, detail, { ...details, usage });
    this.name = "GeminiCallError";
    this.callDetails = details;
  }

  /**
   * The same failure carrying `usage`: what the whole failed step spent (its
   * other requests, those in flight beside this one, an OCR call before it),
   * so the attempt's bill and request records are complete.
   */
  withUsage(usage: GeminiUsage): GeminiCallError {
    const widened = new GeminiCallError(this.kind, this.detail, usage, this.callDetails);
    widened.stack = this.stack;
    return widened;
  }
}

export type ParsedAnswer<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface GeminiCallRequest<T> {
  model: string;
  purpose: string;
  parts: Part[];
  systemInstruction?: string;
  responseSchema: Schema;
  temperature?: number;
  maxOutputTokens?: number;
  /** What the request is about, for error messages: "these pages", "these sentences". */
  subject: string;
  /** Turns the answer's text into a value; a refusal is retried like an off-schema answer. */
  parse: (text: string) => ParsedAnswer<T>;
  signal: AbortSignal;
  /** Receives the tokens of every attempt. */
  usage: GeminiUsage;
}

export type GeminiCaller = <T>(request: GeminiCallRequest<T>) => Promise<T>;

// The SDK's default for the Gemini Developer API is "v1" in 3.x and can be
// changed by the GOOGLE_GENAI_API_VERSION variable; pin the version every
// generateContent feature used here (inline PDF, response schema, system
// instruction) is documented on.
const apiVersion = "v1beta";

// Finish reasons by which the model declines the content itself (its
// filters, or recitation of a copyrighted text): asking again gets the same.
const refusedFinishReasons = new Set([
  "SAFETY",
  "RECITATION",
  "BLOCKLIST",
  "PROHIBITED_CONTENT",
  "SPII",
  "IMAGE_SAFETY",
  "IMAGE_PROHIBITED_CONTENT",
  "IMAGE_RECITATION",
]);

type Attempt<T> =
  | { ok: true; value: T }
  | { ok: false; code: string; kind: EngineErrorKind; retryable: boolean; reason: string; serverDelayMs?: number };

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

function describeApiError(
  error: ApiError,
  model: string,
  subject: string,
): { kind: EngineErrorKind; retryable: boolean; reason: string } {
  const body = readErrorBody(error);
  const status = error.status;
  const label = body?.status ? `${status} ${body.status}` : String(status);
  const message = (body?.message ?? "").slice(0, 300);
  if (status === 408 || status === 429 || status >= 500) {
    const kind = status === 429 ? "quota" : status === 408 ? "timeout" : "unavailable";
    return { kind, retryable: true, reason: `Gemini answered ${label}: ${message}` };
  }
  if (status === 401 || status === 403) {
    return {
      kind: "access",
      retryable: false,
      reason: `Gemini refused the API key (${label}): ${message}`,
    };
  }
  if (status === 404) {
    return {
      kind: "no_model",
      retryable: false,
      reason: `Gemini has no model "${model}" (${label}): ${message}`,
    };
  }
  if (status === 413) {
    const what = subject.charAt(0).toUpperCase() + subject.slice(1);
    return {
      kind: "too_large",
      retryable: false,
      reason: `${what} are too large for one Gemini request (${label}).`,
    };
  }
  return {
    kind: "rejected",
    retryable: false,
    reason: `Gemini rejected the request (${label}): ${message}`,
  };
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

/** Structured output is bare JSON, but a fenced block costs nothing to accept. */
export function parseJsonAnswer(text: string): ParsedAnswer<unknown> {
  const bare = text.trim().replace(/^```(?:json)?\s*|\s*```$/gu, "");
  try {
    return { ok: true, value: JSON.parse(bare) };
  } catch {
    return {
      ok: false,
      reason: `the answer is not valid JSON (${bare.length} characters, starting "${bare.slice(0, 40)}")`,
    };
  }
}

interface JsonSchemaNode {
  type?: string;
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  required?: string[];
  [keyword: string]: unknown;
}

/** What zod writes that Gemini's Schema has no field for, or that means nothing here. */
function isDroppedKeyword(keyword: string, value: unknown): boolean {
  if (keyword === "$schema" || keyword === "additionalProperties") return true;
  // zod bounds every integer to the safe range; Gemini needs no such bound.
  return (keyword === "minimum" && value === Number.MIN_SAFE_INTEGER) || (keyword === "maximum" && value === Number.MAX_SAFE_INTEGER);
}

function fromJsonSchema(node: JsonSchemaNode): Schema {
  const schema: Schema = {};
  for (const [keyword, value] of Object.entries(node)) {
    if (isDroppedKeyword(keyword, value)) continue;
    if (keyword === "type") schema.type = String(value).toUpperCase() as Type;
    else if (keyword === "items") schema.items = fromJsonSchema(value as JsonSchemaNode);
    else if (keyword === "required") schema.required = value as string[];
    else if (keyword === "properties") {
      const properties = value as Record<string, JsonSchemaNode>;
      schema.properties = Object.fromEntries(Object.entries(properties).map(([name, child]) => [name, fromJsonSchema(child)]));
      // Gemini writes the keys in this order: the zod object's.
      schema.propertyOrdering = Object.keys(properties);
    } else throw new Error(`toGeminiSchema: the JSON Schema keyword "${keyword}" is not carried over`);
  }
  return schema;
}

/**
 * Gemini's response schema, built from the zod schema that checks the answer
 * (`parseSchemaAnswer`), so what Gemini is asked for and what is accepted are
 * written once: zod's JSON Schema with Gemini's upper-case types and the zod
 * object's key order as `propertyOrdering`.
 */
export function toGeminiSchema(schema: z.ZodType): Schema {
  return fromJsonSchema(z.toJSONSchema(schema) as JsonSchemaNode);
}

/** An answer parsed as JSON and checked against the response's schema; the first mismatch is the reason. */
export function parseSchemaAnswer<T>(text: string, schema: z.ZodType<T>): ParsedAnswer<T> {
  const json = parseJsonAnswer(text);
  if (!json.ok) return json;
  const result = schema.safeParse(json.value);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  return {
    ok: false,
    reason: `the answer does not match the schema (${issue?.path.join(".") || "root"}: ${issue?.message})`,
  };
}

export function createGeminiCaller(options: GeminiCallOptions): GeminiCaller {
  const ai = new GoogleGenAI({
    apiKey: options.apiKey,
    apiVersion,
    httpOptions: options.baseUrl ? { baseUrl: options.baseUrl } : undefined,
  });
  const backoff = {
    baseMs: options.baseBackoffMs ?? 1000,
    maxMs: options.maxBackoffMs ?? geminiBackoffCapMs,
  };
  const maxServerDelayMs = options.maxServerDelayMs ?? 120_000;

  async function attempt<T>(request: GeminiCallRequest<T>): Promise<Attempt<T>> {
    const { model, signal, usage, subject } = request;
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
    const forward = () => attemptAbort.abort(signal.reason);
    signal.addEventListener("abort", forward, { once: true });
    const record: GeminiTokenRecord = {
      purpose: request.purpose,
      model,
      promptTokens: 0,
      outputTokens: 0,
      code: "200",
    };
    usage.requests += 1;
    usage.records.push(record);
    const fail = (failure: Attempt<T> & { ok: false }): Attempt<T> => {
      record.code = failure.code;
      record.failure = failure.reason;
      return failure;
    };
    try {
      const response = await ai.models.generateContent({
        model,
        contents: [{ role: "user", parts: request.parts }],
        config: {
          ...(request.systemInstruction !== undefined
            ? { systemInstruction: request.systemInstruction }
            : {}),
          ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
          ...(request.maxOutputTokens !== undefined
            ? { maxOutputTokens: request.maxOutputTokens }
            : {}),
          responseMimeType: "application/json",
          responseSchema: request.responseSchema,
          abortSignal: attemptAbort.signal,
          httpOptions: { timeout: options.timeoutMs, fetch: recordingFetch },
        },
      });
      const meta = response.usageMetadata;
      record.promptTokens = meta?.promptTokenCount ?? 0;
      // Thinking tokens are billed as output.
      record.outputTokens = (meta?.candidatesTokenCount ?? 0) + (meta?.thoughtsTokenCount ?? 0);
      usage.promptTokens += record.promptTokens;
      usage.outputTokens += record.outputTokens;

      const blocked = response.promptFeedback?.blockReason;
      if (blocked) {
        return fail({
          ok: false,
          code: "blocked",
          kind: "refused",
          retryable: false,
          reason: `Gemini refused ${subject} (${blocked}).`,
        });
      }
      const candidate = response.candidates?.[0];
      if (!candidate) {
        return fail({
          ok: false,
          code: "unusable",
          kind: "unusable",
          retryable: true,
          reason: "Gemini returned no answer.",
        });
      }
      const finish = candidate.finishReason;
      if (finish === "MAX_TOKENS") {
        return fail({
          ok: false,
          code: "truncated",
          kind: "unusable",
          retryable: true,
          reason: "Gemini's answer was cut off (MAX_TOKENS): too much text for one answer.",
        });
      }
      if (finish && refusedFinishReasons.has(finish)) {
        return fail({
          ok: false,
          code: "blocked",
          kind: "refused",
          retryable: false,
          reason: `Gemini refused ${subject} (${finish}).`,
        });
      }
      if (finish && finish !== "STOP") {
        return fail({
          ok: false,
          code: "truncated",
          kind: "unusable",
          retryable: true,
          reason: `Gemini stopped early (${finish}).`,
        });
      }
      const parsed = request.parse(answerText(response));
      if (!parsed.ok) {
        return fail({
          ok: false,
          code: "unusable",
          kind: "unusable",
          retryable: true,
          reason: `Gemini's answer was unusable: ${parsed.reason}.`,
        });
      }
      return parsed;
    } catch (error) {
      if (signal.aborted) {
        record.code = "aborted";
        record.failure = "aborted";
        throw signal.reason;
      }
      if (error instanceof ApiError) {
        const body = readErrorBody(error);
        const described = describeApiError(error, model, subject);
        const asked = [retryInfoDelayMs(body), retryAfterMs].filter((ms) => ms !== undefined);
        return fail({
          ok: false,
          code: String(error.status),
          ...described,
          serverDelayMs: asked.length > 0 ? Math.max(...asked) : undefined,
        });
      }
      if (isAbortLike(error)) {
        return fail({
          ok: false,
          code: "timeout",
          kind: "timeout",
          retryable: true,
          reason: `Gemini did not answer within ${formatDuration(options.timeoutMs)}.`,
        });
      }
      const network = networkReason(error);
      if (network) return fail({ ok: false, code: "network", kind: "network", retryable: true, reason: network });
      // An unexpected SDK error's text is for the log, not for the job's
      // error that the user reads.
      log.error({ err: error, model }, "unexpected Gemini client error");
      return fail({
        ok: false,
        code: "other",
        kind: "other",
        retryable: false,
        reason: "Gemini call failed with an unexpected error.",
      });
    } finally {
      signal.removeEventListener("abort", forward);
      options.onAttempt?.(record);
    }
  }

  return async function callGemini<T>(request: GeminiCallRequest<T>): Promise<T> {
    const { signal, usage } = request;
    const attempts = options.maxRetries + 1;
    let reason = "";
    let kind: EngineErrorKind = "other";
    for (let number = 1; number <= attempts; number++) {
      signal.throwIfAborted();
      const outcome = await attempt(request);
      if (outcome.ok) return outcome.value;
      reason = outcome.reason;
      kind = outcome.kind;
      if (!outcome.retryable) {
        throw new GeminiCallError(kind, reason, usage, { attempts: number });
      }
      if (number === attempts) break;
      if (outcome.serverDelayMs !== undefined && outcome.serverDelayMs > maxServerDelayMs) {
        throw new GeminiCallError(
          kind,
          `${reason} Gemini asks to wait ${Math.ceil(outcome.serverDelayMs / 1000)} s before retrying.`,
          usage,
          { attempts: number, retryAfterMs: outcome.serverDelayMs },
        );
      }
      const delayMs = backoffDelay(number - 1, backoff, outcome.serverDelayMs);
      options.onRetry?.({ attempt: number, reason, delayMs });
      await sleep(delayMs, signal);
    }
    // The last failure's kind names the whole call's: the earlier ones were retried past.
    throw new GeminiCallError(
      kind,
      `Gemini failed ${attempts === 1 ? "once" : `${attempts} times in a row`}. Last error: ${reason}`,
      usage,
      { attempts },
    );
  };
}
