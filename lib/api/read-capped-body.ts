// The one way a route reads a request body: counted while it streams and
// abandoned with 413 as soon as it passes the route's limit. Content-Length
// is only used to refuse early: chunked bodies have none, and the bytes
// counted are what is held, so a wrong header cannot make the server buffer
// more than the limit. (The PDF upload reads its multipart body itself, into
// shared memory for the inspection thread, with the same rule.)
import { NextRequest } from "next/server";
import { AppError } from "@/lib/errors";

export interface BodyLimit {
  maxBytes: number;
  /** The 413's sentence; by default it names the limit. */
  message?: string;
}

/** The limit of routes that take a small JSON object (settings, sign-up, admin forms). */
export const smallJsonMaxBytes = 64 * 1024;

function tooLarge(limit: BodyLimit): AppError {
  const size =
    limit.maxBytes >= 1024 * 1024
      ? `${Math.round(limit.maxBytes / (1024 * 1024))} MB`
      : `${Math.round(limit.maxBytes / 1024)} KB`;
  return new AppError("payload_too_large", limit.message ?? `The request body is larger than ${size}.`, {
    maxBytes: limit.maxBytes,
  });
}

export async function readCappedBody(request: Request, limit: BodyLimit): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit.maxBytes) throw tooLarge(limit);
  if (!request.body) return new Uint8Array(0);

  const pieces: Uint8Array[] = [];
  let received = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit.maxBytes) {
      // Cancelling stops Next.js pulling from the socket; what the client
      // still sends is discarded by Node, never buffered.
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    pieces.push(value);
  }
  if (pieces.length === 1) return pieces[0]!;
  const body = new Uint8Array(received);
  let offset = 0;
  for (const piece of pieces) {
    body.set(piece, offset);
    offset += piece.byteLength;
  }
  return body;
}

/**
 * The same request with its body read under the limit, for handlers that
 * read the body themselves (next-auth): they then read the copy in memory.
 */
export async function withCappedBody(request: NextRequest, limit: BodyLimit): Promise<NextRequest> {
  if (request.method === "GET" || request.method === "HEAD") return request;
  const body = await readCappedBody(request, limit);
  return new NextRequest(request.url, {
    method: request.method,
    headers: request.headers,
    body: body as Uint8Array<ArrayBuffer>,
  });
}
