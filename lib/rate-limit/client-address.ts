// The client address used to key per-IP throttles. Next.js fills
// X-Forwarded-For with the socket's address only when the request has none,
// so the header's last entry is what the web server saw, and each trusted
// proxy in front appends the address it saw. With TRUSTED_PROXIES=N the
// client is the N-th entry from the right; anything further left was written
// by the client and is never believed.
import { env } from "@/lib/env";

export function clientAddress(headers: Headers, trustedProxies = env().TRUSTED_PROXIES): string {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return "unknown";
  const index = entries.length - Math.max(1, trustedProxies);
  return entries[Math.max(0, index)]!;
}
