// next-auth decodes the session cookie on every request by deriving the
// encryption key from the secret with HKDF and decrypting the JWE. Under 200
// pollers that derivation was the largest single function in the web
// server's CPU profile (about 9 % of its busy time, bench/RESULTS.md polling).
// A poller sends the same cookie every second, so the decoded claims are
// kept per exact cookie value until the token expires: the same answer
// next-auth would compute again, without the cryptography. Changing the
// secret empties the cache. Claims checked against the database
// (check-session-user.ts) are re-checked as before, from the claims.
import { decode, type JWT, type JWTDecodeParams } from "next-auth/jwt";

const capacity = 5000;
let cacheSecret: JWTDecodeParams["secret"] | undefined;
const cache = new Map<string, JWT>();

function isExpired(claims: JWT, nowSeconds: number): boolean {
  return typeof claims.exp === "number" && claims.exp <= nowSeconds;
}

export async function decodeSessionToken(params: JWTDecodeParams): Promise<JWT | null> {
  const { token, secret } = params;
  if (!token) return null;
  if (secret !== cacheSecret) {
    cache.clear();
    cacheSecret = secret;
  }
  const nowSeconds = Date.now() / 1000;
  const cached = cache.get(token);
  if (cached && !isExpired(cached, nowSeconds)) return cached;
  cache.delete(token);

  const claims = await decode(params);
  if (!claims || isExpired(claims, nowSeconds)) return claims;
  // Oldest first out: a Map iterates in insertion order.
  if (cache.size >= capacity) cache.delete(cache.keys().next().value!);
  cache.set(token, claims);
  return claims;
}
