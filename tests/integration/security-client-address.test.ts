// Per-address throttles with no trusted proxy (TRUSTED_PROXIES=0): the
// address is the socket's, so X-Forwarded-For sent by a client gives it no
// fresh allowance; production refuses to start without an explicit
// TRUSTED_PROXIES; next-auth's `_log` is refused; expired throttle counters
// are deleted by the sweep.
import { spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/prisma";
import { sweepStuckJobs } from "@/lib/pipeline/sweep-stuck-jobs";
import { anonymousClient } from "@/tests/support/http-client";
import { freePort, startStack, type Stack } from "@/tests/support/stack";

const root = path.resolve(import.meta.dirname, "../..");
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ workers: 0, env: { TRUSTED_PROXIES: "0", SIGN_UPS_PER_IP: "3" } });
});

afterAll(async () => {
  await stack?.stop();
  await disconnectDb();
});

function signUp(forwardedFor: string) {
  const client = anonymousClient(stack.baseUrl, forwardedFor);
  return client.json<{ error?: { code: string } }>("/api/users", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: `addr-${randomUUID()}@example.test`, password: "correct-horse-7" }),
  });
}

describe("client address with no trusted proxy", () => {
  it("counts sign-ups from forged X-Forwarded-For addresses against the socket's address", async () => {
    const statuses: number[] = [];
    for (let index = 1; index <= 5; index++) statuses.push((await signUp(`198.51.100.${index}`)).status);
    expect(statuses.slice(0, 3)).toEqual([201, 201, 201]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    // The counter is keyed by the socket's (loopback) address: neither a forged one nor "unknown".
    const client = new pg.Client({ connectionString: stack.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ key: string }>("select key from rate_limits where key like 'sign-up-ip:%'");
      expect(rows.map((row) => row.key)).toEqual([expect.stringMatching(/^sign-up-ip:(::ffff:)?127\.0\.0\.1$/)]);
    } finally {
      await client.end();
    }
  });
});

describe("next-auth's client logger", () => {
  it("refuses POST /api/auth/_log", async () => {
    const client = anonymousClient(stack.baseUrl);
    const response = await client.fetch("/api/auth/_log", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ code: "FORGED", level: "error", message: "written by anyone" }),
    });
    expect(response.status).toBe(404);
  });
});

describe("production configuration", () => {
  const production = (extra: Record<string, string> = {}) =>
    ({
      PATH: process.env.PATH,
      NODE_ENV: "production",
      DATABASE_URL: stack.databaseUrl,
      NEXTAUTH_SECRET: "client-address-secret-client-address",
      LOG_LEVEL: "warn",
      ...extra,
    }) as NodeJS.ProcessEnv;

  it("the worker refuses to start without TRUSTED_PROXIES, naming it", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "worker/index.ts"], {
      cwd: root,
      env: production(),
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain("TRUSTED_PROXIES");
  });

  it("the web app (next start) refuses to start without TRUSTED_PROXIES, naming it", async () => {
    const port = await freePort();
    const web = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
      cwd: root,
      env: production(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    web.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    web.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    // A first request makes sure a server that did start is caught serving.
    const served = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (response) => response.status,
      () => 0,
    );
    const code = await new Promise<number | null>((resolve) => {
      if (web.exitCode !== null) return resolve(web.exitCode);
      const timer = setTimeout(() => {
        web.kill("SIGKILL");
        resolve(null);
      }, 30_000);
      web.once("exit", (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    expect(served).not.toBe(200);
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(output).toContain("TRUSTED_PROXIES");
  });
});

describe("throttle counters", () => {
  it("are deleted by the sweep once their window has ended", async () => {
    const expired = `test-expired-${randomUUID()}`;
    const live = `test-live-${randomUUID()}`;
    await db().$executeRaw`insert into rate_limits (key, points, expire) values (${expired}, 1, ${Date.now() - 1000}), (${live}, 1, ${Date.now() + 3_600_000})`;
    await sweepStuckJobs();
    const keys = await db().$queryRaw<{ key: string }[]>`select key from rate_limits where key in (${expired}, ${live})`;
    expect(keys.map((row) => row.key)).toEqual([live]);
  });
});
