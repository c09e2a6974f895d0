// The client address used to key per-IP throttles.
//
// TRUSTED_PROXIES=0 (clients reach the web app directly): the address of the
// socket the request came in on (lib/rate-limit/peer-address.ts).
// X-Forwarded-For is never read, since the client writes it: Next.js adds
// the socket's address to it only when the request has none.
//
// TRUSTED_PROXIES=N: each trusted proxy in front appends the address it saw,
// so the client is the N-th entry from the right; anything further left was
// written by the client and is never believed.
import { env } from "@/lib/env";
import { peerAddress } from "@/lib/rate-limit/peer-address";

export function clientAddress(headers: Headers, trustedProxies = env().TRUSTED_PROXIES): string {
  if (trustedProxies === 0) return peerAddress(headers) ?? "unknown";
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return "unknown";
  return entries[Math.max(0, entries.length - trustedProxies)]!;
}
