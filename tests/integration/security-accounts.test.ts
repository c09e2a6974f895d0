// Accounts and sessions, attacked over HTTP against the running stack: no
// seeded admin, sign-in and sign-up throttled per address and per account
// (429 + Retry-After, counted in Postgres), unknown emails cost a bcrypt
// comparison, Google never takes over a password account, sessions are
// re-checked (deleted account, lost role, sign-out), and bcrypt's 72-byte
// limit is refused with a clear message.
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { decode, encode } from "next-auth/jwt";
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/prisma";
import { parseEnv } from "@/lib/env";
import { upsertGoogleUser } from "@/lib/users/upsert-google-user";
import { demoAccount, seedDemoUser, shouldSeedDemoUser } from "@/prisma/seed";
import { anonymousClient, signIn, signUpAndSignIn, type HttpClient } from "@/tests/support/http-client";

const root = path.resolve(import.meta.dirname, "../..");
const sessionCookie = "next-auth.session-token";
const secret = () => process.env.NEXTAUTH_SECRET!;

afterAll(async () => {
  await disconnectDb();
});

interface ErrorBody {
  error: { code: string; message: string; requestId?: string };
}

async function attemptSignIn(client: HttpClient, email: string, password: string) {
  const csrf = await client.json<{ csrfToken: string }>("/api/auth/csrf");
  return client.fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken: csrf.body.csrfToken, email, password, json: "true" }),
  });
}

function signUp(client: HttpClient, email: string, password = "correct-horse-7") {
  return client.json<ErrorBody & { user?: { id: string } }>("/api/users", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
}

const freshEmail = () => `sec-${randomUUID()}@example.test`;

/** A client whose session cookie carries the given claims (signed like next-auth's own). */
async function clientWithToken(claims: Record<string, unknown>): Promise<HttpClient> {
  const client = anonymousClient();
  const token = await encode({ token: claims, secret: secret() });
  const plain = client.fetch.bind(client);
  client.fetch = (path, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set("cookie", `${sessionCookie}=${token}`);
    return plain(path, { ...init, headers });
  };
  return client;
}

function sessionTokenOf(client: HttpClient): string {
  const pair = client
    .cookieHeader()
    .split("; ")
    .find((cookie) => cookie.startsWith(`${sessionCookie}=`));
  return pair!.slice(sessionCookie.length + 1);
}

const longAgo = () => Date.now() - 60 * 60 * 1000;

describe("seeding and admins", () => {
  it("seeds only the demo user, never an admin, and only on the embedded database outside production", async () => {
    const config = (values: Record<string, string>) => parseEnv(values);
    expect(shouldSeedDemoUser({ embedded: true, config: config({ NODE_ENV: "development" }) })).toBe(true);
    expect(shouldSeedDemoUser({ embedded: false, config: config({ NODE_ENV: "development" }) })).toBe(false);
    expect(shouldSeedDemoUser({ embedded: true, config: config({ NODE_ENV: "production", TRUSTED_PROXIES: "0" }) })).toBe(false);
    expect(
      shouldSeedDemoUser({ embedded: true, config: config({ NODE_ENV: "development", SEED_DEMO_USER: "false" }) }),
    ).toBe(false);

    await seedDemoUser();
    const seeded = await db().user.findMany({ where: { email: { endsWith: "@example.com" } } });
    expect(seeded.map((user) => [user.email, user.role])).toEqual([[demoAccount.email, "user"]]);
    expect(await db().user.count({ where: { email: "admin@example.com" } })).toBe(0);
    await db().user.delete({ where: { email: demoAccount.email } });
  });

  it("makes an account admin with `npm run user:admin -- EMAIL`", async () => {
    const client = await signUpAndSignIn();
    const run = (email: string) =>
      spawnSync(process.execPath, ["--import", "tsx", "scripts/make-admin.ts", email], {
        cwd: root,
        env: { ...process.env, LOG_LEVEL: "silent" },
        encoding: "utf8",
      });
    const promoted = run(client.email!.toUpperCase());
    expect(promoted.status, promoted.stderr).toBe(0);
    expect(promoted.stdout).toContain("is now an administrator");
    expect((await db().user.findUniqueOrThrow({ where: { email: client.email! } })).role).toBe("admin");

    const missing = run(freshEmail());
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("No account uses");
  });
});

describe("sign-in and sign-up throttling", () => {
  it("answers 429 with Retry-After once an account has had its attempts, from any address", async () => {
    const email = freshEmail();
    await signUp(anonymousClient(), email);
    // Sign-up has a per-email counter of its own: all ten sign-in attempts are left.
    const allowed = 10;
    for (let attempt = 0; attempt < allowed; attempt++) {
      const response = await attemptSignIn(anonymousClient(), email, "wrong-password-1");
      expect(response.status, `attempt ${attempt + 1}`).not.toBe(429);
    }
    const blocked = await attemptSignIn(anonymousClient(), email, "correct-horse-7");
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(60);
    const body = (await blocked.json()) as ErrorBody;
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.message).toMatch(/Too many sign-in attempts for this account/);

    // The counters are rows in Postgres, shared by every web process.
    const counted = await db().$queryRaw<{ points: number }[]>`
      select points from rate_limits where key = ${`sign-in-account:${email}`}`;
    expect(counted[0]?.points).toBeGreaterThanOrEqual(10);
  });

  it("answers 429 to one address trying many accounts", async () => {
    const attacker = anonymousClient();
    for (let attempt = 0; attempt < 30; attempt++) {
      const response = await attemptSignIn(attacker, freshEmail(), "guess-password-1");
      expect(response.status, `attempt ${attempt + 1}`).not.toBe(429);
    }
    const blocked = await attemptSignIn(attacker, freshEmail(), "guess-password-1");
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("retry-after")).toMatch(/^\d+$/);
    // Another address is not affected.
    expect((await attemptSignIn(anonymousClient(), freshEmail(), "guess-password-1")).status).not.toBe(429);
  });

  it("throttles sign-ups per address", async () => {
    const farm = anonymousClient();
    for (let index = 0; index < 20; index++) expect((await signUp(farm, freshEmail())).status).toBe(201);
    const blocked = await signUp(farm, freshEmail());
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe("rate_limited");
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("believes X-Forwarded-For only as far as the configured proxies", async () => {
    const { clientAddress } = await import("@/lib/rate-limit/client-address");
    const headers = new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2" });
    // No trusted proxy: the header is the client's own, never read (the socket's address is, when recorded).
    expect(clientAddress(headers, 0)).toBe("unknown");
    expect(clientAddress(headers, 1)).toBe("10.0.0.2");
    expect(clientAddress(headers, 2)).toBe("203.0.113.9");
    expect(clientAddress(new Headers(), 1)).toBe("unknown");
  });
});

describe("account enumeration", () => {
  it("spends a bcrypt comparison on unknown emails too", async () => {
    const known = await signUpAndSignIn();
    const timed = async (email: string) => {
      const times: number[] = [];
      for (let index = 0; index < 3; index++) {
        const client = anonymousClient();
        const csrf = await client.json<{ csrfToken: string }>("/api/auth/csrf");
        const started = performance.now();
        await client.fetch("/api/auth/callback/credentials", {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ csrfToken: csrf.body.csrfToken, email, password: "wrong-pass-9", json: "true" }),
        });
        times.push(performance.now() - started);
      }
      return times.sort((a, b) => a - b)[1]!;
    };
    const wrongPassword = await timed(known.email!);
    const unknownEmail = await timed(freshEmail());
    // Without the dummy comparison an unknown email answers in a few
    // milliseconds; a bcrypt comparison (10 rounds) takes tens.
    expect(unknownEmail).toBeGreaterThan(wrongPassword * 0.5);
  });
});

describe("Google sign-in", () => {
  it("never links to a password account with the same email and requires a verified email", async () => {
    const email = freshEmail();
    await signUp(anonymousClient(), email);
    const taken = await upsertGoogleUser({ googleId: `g-${randomUUID()}`, email, emailVerified: true });
    expect(taken).toBeNull();
    const account = await db().user.findUniqueOrThrow({ where: { email } });
    expect(account.googleId).toBeNull();

    const unverified = await upsertGoogleUser({ googleId: `g-${randomUUID()}`, email: freshEmail(), emailVerified: false });
    expect(unverified).toBeNull();

    const googleId = `g-${randomUUID()}`;
    const newEmail = freshEmail();
    const created = await upsertGoogleUser({ googleId, email: newEmail, emailVerified: true });
    expect(created?.email).toBe(newEmail);
    const again = await upsertGoogleUser({ googleId, email: newEmail, emailVerified: true });
    expect(again?.id).toBe(created?.id);
  });
});

describe("sessions", () => {
  it("ends a session whose account was deleted, at the next check", async () => {
    const client = await signUpAndSignIn();
    const userId = client.userId!;
    const stale = await clientWithToken({ sub: userId, role: "user", startedAt: longAgo(), checkedAt: longAgo() });
    expect((await stale.json("/api/settings")).status).toBe(200);
    await db().user.delete({ where: { id: userId } });
    const response = await stale.json<ErrorBody>("/api/settings");
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe("unauthenticated");
    // The session endpoint clears the cookie of an ended session.
    const session = await stale.json<{ user?: unknown }>("/api/auth/session");
    expect(session.body?.user).toBeUndefined();
  });

  it("takes an admin's lost role into account at the next check", async () => {
    const admin = await signUpAndSignIn({ role: "admin" });
    const token = { sub: admin.userId, role: "admin", startedAt: longAgo(), checkedAt: longAgo() };
    const stale = await clientWithToken(token);
    expect((await stale.json("/api/admin/queues")).status).toBe(200);
    await db().user.update({ where: { id: admin.userId! }, data: { role: "user" } });
    expect((await stale.json("/api/admin/queues")).status).toBe(403);
    // A token checked a moment ago is trusted until its next check.
    const fresh = await clientWithToken({ ...token, checkedAt: Date.now() });
    expect((await fresh.json("/api/admin/queues")).status).toBe(200);
  });

  it("ends every copy of a session on sign-out", async () => {
    const client = await signUpAndSignIn();
    const claims = (await decode({ token: sessionTokenOf(client), secret: secret() }))!;
    expect(typeof claims.startedAt).toBe("number");
    const copy = await clientWithToken({ ...claims, checkedAt: longAgo() });
    expect((await copy.json("/api/settings")).status).toBe(200);

    const csrf = await client.json<{ csrfToken: string }>("/api/auth/csrf");
    await client.fetch("/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken: csrf.body.csrfToken, json: "true" }),
    });
    expect((await copy.json("/api/settings")).status).toBe(401);
    // Signing in again starts a new session that works.
    const again = await signIn({ email: client.email!, password: "correct-horse-7" });
    expect((await again.json("/api/settings")).status).toBe(200);
  });
});

describe("passwords", () => {
  it("refuses passwords longer than bcrypt's 72 bytes with a clear message", async () => {
    const accented = "é".repeat(36) + "1"; // 37 characters, 73 bytes
    const refused = await signUp(anonymousClient(), freshEmail(), accented);
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/at most 72 bytes/);

    const longest = "a".repeat(71) + "1"; // exactly 72 bytes
    expect((await signUp(anonymousClient(), freshEmail(), longest)).status).toBe(201);
  });
});
