// The session cookie's claims are decoded once per cookie value and served
// from memory after that, but never for another secret, an altered cookie
// or an expired session.
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionToken } from "@/lib/auth/decode-session-token";

const secret = "a-secret-of-at-least-thirty-two-characters";
const claims = { sub: "6f1c2b9e-8d4a-4c3b-9a7e-1f2d3c4b5a69", role: "user", startedAt: 1, checkedAt: 2 };

describe("decodeSessionToken", () => {
  it("decodes a session cookie, then answers the same cookie from memory", async () => {
    const token = await encode({ token: claims, secret });
    const first = await decodeSessionToken({ token, secret });
    expect(first).toMatchObject(claims);
    expect(await decodeSessionToken({ token, secret })).toBe(first);
  });

  it("refuses a cached cookie under another secret, and an altered cookie", async () => {
    const token = await encode({ token: claims, secret });
    await decodeSessionToken({ token, secret });
    await expect(decodeSessionToken({ token, secret: `${secret}-rotated` })).rejects.toThrow();
    const altered = `${token.slice(0, -4)}${token.endsWith("AAAA") ? "BBBB" : "AAAA"}`;
    await expect(decodeSessionToken({ token: altered, secret })).rejects.toThrow();
  });

  it("refuses an expired session", async () => {
    const token = await encode({ token: claims, secret, maxAge: -60 });
    await expect(decodeSessionToken({ token, secret })).rejects.toThrow();
  });
});
