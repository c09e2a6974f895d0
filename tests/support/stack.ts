// The real product for tests and benchmarks: an embedded Postgres in a temp
// folder, migrations, the fake Gemini server, worker processes and the
// production Next.js server, all on loopback ports chosen at random.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { prepareDatabase } from "@/lib/db/prepare-database";
import { webHeapOptions, withHeapOptions } from "@/scripts/heap-options";
import { workerNodeArgs } from "@/scripts/worker-command";
import { ensureWebBuild } from "@/scripts/web-build";
import { startFakeGemini, type FakeGeminiOptions } from "@/tests/support/fake-gemini-server";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface WorkerProcess {
  child: ChildProcess;
  /** SIGTERM and wait for a graceful exit. */
  stop(): Promise<number | null>;
  /** SIGKILL: the crash case. */
  kill(): Promise<void>;
}

export interface Stack {
  baseUrl: string;
  databaseUrl: string;
  /** A superuser URL on the same server, for creating throwaway databases. */
  adminUrl: string;
  geminiUrl: string;
  env: Record<string, string>;
  workers: WorkerProcess[];
  startWorker(extraEnv?: Record<string, string>): Promise<WorkerProcess>;
  stop(): Promise<void>;
}

export interface StackOptions {
  workers?: number;
  web?: boolean;
  gemini?: FakeGeminiOptions;
  env?: Record<string, string>;
}

/** The stack's bearer token for GET /api/metrics. */
export const METRICS_TEST_TOKEN = "test-metrics-token-0123456789";

const root = path.resolve(import.meta.dirname, "../..");

function waitForExit(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

async function waitForHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`web server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`web server at ${url} was not healthy within ${timeoutMs} ms`);
}

/** A worker process (`tsx worker/index.ts`) with the given environment. */
export function spawnWorker(env: Record<string, string>): WorkerProcess {
  // Node itself, not an npx or tsx wrapper, so SIGKILL reaches the worker.
  const child = spawn(process.execPath, workerNodeArgs, {
    cwd: root,
    env: withHeapOptions(Object.assign({}, process.env, env, { PROCESS_ROLE: "worker" })),
    stdio: ["ignore", "inherit", "inherit"],
  }) as ChildProcess;
  return {
    child,
    async stop() {
      child.kill("SIGTERM");
      return waitForExit(child);
    },
    async kill() {
      child.kill("SIGKILL");
      await waitForExit(child);
    },
  };
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "novels-pg-"));
  const pgPort = await freePort();
  const postgres = await startEmbeddedPostgres({ dataDir, port: pgPort, database: "novels" });
  await prepareDatabase(postgres.url);
  const gemini = await startFakeGemini(options.gemini);

  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: postgres.url,
    GEMINI_API_KEY: "test-key",
    GEMINI_BASE_URL: gemini.url,
    NEXTAUTH_SECRET: "test-secret-test-secret-test-secret",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    METRICS_TOKEN: METRICS_TEST_TOKEN,
    // Test clients each present their own address in X-Forwarded-For (see
    // http-client.ts), as if behind one proxy, so per-address throttles
    // apply to each client rather than to the whole suite on loopback.
    TRUSTED_PROXIES: "1",
    ...options.env,
  };
  const children: ChildProcess[] = [];
  const workers: WorkerProcess[] = [];

  async function startWorker(extraEnv: Record<string, string> = {}): Promise<WorkerProcess> {
    const worker = spawnWorker({ ...env, ...extraEnv });
    children.push(worker.child);
    workers.push(worker);
    return worker;
  }

  let baseUrl = "";
  if (options.web !== false) {
    if (!ensureWebBuild(root)) throw new Error("next build failed");
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const web = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
      cwd: root,
      env: withHeapOptions(Object.assign({}, process.env, env, { PROCESS_ROLE: "web", NEXTAUTH_URL: baseUrl }), webHeapOptions),
      stdio: ["ignore", "inherit", "inherit"],
    });
    children.push(web);
    await waitForHealthy(baseUrl, web, 60_000);
  }
  for (let index = 0; index < (options.workers ?? 1); index++) await startWorker();

  return {
    baseUrl,
    databaseUrl: postgres.url,
    adminUrl: postgres.url.replace(/\/novels$/, "/postgres"),
    geminiUrl: gemini.url,
    env,
    workers,
    startWorker,
    async stop() {
      for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
      await Promise.race([
        Promise.all(children.map(waitForExit)),
        new Promise((resolve) => setTimeout(resolve, 10_000)),
      ]);
      for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
      await gemini.close();
      await postgres.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
