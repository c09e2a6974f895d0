// Two holes from the hardening review, attacked over HTTP against the running
// production server. Sign-in is throttled wherever next-auth hands over the
// credentials, so neither an extra path segment
// (`/api/auth/callback/credentials/x`) nor a JSON body gets around the
// per-address and per-account limits. And every route that reads a body
// stops at its limit with 413 while the body streams, whether or not
// Content-Length is declared, without the web process holding the body.
import http from "node:http";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { disconnectDb } from "@/lib/db/prisma";
import { anonymousClient, signUpAndSignIn, testBaseUrl, type HttpClient } from "@/tests/support/http-client";
import { pidListeningOn, readMemory } from "@/bench/support/proc";

afterAll(async () => {
  await disconnectDb();
});

interface ErrorBody {
  error: { code: string; message: string };
}

const freshEmail = () => `bypass-${randomUUID()}@example.test`;
const sessionCookie = "next-auth.session-token";

async function signUp(email: string, password = "correct-horse-7") {
  const created = await anonymousClient().json("/api/users", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  expect(created.status).toBe(201);
}

/** One credentials sign-in, form-encoded or JSON, to the given callback path. */
async function attemptSignIn(
  client: HttpClient,
  options: { email: string; password: string; path: string; encoding: "form" | "json" },
) {
  const csrf = await client.json<{ csrfToken: string }>("/api/auth/csrf");
  const fields = { csrfToken: csrf.body.csrfToken, email: options.email, password: options.password, json: "true" };
  return client.fetch(options.path, {
    method: "POST",
    headers: {
      "content-type": options.encoding === "json" ? "application/json" : "application/x-www-form-urlencoded",
    },
    body: options.encoding === "json" ? JSON.stringify(fields) : new URLSearchParams(fields),
  });
}

async function hasSession(client: HttpClient): Promise<boolean> {
  const session = await client.json<{ user?: unknown } | null>("/api/auth/session");
  return Boolean(session.body && "user" in session.body && session.body.user);
}

describe("the sign-in throttle, whatever the path or body", () => {
  const ways = [
    { name: "an extra path segment", path: "/api/auth/callback/credentials/x", encoding: "form" as const },
    { name: "a JSON body", path: "/api/auth/callback/credentials", encoding: "json" as const },
  ];

  for (const way of ways) {
    it(`counts per account through ${way.name}: the right password gets no session once throttled`, async () => {
      const email = freshEmail();
      await signUp(email);
      const allowed = 10; // sign-up counts on its own counter, not on this one
      for (let attempt = 0; attempt < allowed; attempt++) {
        const response = await attemptSignIn(anonymousClient(), { ...way, email, password: "wrong-password-1" });
        expect(response.status, `attempt ${attempt + 1}`).not.toBe(429);
      }
      const client = anonymousClient();
      const blocked = await attemptSignIn(client, { ...way, email, password: "correct-horse-7" });
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(60);
      expect(blocked.headers.getSetCookie().some((line) => line.startsWith(`${sessionCookie}=`))).toBe(false);
      expect(client.cookieHeader()).not.toContain(sessionCookie);
      expect(await hasSession(client)).toBe(false);
      const body = (await blocked.json()) as ErrorBody & { url?: string };
      expect(body.error.code).toBe("rate_limited");
      expect(body.error.message).toMatch(/Too many sign-in attempts for this account\. Try again in \d+ minutes?\./);
      // next-auth's browser client reads the outcome from `url`: the error it
      // carries is the sentence the sign-in form shows.
      expect(new URL(body.url!).searchParams.get("error")).toBe(body.error.message);
    });
  }

  it("counts per address through an extra path segment", async () => {
    const attacker = anonymousClient();
    const attempt = () =>
      attemptSignIn(attacker, {
        path: "/api/auth/callback/credentials/x",
        encoding: "form",
        email: freshEmail(),
        password: "guess-password-1",
      });
    for (let index = 0; index < 30; index++) expect((await attempt()).status, `attempt ${index + 1}`).not.toBe(429);
    const blocked = await attempt();
    expect(blocked.status).toBe(429);
    expect(((await blocked.json()) as ErrorBody).error.message).toMatch(/from this network/);
  });
});

interface StreamedAnswer {
  status: number;
  body: string;
  /** Bytes the client had written when the answer's headers arrived. */
  sentAtAnswer: number;
}

/**
 * Streams `totalBytes` (the head, then spaces) to `path`, chunked or with an
 * honest Content-Length, and resolves with the answer as soon as it is
 * complete, without sending the rest.
 */
function streamBody(options: {
  path: string;
  method?: string;
  headers?: Record<string, string>;
  head: string;
  totalBytes: number;
  declareLength: boolean;
}): Promise<StreamedAnswer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { "x-forwarded-for": `2001:db8::${Math.floor(Math.random() * 0xffff).toString(16)}`, ...options.headers };
    if (options.declareLength) headers["content-length"] = options.totalBytes;
    else headers["transfer-encoding"] = "chunked";
    let sent = 0;
    let answered = false;
    const request = http.request(
      new URL(options.path, testBaseUrl()),
      { method: options.method ?? "POST", headers },
      (response) => {
        answered = true;
        const sentAtAnswer = sent;
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => {
          request.destroy();
          resolve({ status: response.statusCode ?? 0, body, sentAtAnswer });
        });
      },
    );
    // The server answers, and may close, before the whole body is written.
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE" && error.code !== "ECONNRESET") reject(error);
    });
    const block = Buffer.alloc(1024 * 1024, 0x20);
    const pump = () => {
      if (sent === 0) {
        request.write(options.head);
        sent += Buffer.byteLength(options.head);
      }
      while (!answered && !request.destroyed) {
        const left = options.totalBytes - sent;
        if (left <= 0) return void request.end();
        const piece = left >= block.length ? block : block.subarray(0, left);
        sent += piece.length;
        if (!request.write(piece)) return void request.once("drain", pump);
      }
    };
    pump();
  });
}

function expectRefused(answer: StreamedAnswer, totalBytes: number, label: string) {
  expect(answer.status, label).toBe(413);
  expect((JSON.parse(answer.body) as ErrorBody).error.code, label).toBe("payload_too_large");
  // Refused while it streamed: the answer came before the client had written
  // the whole body (how much it had written by then depends on the load on
  // the machine, so only the whole body is a bound that cannot flake).
  expect(answer.sentAtAnswer, label).toBeLessThan(totalBytes);
}

describe("request bodies past the route's limit", () => {
  const totalBytes = 120 * 1024 * 1024;
  const json = { "content-type": "application/json" };

  it("refuses three concurrent 120 MB sign-up bodies with 413 without the web process holding them", async () => {
    const serverPid = pidListeningOn(Number(new URL(testBaseUrl()).port));
    expect(serverPid).toBeDefined();
    const rssBefore = readMemory(serverPid!)!.rssKb;
    let peakKb = rssBefore;
    const sampler = setInterval(() => {
      const rss = readMemory(serverPid!)?.rssKb;
      if (rss) peakKb = Math.max(peakKb, rss);
    }, 20);
    const head = `{"email":"${freshEmail()}","password":"correct-horse-7","padding":"`;
    const answers = await Promise.all([
      streamBody({ path: "/api/users", headers: json, head, totalBytes, declareLength: false }),
      streamBody({ path: "/api/users", headers: json, head, totalBytes, declareLength: false }),
      streamBody({ path: "/api/users", headers: json, head, totalBytes, declareLength: true }),
    ]).finally(() => clearInterval(sampler));
    const grewMb = Math.round((peakKb - rssBefore) / 1024);
    console.info(`web server ${serverPid}: RSS peak +${grewMb} MB while refusing three 120 MB bodies`);
    expect(grewMb).toBeLessThan(120);
    answers.forEach((answer, index) => expectRefused(answer, totalBytes, `sign-up ${index + 1}`));
  });

  it("refuses oversized bodies on signed-in JSON routes, the word-list route and next-auth's routes", async () => {
    const user = await signUpAndSignIn();
    const cookie = { cookie: user.cookieHeader() };
    const boundary = "----capped-word-list";
    const cases = [
      { label: "PUT /api/settings", path: "/api/settings", method: "PUT", headers: { ...json, ...cookie }, head: '{"maxWords":"' },
      { label: "POST /api/study-sets", path: "/api/study-sets", headers: { ...json, ...cookie }, head: '{"words":"' },
      {
        label: "POST /api/word-lists (multipart)",
        path: "/api/word-lists",
        headers: { "content-type": `multipart/form-data; boundary=${boundary}`, ...cookie },
        head: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="mots.txt"\r\nContent-Type: text/plain\r\n\r\nchat\n`,
      },
      { label: "POST /api/word-lists (JSON)", path: "/api/word-lists", headers: { ...json, ...cookie }, head: '{"name":"mots","text":"' },
      {
        label: "POST /api/auth/callback/credentials",
        path: "/api/auth/callback/credentials",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        head: "email=a%40example.test&password=",
      },
      {
        label: "POST /api/auth/signout",
        path: "/api/auth/signout",
        headers: { "content-type": "application/x-www-form-urlencoded", ...cookie },
        head: "csrfToken=",
      },
    ];
    for (const entry of cases) {
      for (const declareLength of [false, true]) {
        const answer = await streamBody({ ...entry, totalBytes, declareLength });
        expectRefused(answer, totalBytes, `${entry.label}, ${declareLength ? "Content-Length" : "chunked"}`);
      }
    }
    // The signed-in session was not disturbed by the refused sign-out.
    expect(await hasSession(user)).toBe(true);
  });
});
