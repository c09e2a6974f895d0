// A stand-in for the Gemini API on a loopback port, for tests and
// benchmarks. It speaks the real wire format of
// `POST /{v1,v1beta}/models/{model}:generateContent` (what @google/genai 3
// sends: contents[].parts[] with inlineData + text, generationConfig, the
// x-goog-api-key header) and answers from the PDF it receives, by running the
// local engine's pipeline on it, so answers really derive from the input.
// It can add latency and inject the failures real deployments see: 429 with
// RetryInfo, 500/503, non-JSON text, truncated JSON (MAX_TOKENS), 400/403,
// and requests that hang.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { sentencesFromPages } from "@/lib/engines/sentences-from-pages";
import { readPdfPageLines } from "@/lib/pdf/read-page-lines";
import { extractPageText } from "@/lib/text/extract-page-text";

export type FakeFaultKind =
  "429" | "500" | "503" | "400" | "403" | "garbage" | "truncated" | "hang";

export type FakeFault =
  | FakeFaultKind
  | {
      kind: FakeFaultKind;
      /** For 429: the RetryInfo retryDelay in the error body. */
      retryDelayMs?: number;
      /** For 429: send a Retry-After header (seconds); without retryDelayMs, the body then has no RetryInfo. */
      retryAfterSeconds?: number;
    };

export interface FakeGeminiOptions {
  /** Added before every answer (faults included, except hang). */
  latencyMs?: number;
  /** Faults for the next requests, in order; afterwards requests succeed (or follow faultRate). */
  faults?: FakeFault[];
  /** Probability (0..1) that a request without a queued fault gets a random one. */
  faultRate?: number;
  /** Kinds drawn by faultRate; hang is left out unless listed. */
  faultKinds?: FakeFaultKind[];
  /** Seed for faultRate, so a run is reproducible. */
  seed?: number;
  /** RetryInfo delay for 429s that do not set their own (default 1000 ms). */
  retryDelayMs?: number;
  /** When set, requests with another key get 400 API_KEY_INVALID, as the real API answers. */
  apiKey?: string;
  /** Answer with every original sentence unsplit, as a careless model would. */
  overlong?: boolean;
}

export interface FakeGeminiRequest {
  at: number;
  model: string;
  apiVersion: string;
  fault?: FakeFaultKind;
  firstPage: number;
  maxWords: number;
  pdfBytes: number;
}

export interface FakeGemini {
  /** Base URL for GoogleGenAI's httpOptions.baseUrl / GEMINI_BASE_URL. */
  url: string;
  /** generateContent requests received, faulted ones included. */
  readonly calls: number;
  readonly requests: readonly FakeGeminiRequest[];
  /** Replaces the queue of upcoming faults. */
  setFaults(faults: FakeFault[]): void;
  setFaultRate(rate: number, kinds?: FakeFaultKind[]): void;
  setLatency(ms: number): void;
  /** Stops listening and drops open connections, hanging ones included. */
  close(): Promise<void>;
}

interface GeminiRequestBody {
  contents?: Array<{
    parts?: Array<{ text?: string; inlineData?: { mimeType?: string; data?: string } }>;
  }>;
}

const defaultFaultKinds: FakeFaultKind[] = ["429", "500", "garbage", "truncated"];

/** mulberry32: a tiny seeded generator, good enough for fault injection. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (response.destroyed || response.headersSent) return;
  response.writeHead(status, { "content-type": "application/json; charset=UTF-8", ...headers });
  response.end(JSON.stringify(body));
}

function sendError(
  response: ServerResponse,
  code: number,
  status: string,
  message: string,
  details?: unknown[],
  headers?: Record<string, string>,
): void {
  sendJson(
    response,
    code,
    { error: { code, message, status, ...(details ? { details } : {}) } },
    headers,
  );
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

function candidateResponse(
  model: string,
  text: string,
  finishReason: string,
  promptTokens: number,
) {
  const outputTokens = Math.ceil(text.length / 4);
  return {
    candidates: [{ content: { parts: [{ text }], role: "model" }, finishReason, index: 0 }],
    usageMetadata: {
      promptTokenCount: promptTokens,
      candidatesTokenCount: outputTokens,
      totalTokenCount: promptTokens + outputTokens,
      promptTokensDetails: [{ modality: "DOCUMENT", tokenCount: promptTokens }],
    },
    modelVersion: model,
    responseId: Math.random().toString(36).slice(2),
  };
}

export async function startFakeGemini(options: FakeGeminiOptions = {}): Promise<FakeGemini> {
  let queue: FakeFault[] = [...(options.faults ?? [])];
  let faultRate = options.faultRate ?? 0;
  let faultKinds = options.faultKinds ?? defaultFaultKinds;
  let latencyMs = options.latencyMs ?? 0;
  const random = seededRandom(options.seed ?? 1);
  const requests: FakeGeminiRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const closing = new AbortController();

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      if (ms <= 0) return resolve();
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  function nextFault(): Exclude<FakeFault, FakeFaultKind> | undefined {
    const queued = queue.shift();
    if (queued !== undefined) return typeof queued === "string" ? { kind: queued } : queued;
    if (faultRate > 0 && random() < faultRate) {
      return { kind: faultKinds[Math.floor(random() * faultKinds.length)]! };
    }
    return undefined;
  }

  async function answer(pdf: Uint8Array, prompt: string, model: string, overlong: boolean) {
    const firstPage = Number(/page 1 is page (\d+) of the book/u.exec(prompt)?.[1] ?? 1);
    const maxWords = Number(/at most (\d+) words each/u.exec(prompt)?.[1] ?? 8);
    const pages = await readPdfPageLines(pdf, firstPage, closing.signal);
    const sentences = sentencesFromPages(extractPageText(pages), maxWords);
    // Group the pieces back under their original sentence, as the schema asks.
    const grouped: Array<{ page: number; original: string; rewritten: string[] }> = [];
    for (const sentence of sentences) {
      const last = grouped[grouped.length - 1];
      if (last && last.original === sentence.original && last.page === sentence.page) {
        last.rewritten.push(sentence.text);
      } else {
        grouped.push({
          page: sentence.page,
          original: sentence.original,
          rewritten: [sentence.text],
        });
      }
    }
    if (overlong) for (const entry of grouped) entry.rewritten = [entry.original];
    const text = JSON.stringify({ sentences: grouped });
    // Gemini bills a PDF page as 258 tokens, plus the prompt text.
    const promptTokens = pages.length * 258 + Math.ceil(prompt.length / 4);
    return { text, promptTokens, model };
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    // Tests in another process (Playwright specs) queue faults over HTTP.
    if (url.pathname === "/_control/faults" && request.method === "POST") {
      queue = (JSON.parse((await readBody(request)).toString("utf8")) as { faults: FakeFault[] }).faults;
      response.writeHead(204).end();
      return;
    }
    const route = /^\/(v1|v1beta|v1alpha)\/models\/([^/:]+):generateContent$/u.exec(url.pathname);
    if (!route || request.method !== "POST") {
      sendError(response, 404, "NOT_FOUND", `Method not found: ${request.method} ${url.pathname}`);
      return;
    }
    const [, apiVersion = "", model = ""] = route;
    const key = request.headers["x-goog-api-key"] ?? url.searchParams.get("key");
    if (!key) {
      sendError(
        response,
        403,
        "PERMISSION_DENIED",
        "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
      );
      return;
    }
    if (options.apiKey !== undefined && key !== options.apiKey) {
      sendError(
        response,
        400,
        "INVALID_ARGUMENT",
        "API key not valid. Please pass a valid API key.",
        [
          {
            "@type": "type.googleapis.com/google.rpc.ErrorInfo",
            reason: "API_KEY_INVALID",
            domain: "googleapis.com",
          },
        ],
      );
      return;
    }
    let body: GeminiRequestBody;
    try {
      body = JSON.parse((await readBody(request)).toString("utf8")) as GeminiRequestBody;
    } catch {
      sendError(response, 400, "INVALID_ARGUMENT", "Invalid JSON payload received.");
      return;
    }
    const parts = body.contents?.flatMap((content) => content.parts ?? []) ?? [];
    const inline = parts.find((part) => part.inlineData?.mimeType === "application/pdf")?.inlineData
      ?.data;
    const prompt = parts.map((part) => part.text ?? "").join("\n");
    if (!inline) {
      sendError(
        response,
        400,
        "INVALID_ARGUMENT",
        "Request contains no application/pdf inlineData part.",
      );
      return;
    }
    const pdf = new Uint8Array(Buffer.from(inline, "base64"));
    const fault = nextFault();
    requests.push({
      at: Date.now(),
      model,
      apiVersion,
      fault: fault?.kind,
      firstPage: Number(/page 1 is page (\d+) of the book/u.exec(prompt)?.[1] ?? 1),
      maxWords: Number(/at most (\d+) words each/u.exec(prompt)?.[1] ?? 8),
      pdfBytes: pdf.length,
    });

    if (fault?.kind === "hang") return; // Never answers; close() drops the socket.
    await wait(latencyMs);
    if (closing.signal.aborted) return;

    switch (fault?.kind) {
      case "429": {
        const headerOnly =
          fault.retryAfterSeconds !== undefined && fault.retryDelayMs === undefined;
        const delayMs = fault.retryDelayMs ?? options.retryDelayMs ?? 1000;
        const headers: Record<string, string> =
          fault.retryAfterSeconds !== undefined
            ? { "retry-after": String(fault.retryAfterSeconds) }
            : {};
        const details: unknown[] = [
          {
            "@type": "type.googleapis.com/google.rpc.QuotaFailure",
            violations: [
              {
                quotaMetric:
                  "generativelanguage.googleapis.com/generate_content_free_tier_requests",
                quotaId: "GenerateRequestsPerMinutePerProjectPerModel-FreeTier",
              },
            ],
          },
        ];
        if (!headerOnly) {
          details.push({
            "@type": "type.googleapis.com/google.rpc.RetryInfo",
            retryDelay: `${(delayMs / 1000).toFixed(3)}s`,
          });
        }
        sendError(
          response,
          429,
          "RESOURCE_EXHAUSTED",
          "You exceeded your current quota, please check your plan and billing details.",
          details,
          headers,
        );
        return;
      }
      case "500":
        sendError(
          response,
          500,
          "INTERNAL",
          "An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting",
        );
        return;
      case "503":
        sendError(response, 503, "UNAVAILABLE", "The model is overloaded. Please try again later.");
        return;
      case "400":
        sendError(response, 400, "INVALID_ARGUMENT", "Request payload size exceeds the limit.");
        return;
      case "403":
        sendError(
          response,
          403,
          "PERMISSION_DENIED",
          "Your API key was reported as leaked. Please use another API key.",
        );
        return;
      case "garbage":
        sendJson(
          response,
          200,
          candidateResponse(
            model,
            "Voici les phrases du passage, réécrites simplement : Emma regarde la campagne. Elle s'ennuie.",
            "STOP",
            1000,
          ),
        );
        return;
      default:
        break;
    }

    let result: Awaited<ReturnType<typeof answer>>;
    try {
      result = await answer(pdf, prompt, model, options.overlong ?? false);
    } catch (error) {
      if (closing.signal.aborted) return;
      sendError(
        response,
        400,
        "INVALID_ARGUMENT",
        `The document could not be processed: ${error instanceof Error ? error.message : String(error)}`,
      );
      return;
    }
    if (fault?.kind === "truncated") {
      const cut = result.text.slice(0, Math.max(1, Math.floor(result.text.length / 2)));
      sendJson(response, 200, candidateResponse(model, cut, "MAX_TOKENS", result.promptTokens));
      return;
    }
    sendJson(response, 200, candidateResponse(model, result.text, "STOP", result.promptTokens));
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      sendError(response, 500, "INTERNAL", error instanceof Error ? error.message : String(error));
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    get calls() {
      return requests.length;
    },
    get requests() {
      return requests;
    },
    setFaults(faults) {
      queue = [...faults];
    },
    setFaultRate(rate, kinds) {
      faultRate = rate;
      if (kinds) faultKinds = kinds;
    },
    setLatency(ms) {
      latencyMs = ms;
    },
    async close() {
      closing.abort();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
