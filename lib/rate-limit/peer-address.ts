// The address of the socket a request came in on, for the per-address
// throttles when no proxy is trusted (TRUSTED_PROXIES=0). Next.js hands route
// handlers a Request without its socket, and writes the socket's address
// into X-Forwarded-For only when the client sent none, so that header is the
// client's to choose. Instead, the web server's `request` event is wrapped
// (from instrumentation.ts, before Next.js serves anything) to copy the
// socket's address into a header of its own, whose name carries a random
// part chosen per process: a client cannot send it, and a copy sent before
// the wrapper was installed has a name nobody reads.
import { randomBytes } from "node:crypto";
import http from "node:http";

const installed = Symbol.for("phrases.peerAddressHeader");
type Registry = typeof globalThis & { [installed]?: string };

/** Wraps node:http's servers so each request carries its socket's address (idempotent). */
export function recordPeerAddresses(): void {
  const registry = globalThis as Registry;
  if (registry[installed]) return;
  const header = `x-peer-address-${randomBytes(12).toString("hex")}`;
  const emit = http.Server.prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  http.Server.prototype.emit = function emitWithPeerAddress(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      request.headers[header] = request.socket?.remoteAddress ?? "unknown";
    }
    return emit.call(this, event, ...args);
  } as typeof http.Server.prototype.emit;
  registry[installed] = header;
}

/** The socket's address recorded for this request, or undefined when the wrapper is not installed. */
export function peerAddress(headers: Headers): string | undefined {
  const header = (globalThis as Registry)[installed];
  return header ? (headers.get(header) ?? undefined) : undefined;
}
