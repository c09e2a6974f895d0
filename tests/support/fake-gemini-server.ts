// A stand-in for the Gemini API on a loopback port, for tests and
// benchmarks. It speaks the real wire format of
// `POST /{v1,v1beta}/models/{model}:generateContent` (what @google/genai 3
// sends: contents[].parts[] with inlineData + text, generationConfig, the
// x-goog-api-key header) and answers from the PDF it receives, by running the
// local engine's pipeline on it, so answers really derive from the input.
// It can add latency and inject the failures real deployments see: 429 with
// RetryInfo, 500/503, non-JSON text, truncated JSON (MAX_TOKENS), 400/403,
// and requests that hang.
//
// It answers three request formats, told apart by their parts:
// - "pages" (today's chunk engine): an inline PDF and a prompt text; the
//   answer lists every sentence of the pages with its rewritten pieces.
// - "rewrite" (text-first design): a text part holding JSON
//   {"sentences": [{"id", "text"}], "maxWords"}; the answer is
//   {"rewrites": [{"id", "pieces"}]}, a good rewrite by default (the local
//   split, made into complete sentences), which the test can sabotage per
//   sentence: by id, by a marker word in the sentence, or at a seeded rate.
// - "ocr": an inline PDF and a text part holding JSON {"pages": [book pages]};
//   the answer is {"sentences": [{"page", "text"}]} read from the PDF.
// Token counts follow Gemini's billing: 258 tokens per PDF page, about four
// characters a token for text, the system instruction included.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { readPdfPageLines } from "@/lib/pdf/read-page-lines";
import { listWords } from "@/lib/text/count-words";
import { extractPageText } from "@/lib/text/extract-page-text";
import { segmentSentences } from "@/lib/text/segment-sentences";
import { splitLongSentence } from "@/lib/text/split-long-sentence";
import { sentencesFromPages } from "@/tests/support/local-engine";

// "none" answers normally: it lets a queue put a fault after some good answers.
// "recitation" and "safety" answer 200 with that finish reason and half an
// answer (billed), as Gemini does when it stops itself.
export type FakeFaultKind =
  "429" | "500" | "503" | "400" | "403" | "garbage" | "truncated" | "recitation" | "safety" | "hang" | "none";

export type FakeFault =
  | FakeFaultKind
  | {
      kind: FakeFaultKind;
      /** For 429: the RetryInfo retryDelay in the error body. */
      retryDelayMs?: number;
      /** For 429: send a Retry-After header (seconds); without retryDelayMs, the body then has no RetryInfo. */
      retryAfterSeconds?: number;
    };

/** Ways a rewrite answer can be spoilt for one sentence. */
export type SentenceSabotage =
  /** The id is left out of the answer. */
  | "omit"
  /** A good answer, plus an answer for an id nobody asked about, with invented text. */
  | "unknown_id"
  /** The id is answered twice. */
  | "duplicate"
  /** A sentence the book does not have is added to the pieces. */
  | "invent"
  /** A name of the sentence is replaced by another. */
  | "swap_name"
  /** A number is changed (or, without one, a word replaced by a number). */
  | "change_number"
  /** The second half of the words is dropped. */
  | "drop_half"
  /** ne / n' and pas, jamais, rien… are removed. */
  | "drop_negation"
  /** The whole sentence comes back as one piece, over maxWords. */
  | "overlong";

export const sentenceSabotages: SentenceSabotage[] = [
  "omit",
  "unknown_id",
  "duplicate",
  "invent",
  "swap_name",
  "change_number",
  "drop_half",
  "drop_negation",
  "overlong",
];

export type SabotageRule = SentenceSabotage | { kind: SentenceSabotage; times?: number };

export interface FakeSabotage {
  /** By sentence id. `times` limits how many answers for that id are spoilt (default: every one). */
  byId?: Record<string, SabotageRule>;
  /** By a word the sentence contains (case-insensitive, whole word). */
  byWord?: Record<string, SabotageRule>;
  /** Probability (0..1) that any other sentence is spoilt, drawn with the server's seed. */
  rate?: number;
  /** Kinds drawn by rate (default: all). */
  kinds?: SentenceSabotage[];
}

export type FakeRequestFormat = "pages" | "rewrite" | "ocr";

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
  /** Per-sentence faults of rewrite answers. */
  sabotage?: FakeSabotage;
  /** Added to every page number of OCR answers (a model numbering pages wrongly). */
  ocrPageShift?: number;
  /**
   * What scanned book pages show, by book page: OCR answers this text for
   * those pages (as a model reading the page image would), since a scan has
   * no text layer to read it from.
   */
  scans?: Record<number, string>;
}

export interface FakeGeminiRequest {
  at: number;
  model: string;
  apiVersion: string;
  fault?: FakeFaultKind;
  firstPage: number;
  maxWords: number;
  pdfBytes: number;
  format: FakeRequestFormat;
  /** Rewrite requests: the ids asked, in order. */
  ids?: string[];
  /** Rewrite requests: the texts asked, in the order of `ids`. */
  texts?: string[];
  /** Rewrite requests: the ids sent with a "problems" entry (asked again). */
  problemIds?: string[];
  /** OCR requests: the book pages sent. */
  pages?: number[];
  /** Sabotages applied, by id (rewrite requests). */
  sabotaged?: Record<string, SentenceSabotage>;
  generationConfig?: Record<string, unknown>;
  systemInstruction?: string;
  /** Billed tokens of the answer (0 for faults that bill nothing). */
  promptTokens: number;
  outputTokens: number;
}

export interface FakeGemini {
  /** Base URL for GoogleGenAI's httpOptions.baseUrl / GEMINI_BASE_URL. */
  url: string;
  /** generateContent requests received, faulted ones included. */
  readonly calls: number;
  readonly requests: readonly FakeGeminiRequest[];
  /** The most requests open at once since the last call (then starts again from those open now). */
  takeMostInFlight(): number;
  /** Replaces the queue of upcoming faults. */
  setFaults(faults: FakeFault[]): void;
  setFaultRate(rate: number, kinds?: FakeFaultKind[]): void;
  setLatency(ms: number): void;
  setSabotage(sabotage: FakeSabotage | undefined): void;
  /** Stops listening and drops open connections, hanging ones included. */
  close(): Promise<void>;
}

interface GeminiRequestBody {
  contents?: Array<{
    parts?: Array<{ text?: string; inlineData?: { mimeType?: string; data?: string } }>;
  }>;
  systemInstruction?: { parts?: Array<{ text?: string }> };
  generationConfig?: Record<string, unknown>;
}

interface RewriteRequest {
  sentences: Array<{ id: string; text: string }>;
  maxWords: number;
  problemIds: string[];
}

/** The JSON object of a text part, if it is one. */
function jsonPart(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined || !text.trimStart().startsWith("{")) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The rewrite request in a text part, or why it is malformed (the real API would not care, our contract does). */
function readRewriteRequest(json: Record<string, unknown>): RewriteRequest | string {
  const sentences = json.sentences;
  if (!Array.isArray(sentences)) return '"sentences" is not an array';
  for (const entry of sentences) {
    const sentence = entry as { id?: unknown; text?: unknown };
    if (typeof sentence.id !== "string" || typeof sentence.text !== "string") {
      return 'every entry of "sentences" needs a string "id" and "text"';
    }
  }
  const maxWords = typeof json.maxWords === "number" ? json.maxWords : 8;
  const problemIds = Array.isArray(json.problems)
    ? json.problems.map((problem) => String((problem as { id?: unknown }).id))
    : [];
  return {
    sentences: sentences as RewriteRequest["sentences"],
    maxWords,
    problemIds,
  };
}

const tokensOf = (text: string) => Math.ceil(text.length / 4);

/** The local split, made into complete sentences: a capital first, a full stop last. */
export function goodRewrite(text: string, maxWords: number): string[] {
  return splitLongSentence(text, maxWords).map((piece) => {
    let out = piece.replace(/[\s,;:]+$/u, "");
    if (!/[.!?…»"”]$/u.test(out)) out += ".";
    // The first letter only, if it is lower case ("charles" → "Charles", never "CHarles").
    return out.replace(/^([^\p{L}]*)(\p{Ll})/u, (_, lead: string, letter: string) => lead + letter.toUpperCase());
  });
}

const inventedSentence = "Le capitaine Nemo entra alors dans la pièce.";
const swappedName = "Gontran";

function replaceWord(
  pieces: string[],
  pattern: RegExp,
  replace: (word: string) => string,
): string[] | undefined {
  let done = false;
  const out = pieces.map((piece) =>
    done
      ? piece
      : piece.replace(pattern, (word) => {
          done = true;
          return replace(word);
        }),
  );
  return done ? out : undefined;
}

function spoil(
  kind: SentenceSabotage,
  text: string,
  maxWords: number,
  id: string,
): Array<{ id: string; pieces: string[] }> {
  const good = goodRewrite(text, maxWords);
  switch (kind) {
    case "omit":
      return [];
    case "unknown_id":
      return [
        { id, pieces: good },
        { id: `${id}-inconnu`, pieces: [inventedSentence] },
      ];
    case "duplicate":
      return [
        { id, pieces: good },
        { id, pieces: good },
      ];
    case "invent":
      return [{ id, pieces: [...good, inventedSentence] }];
    case "swap_name": {
      // A capitalised word after a piece's first word, else the first word.
      const swapped =
        replaceWord(good, /(?<=\S\s+[«"—]?)\p{Lu}\p{Ll}+/u, () => swappedName) ??
        replaceWord(good, /\p{L}+/u, () => swappedName)!;
      return [{ id, pieces: swapped }];
    }
    case "change_number": {
      const changed =
        replaceWord(good, /\p{N}+/u, (number) => String(Number(number) + 1)) ??
        replaceWord(good, /(?<=\s)\p{Ll}{4,}(?=[.,;:!?]?$|[.,;:!?]?\s)/u, () => "douze")!;
      return [{ id, pieces: changed }];
    }
    case "drop_half": {
      const words = listWords(good.join(" "));
      return [
        {
          id,
          pieces: goodRewrite(words.slice(0, Math.ceil(words.length / 2)).join(" "), maxWords),
        },
      ];
    }
    case "drop_negation": {
      // Only a negative sentence has a negation to drop: without "ne", "pas"
      // and "point" are nouns ("cent pas"), and losing one noun is a loss
      // validation lets through by design (the content share).
      if (!/(^|[\s«—])(ne(?!\p{L})|n['’])/iu.test(text)) return [{ id, pieces: good }];
      const negation = /^(ne|pas|jamais|rien|guère|point)$/iu;
      const pieces = good.map((piece) =>
        piece
          .split(" ")
          .filter((token) => !negation.test(token.replace(/[.,;:!?»]+$/u, "")))
          .map((token) => token.replace(/^([«—]?)n['’]/iu, "$1"))
          .join(" "),
      );
      return [{ id, pieces }];
    }
    case "overlong":
      return [{ id, pieces: [text] }];
  }
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
  let sabotage = options.sabotage;
  const spoilt = new Map<string, number>();
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

  function ruleFor(sentence: { id: string; text: string }): SentenceSabotage | undefined {
    const words = new Set(
      listWords(sentence.text.toLowerCase()).map((word) => word.replace(/^\P{L}+|\P{L}+$/gu, "")),
    );
    const marked = Object.entries(sabotage?.byWord ?? {}).find(([word]) =>
      words.has(word.toLowerCase()),
    )?.[1];
    const rule = sabotage?.byId?.[sentence.id] ?? marked;
    if (rule !== undefined) {
      const { kind, times } = typeof rule === "string" ? { kind: rule, times: undefined } : rule;
      const used = spoilt.get(sentence.id) ?? 0;
      if (times !== undefined && used >= times) return undefined;
      spoilt.set(sentence.id, used + 1);
      return kind;
    }
    if (sabotage?.rate && random() < sabotage.rate) {
      const kinds = sabotage.kinds ?? sentenceSabotages;
      return kinds[Math.floor(random() * kinds.length)];
    }
    return undefined;
  }

  function answerRewrite(rewrite: RewriteRequest) {
    const rewrites: Array<{ id: string; pieces: string[] }> = [];
    const sabotaged: Record<string, SentenceSabotage> = {};
    for (const sentence of rewrite.sentences) {
      const kind = ruleFor(sentence);
      if (kind === undefined) {
        rewrites.push({
          id: sentence.id,
          pieces: goodRewrite(sentence.text, rewrite.maxWords),
        });
      } else {
        sabotaged[sentence.id] = kind;
        rewrites.push(...spoil(kind, sentence.text, rewrite.maxWords, sentence.id));
      }
    }
    return { text: JSON.stringify({ rewrites }), sabotaged };
  }

  async function answerOcr(pdf: Uint8Array, pages: number[]) {
    const lines = await readPdfPageLines(pdf, 1, closing.signal);
    const sentences = sentencesFromPages(extractPageText(lines), Number.MAX_SAFE_INTEGER);
    const shift = options.ocrPageShift ?? 0;
    const read = sentences.map((sentence) => ({
      page: pages[sentence.page - 1] ?? sentence.page,
      text: sentence.original,
    }));
    for (const page of pages) {
      const scan = options.scans?.[page];
      if (scan) read.push(...segmentSentences(scan).map((text) => ({ page, text })));
    }
    read.sort((a, b) => a.page - b.page);
    return {
      text: JSON.stringify({
        sentences: read.map((sentence) => ({ page: sentence.page + shift, text: sentence.text })),
      }),
      pageCount: lines.length,
    };
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
    const systemInstruction = (body.systemInstruction?.parts ?? [])
      .map((part) => part.text ?? "")
      .join("\n");
    const json = parts.map((part) => jsonPart(part.text)).find((value) => value !== undefined);
    const format: FakeRequestFormat | undefined =
      json && "sentences" in json
        ? "rewrite"
        : inline && json && "pages" in json
          ? "ocr"
          : inline
            ? "pages"
            : undefined;
    if (!format) {
      sendError(
        response,
        400,
        "INVALID_ARGUMENT",
        'Request contains no application/pdf inlineData part and no {"sentences"} JSON text part.',
      );
      return;
    }
    let rewrite: RewriteRequest | undefined;
    let ocrPages: number[] | undefined;
    if (format === "rewrite") {
      const read = readRewriteRequest(json!);
      if (typeof read === "string") {
        sendError(response, 400, "INVALID_ARGUMENT", `Invalid rewrite request: ${read}.`);
        return;
      }
      rewrite = read;
    }
    if (format === "ocr") {
      const pages = json!.pages;
      if (!Array.isArray(pages) || !pages.every((page) => Number.isInteger(page))) {
        sendError(
          response,
          400,
          "INVALID_ARGUMENT",
          'Invalid OCR request: "pages" must be integers.',
        );
        return;
      }
      ocrPages = pages as number[];
    }
    // Structured output needs both, on the real API as in our contract.
    if (
      format !== "pages" &&
      (body.generationConfig?.responseMimeType !== "application/json" ||
        !body.generationConfig?.responseSchema)
    ) {
      sendError(
        response,
        400,
        "INVALID_ARGUMENT",
        "generationConfig needs responseMimeType application/json and a responseSchema.",
      );
      return;
    }
    const pdf = inline ? new Uint8Array(Buffer.from(inline, "base64")) : new Uint8Array();
    const fault = nextFault();
    const entry: FakeGeminiRequest = {
      at: Date.now(),
      model,
      apiVersion,
      fault: fault?.kind,
      firstPage:
        format === "pages"
          ? Number(/page 1 is page (\d+) of the book/u.exec(prompt)?.[1] ?? 1)
          : (ocrPages?.[0] ?? 0),
      maxWords: rewrite?.maxWords ?? Number(/at most (\d+) words each/u.exec(prompt)?.[1] ?? 8),
      pdfBytes: pdf.length,
      format,
      ids: rewrite?.sentences.map((sentence) => sentence.id),
      texts: rewrite?.sentences.map((sentence) => sentence.text),
      problemIds: rewrite?.problemIds,
      pages: ocrPages,
      generationConfig: body.generationConfig,
      systemInstruction: systemInstruction || undefined,
      promptTokens: 0,
      outputTokens: 0,
    };
    requests.push(entry);

    if (fault?.kind === "none") entry.fault = undefined;
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

    let result: { text: string; promptTokens: number };
    try {
      if (rewrite) {
        const answered = answerRewrite(rewrite);
        entry.sabotaged = answered.sabotaged;
        result = {
          text: answered.text,
          promptTokens: tokensOf(systemInstruction + prompt),
        };
      } else if (ocrPages) {
        const read = await answerOcr(pdf, ocrPages);
        result = {
          text: read.text,
          promptTokens: read.pageCount * 258 + tokensOf(systemInstruction + prompt),
        };
      } else {
        result = await answer(pdf, prompt, model, options.overlong ?? false);
      }
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
    const stoppedEarly: Record<string, string> = {
      truncated: "MAX_TOKENS",
      recitation: "RECITATION",
      safety: "SAFETY",
    };
    const finishReason = (fault && stoppedEarly[fault.kind]) ?? "STOP";
    const sent =
      finishReason !== "STOP"
        ? result.text.slice(0, Math.max(1, Math.floor(result.text.length / 2)))
        : result.text;
    entry.promptTokens = result.promptTokens;
    entry.outputTokens = tokensOf(sent);
    sendJson(
      response,
      200,
      candidateResponse(
        model,
        sent,
        finishReason,
        result.promptTokens,
      ),
    );
  }

  let inFlight = 0;
  let mostInFlight = 0;
  const server = createServer((request, response) => {
    inFlight += 1;
    mostInFlight = Math.max(mostInFlight, inFlight);
    response.once("close", () => (inFlight -= 1));
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
    takeMostInFlight() {
      const most = mostInFlight;
      mostInFlight = inFlight;
      return most;
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
    setSabotage(next) {
      sabotage = next;
      spoilt.clear();
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
