// HTTP hardening against the running production server: idempotent job
// creation, the estimate throttle, malformed cursors, internal error text
// kept out of answers (request ids instead), security headers and the
// Origin check on state-changing routes.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { loadCorpusText, makeNovelPdf } from "@/tests/fixtures/make-novel-pdf";
import { pdfForm, signUpAndSignIn, testBaseUrl, type HttpClient } from "@/tests/support/http-client";
import { makeJob, retireMadeJobs } from "./api-factories";

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown>; requestId?: string };
}

let novel: Uint8Array;

beforeAll(async () => {
  novel = await makeNovelPdf({ text: loadCorpusText("bovary", { words: 1500 }), pages: 3, title: "Madame Bovary" });
});

afterAll(async () => {
  await retireMadeJobs();
  await disconnectDb();
});

function startJob(client: HttpClient, key?: string) {
  return client.json<ErrorBody & { job?: { id: string } }>("/api/jobs", {
    method: "POST",
    headers: key ? { "idempotency-key": key } : {},
    body: pdfForm(novel, { engine: "local" }, "Madame Bovary.pdf"),
  });
}

async function balanceOf(client: HttpClient): Promise<number> {
  return (await client.json<{ balance: number }>("/api/credits")).body.balance;
}

describe("Idempotency-Key on POST /api/jobs", () => {
  it("answers a resend with the first job and reserves nothing more, even when the duplicates race", async () => {
    const client = await signUpAndSignIn();
    const startBalance = await balanceOf(client);
    const key = randomUUID();

    const first = await startJob(client, key);
    expect(first.status).toBe(202);
    const afterFirst = await balanceOf(client);
    expect(afterFirst).toBeLessThan(startBalance);

    const resent = await startJob(client, key);
    expect(resent.status).toBe(202);
    expect(resent.body.job!.id).toBe(first.body.job!.id);

    const raceKey = randomUUID();
    const racing = await Promise.all([startJob(client, raceKey), startJob(client, raceKey), startJob(client, raceKey)]);
    expect(racing.map((response) => response.status)).toEqual([202, 202, 202]);
    expect(new Set(racing.map((response) => response.body.job!.id)).size).toBe(1);

    const jobs = await db().job.count({ where: { userId: client.userId! } });
    expect(jobs).toBe(2);
    const reserves = await db().creditLedger.count({ where: { userId: client.userId!, kind: "reserve" } });
    expect(reserves).toBe(2);
    expect(await balanceOf(client)).toBe(startBalance - 2 * (startBalance - afterFirst));

    // The same key from another user is that user's own.
    const other = await signUpAndSignIn();
    const theirs = await startJob(other, key);
    expect(theirs.status).toBe(202);
    expect(theirs.body.job!.id).not.toBe(first.body.job!.id);

    const bad = await startJob(client, "x".repeat(300));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/Idempotency-Key/);
  });
});

describe("estimate throttle", () => {
  it("limits estimates per user like job creation, with 429 and Retry-After", async () => {
    const client = await signUpAndSignIn();
    const estimate = () =>
      client.json<ErrorBody>("/api/jobs/estimate", { method: "POST", body: pdfForm(novel, {}, "livre.pdf") });
    for (let index = 0; index < env().ESTIMATES_PER_MINUTE; index++) {
      expect((await estimate()).status, `estimate ${index + 1}`).toBe(200);
    }
    const blocked = await estimate();
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe("rate_limited");
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("malformed cursors", () => {
  it("answer 400 with the error shape on every paged route", async () => {
    const client = await signUpAndSignIn();
    const job = await makeJob({ userId: client.userId!, status: "succeeded" });
    const base64 = (text: string) => Buffer.from(text).toString("base64url");
    const cases = [
      `/api/jobs?cursor=${base64(`2026-01-01T00:00:00.000Z|${"-".repeat(36)}`)}`,
      `/api/jobs?cursor=${base64(`+275760-09-13T00:00:00.000Z|${randomUUID()}`)}`,
      "/api/jobs?cursor=%F0%9F%92%A5",
      `/api/credits?cursor=${base64("2026-01-01T00:00:00.000Z|99999999999999999999999")}`,
      "/api/credits?cursor=nonsense",
      `/api/jobs/${job.id}/sentences?cursor=99999999999`,
      `/api/jobs/${job.id}/sentences?cursor=abc`,
      `/api/jobs/${job.id}/sentences?cursor=-1`,
    ];
    for (const path of cases) {
      const response = await client.json<ErrorBody>(path);
      expect(response.status, path).toBe(400);
      expect(response.body.error.code, path).toBe("bad_request");
      expect(response.body.error.message, path).toMatch(/cursor is not valid/);
    }
  });
});

describe("internal error text", () => {
  it("never reaches the client: a stable code, a sentence and a request id the log also carries", async () => {
    const client = await signUpAndSignIn();
    const garbage = new TextEncoder().encode(`%PDF-1.7\n${"\u0000garbage ".repeat(500)}\n%%EOF\n`);
    const response = await client.json<ErrorBody>("/api/jobs", { method: "POST", body: pdfForm(garbage) });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe("pdf_invalid");
    expect(JSON.stringify(response.body)).not.toMatch(/cause|Invalid PDF structure|XRef|stack/i);
    const requestId = response.headers.get("x-request-id");
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.body.error.requestId).toBe(requestId);
    // Successful answers carry one too, for support requests.
    expect((await client.json("/api/credits")).headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("security headers", () => {
  it("sends CSP, nosniff and Referrer-Policy on pages and API answers, HSTS only over HTTPS", async () => {
    for (const path of ["/sign-in", "/api/health"]) {
      const response = await fetch(new URL(path, testBaseUrl()));
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("object-src 'none'");
      expect(csp, path).toMatch(/script-src 'self'/);
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("strict-transport-security"), path).toBeNull();
    }
    const overHttps = await fetch(new URL("/api/health", testBaseUrl()), { headers: { "x-forwarded-proto": "https" } });
    expect(overHttps.headers.get("strict-transport-security")).toMatch(/max-age=\d{7,}/);
  });

  it("allows only the scripts a page was rendered with: a nonce per request, no 'unsafe-inline'", async () => {
    const nonces: string[] = [];
    for (let i = 0; i < 2; i++) {
      const response = await fetch(new URL("/sign-in", testBaseUrl()));
      expect(response.status).toBe(200);
      const csp = response.headers.get("content-security-policy") ?? "";
      const scriptSrc = csp.split(";").map((directive) => directive.trim()).find((directive) => directive.startsWith("script-src "));
      expect(scriptSrc).toBeDefined();
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(scriptSrc!)?.[1];
      expect(nonce, csp).toBeDefined();
      expect(nonce!.length).toBeGreaterThanOrEqual(22);
      nonces.push(nonce!);
      // Every script Next.js wrote into the page carries it, or the browser would refuse to run it.
      const scripts = [...(await response.text()).matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
    const api = (await fetch(new URL("/api/health", testBaseUrl()))).headers.get("content-security-policy") ?? "";
    expect(api).toMatch(/script-src 'self';/);
  });

  it("refuses state-changing requests from a foreign Origin with 403", async () => {
    const client = await signUpAndSignIn();
    const job = await makeJob({ userId: client.userId!, status: "succeeded" });
    const foreign = { origin: "https://evil.example" };
    const attempts: [string, RequestInit][] = [
      ["/api/settings", { method: "PUT", headers: { ...foreign, "content-type": "application/json" }, body: JSON.stringify({ maxWords: 5, engine: "local" }) }],
      [`/api/jobs/${job.id}`, { method: "DELETE", headers: foreign }],
      ["/api/users", { method: "POST", headers: { ...foreign, "content-type": "application/json" }, body: JSON.stringify({ email: `${randomUUID()}@example.test`, password: "correct-horse-7" }) }],
    ];
    for (const [path, init] of attempts) {
      const response = await client.json<ErrorBody>(path, init);
      expect(response.status, `${init.method} ${path}`).toBe(403);
      expect(response.body.error.code).toBe("forbidden");
    }
    expect(await db().job.count({ where: { id: job.id } })).toBe(1);

    // The app's own origin is accepted.
    const own = await client.json("/api/settings", {
      method: "PUT",
      headers: { origin: new URL(testBaseUrl()).origin, "content-type": "application/json" },
      body: JSON.stringify({ maxWords: 5, engine: "local" }),
    });
    expect(own.status).toBe(200);
  });
});
