// A fixed-latency Gemini for benchmarks. The fake Gemini server computes each
// answer (the rewrite of every sentence sent, or pdfjs on the pages for OCR),
// which a real Gemini does on Google's machines, inside its latency. On a
// 2-core machine that work would be counted as pipeline overhead, and the
// single-threaded fake could become the bottleneck at 16 calls in flight. So
// this front server remembers the fake's answer for each request (keyed by
// model and every part: the JSON of sentences, or PDF bytes) and answers a repeated
// request after exactly `latencyMs`. Answers are primed before timing starts
// and kept in bench/out/, so every timed call is a hit; misses are counted
// and reported.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface MemoGemini {
  url: string;
  readonly hits: number;
  readonly misses: number;
  /** Calls answered or being answered right now, and the most there ever were. */
  readonly inFlight: number;
  readonly peakInFlight: number;
  resetCounters(): void;
  /** Priming runs with 0 so answers already remembered come back at once. */
  setLatency(ms: number): void;
  /** Writes the remembered answers to the cache file. */
  save(): void;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

interface RequestBody {
  contents?: Array<{ parts?: Array<{ text?: string; inlineData?: { data?: string } }> }>;
}

function requestKey(path: string, body: Buffer): string {
  const parsed = JSON.parse(body.toString("utf8")) as RequestBody;
  const parts = parsed.contents?.flatMap((content) => content.parts ?? []) ?? [];
  const hash = createHash("sha256").update(path);
  for (const part of parts) hash.update("\0").update(part.text ?? part.inlineData?.data ?? "");
  return hash.digest("hex");
}

export async function startMemoGemini(options: {
  upstreamUrl: string;
  latencyMs: number;
  cacheFile?: string;
}): Promise<MemoGemini> {
  const answers = new Map<string, string>(
    options.cacheFile && existsSync(options.cacheFile)
      ? Object.entries(JSON.parse(readFileSync(options.cacheFile, "utf8")) as Record<string, string>)
      : [],
  );
  let latencyMs = options.latencyMs;
  let hits = 0;
  let misses = 0;
  let inFlight = 0;
  let peakInFlight = 0;
  const sockets = new Set<Socket>();

  const server = createServer(async (request, response) => {
    inFlight++;
    peakInFlight = Math.max(peakInFlight, inFlight);
    try {
      const body = await readBody(request);
      const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
      let key: string | undefined;
      try {
        key = requestKey(path, body);
      } catch {
        key = undefined;
      }
      const started = Date.now();
      let answer = key ? answers.get(key) : undefined;
      if (answer !== undefined) {
        hits++;
      } else {
        misses++;
        const upstream = await fetch(new URL(request.url ?? "/", options.upstreamUrl), {
          method: request.method,
          headers: { "content-type": "application/json", "x-goog-api-key": String(request.headers["x-goog-api-key"] ?? "") },
          body: new Uint8Array(body),
        });
        const text = await upstream.text();
        if (upstream.status !== 200 || !key) {
          response.writeHead(upstream.status, { "content-type": "application/json" }).end(text);
          return;
        }
        answers.set(key, text);
        answer = text;
      }
      const wait = latencyMs - (Date.now() - started);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (!response.destroyed) response.writeHead(200, { "content-type": "application/json; charset=UTF-8" }).end(answer);
    } catch (error) {
      if (!response.headersSent) response.writeHead(500).end(String(error));
    } finally {
      inFlight--;
    }
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    get hits() {
      return hits;
    },
    get misses() {
      return misses;
    },
    get inFlight() {
      return inFlight;
    },
    get peakInFlight() {
      return peakInFlight;
    },
    resetCounters() {
      hits = 0;
      misses = 0;
      peakInFlight = inFlight;
    },
    setLatency(ms) {
      latencyMs = ms;
    },
    save() {
      if (options.cacheFile) writeFileSync(options.cacheFile, JSON.stringify(Object.fromEntries(answers)));
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
