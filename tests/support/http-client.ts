// An HTTP client for integration tests that signs in the way a browser does,
// through next-auth's credentials flow, and keeps the session cookie:
// GET /api/auth/csrf, then POST /api/auth/callback/credentials (form-encoded,
// with the CSRF token and json=true).
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/prisma";

export interface HttpClient {
  baseUrl: string;
  /** The address this client presents in X-Forwarded-For (the test stack trusts one proxy). */
  address: string;
  userId: string | null;
  email: string | null;
  /** fetch relative to the base URL, sending and keeping cookies; never follows redirects. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** The Cookie header this client sends (for raw node:http requests). */
  cookieHeader(): string;
  /** GET (or the given method) and parse JSON, returning status and body together. */
  json<T = unknown>(path: string, init?: RequestInit): Promise<{ status: number; body: T; headers: Headers }>;
}

export function testBaseUrl(): string {
  const url = process.env.TEST_BASE_URL;
  if (!url) throw new Error("TEST_BASE_URL is unset: run the tests through vitest's global setup");
  return url;
}

/** A random address in the IPv6 documentation prefix: a header value only, never contacted. */
export function randomClientAddress(): string {
  const group = () => Math.floor(Math.random() * 0xffff).toString(16);
  return `2001:db8::${group()}:${group()}:${group()}`;
}

/** A client with no session (401 expected on every authed route). */
export function anonymousClient(baseUrl = testBaseUrl(), address = randomClientAddress()): HttpClient {
  const cookies = new Map<string, string>();
  const client: HttpClient = {
    baseUrl,
    address,
    userId: null,
    email: null,
    cookieHeader: () => [...cookies].map(([name, value]) => `${name}=${value}`).join("; "),
    async fetch(path, init = {}) {
      const headers = new Headers(init.headers);
      if (cookies.size > 0) headers.set("cookie", client.cookieHeader());
      if (!headers.has("x-forwarded-for")) headers.set("x-forwarded-for", client.address);
      const response = await fetch(new URL(path, baseUrl), { ...init, headers, redirect: "manual" });
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(";");
        const separator = pair!.indexOf("=");
        const name = pair!.slice(0, separator).trim();
        const value = pair!.slice(separator + 1).trim();
        if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) cookies.delete(name);
        else cookies.set(name, value);
      }
      return response;
    },
    async json<T>(path: string, init?: RequestInit) {
      const response = await client.fetch(path, init);
      const text = await response.text();
      return {
        status: response.status,
        body: (text ? JSON.parse(text) : null) as T,
        headers: response.headers,
      };
    },
  };
  return client;
}

/** Signs an existing user in; throws with the server's answer when it refuses. */
export async function signIn(options: {
  email: string;
  password: string;
  baseUrl?: string;
}): Promise<HttpClient> {
  const client = anonymousClient(options.baseUrl);
  const csrf = await client.json<{ csrfToken: string }>("/api/auth/csrf");
  const response = await client.fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      csrfToken: csrf.body.csrfToken,
      email: options.email,
      password: options.password,
      json: "true",
    }),
  });
  const session = await client.json<{ user?: { id?: string; email?: string } }>("/api/auth/session");
  if (!session.body?.user) {
    throw new Error(`sign-in failed for ${options.email}: ${response.status} ${await response.text()}`);
  }
  client.userId = session.body.user.id ?? null;
  client.email = options.email;
  return client;
}

/**
 * A fresh user, signed up through POST /api/users and signed in. `role:
 * "admin"` promotes the user in the database before signing in (the role is
 * read into the session token at sign-in).
 */
export async function signUpAndSignIn(
  options: { email?: string; password?: string; role?: "user" | "admin"; baseUrl?: string } = {},
): Promise<HttpClient> {
  const email = options.email ?? `test-${randomUUID()}@example.test`;
  const password = options.password ?? "correct-horse-7";
  const anonymous = anonymousClient(options.baseUrl);
  const created = await anonymous.json<{ user?: { id: string } }>("/api/users", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (created.status !== 201)
    throw new Error(`sign-up failed: ${created.status} ${JSON.stringify(created.body)}`);
  if (options.role === "admin") {
    await db().user.update({ where: { email }, data: { role: "admin" } });
  }
  return signIn({ email, password, baseUrl: options.baseUrl });
}

/** A multipart body with the PDF under `file` and the other fields as strings. */
export function pdfForm(
  bytes: Uint8Array,
  fields: Record<string, string> = {},
  fileName = "livre.pdf",
): FormData {
  const form = new FormData();
  form.set("file", new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "application/pdf" }), fileName);
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}
