// `npm start` itself, run the way a user runs it (npm, then scripts/start.ts
// with its embedded Postgres in a temp folder, on free ports, NODE_ENV
// unset), over one life:
// - the demo account it seeds is announced in its log and on the sign-in page;
// - the worker runs at a lower CPU priority than the web app;
// - the embedded Postgres killed with -9 is started again, and the product
//   answers /api/health again;
// - Ctrl-C (SIGINT to the whole process group, as a terminal sends it) while
//   a book's chunks are running: the terminal says what the stop waits for,
//   and when npm returns, no process of the product (web, worker, Postgres,
//   the supervisor) is left.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeChunkStates } from "@/lib/jobs/chunk-state-runs";
import type { JobProgress } from "@/lib/jobs/get-job-progress";
import { loadCorpusText, makeNovelPdf } from "@/tests/fixtures/make-novel-pdf";
import { startFakeGemini, type FakeGemini } from "@/tests/support/fake-gemini-server";
import { pdfForm, signUpAndSignIn, type HttpClient } from "@/tests/support/http-client";
import { freePort } from "@/tests/support/stack";
import { httpStatus, portOpen, running, watchNpmStart, workerHealth } from "@/tests/support/watch-npm-start";

const root = path.resolve(import.meta.dirname, "../..");

let gemini: FakeGemini;
let dataDir: string;
let npm: ChildProcess;
let output = "";
let baseUrl: string;
let healthUrl: string;
let webPort: number;
let pgPort: number;
let client: HttpClient;
/** The supervisor's process group: web, worker and Postgres run in it. */
let productGroup: number | undefined;

const { until, startedPids } = watchNpmStart(() => npm, () => output);

function lastStarted(name: "web" | "worker"): number {
  const pids = startedPids(name);
  expect(pids.length).toBeGreaterThan(0);
  return pids.at(-1)!;
}

function postgresPid(): number {
  return Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
}

/** Fields of /proc/PID/stat after the command name: [0] is field 3 (state). */
function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

const niceness = (pid: number) => Number(statFields(pid)[16]);
const processGroup = (pid: number) => Number(statFields(pid)[2]);

async function job(id: string): Promise<JobProgress> {
  const response = await client.json<JobProgress>(`/api/jobs/${id}`);
  expect(response.status).toBe(200);
  return response.body;
}

beforeAll(async () => {
  gemini = await startFakeGemini({ latencyMs: 0 });
  dataDir = mkdtempSync(path.join(os.tmpdir(), "novels-lifecycle-"));
  [webPort, pgPort] = [await freePort(), await freePort()];
  const healthPort = await freePort();
  baseUrl = `http://127.0.0.1:${webPort}`;
  healthUrl = `http://127.0.0.1:${healthPort}/`;
  // The user's environment: no DATABASE_URL, no NODE_ENV, nothing of the test stack's.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(DATABASE_URL|NODE_ENV|SEED_DEMO_USER|TEST_|FAKE_GEMINI_URL|VITEST|npm_)/.test(name),
    ),
  );
  npm = spawn("npm", ["start"], {
    cwd: root,
    env: {
      ...inherited,
      PORT: String(webPort),
      EMBEDDED_PG_PORT: String(pgPort),
      EMBEDDED_PG_DIR: dataDir,
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: "lifecycle-test-secret-lifecycle-test",
      GEMINI_API_KEY: "test-key",
      GEMINI_BASE_URL: gemini.url,
      GEMINI_TIMEOUT_MS: "120000",
      CHUNK_PAGES: "7",
      CHUNK_OVERLAP_PAGES: "1",
      WORKER_CONCURRENCY: "2",
      WORKER_SHUTDOWN_GRACE_MS: "120000",
      WORKER_HEALTH_PORT: String(healthPort),
      LOG_LEVEL: "info",
    } as unknown as NodeJS.ProcessEnv, // Without NODE_ENV, as a user's shell has it (Next.js types make it required).
    stdio: ["ignore", "pipe", "pipe"],
    // A process group of its own, like a terminal's foreground job, for Ctrl-C.
    detached: true,
  });
  npm.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  npm.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await until(async () => (await httpStatus(`${baseUrl}/api/health`)) === 200, 300_000, "the web app");
  await until(async () => (await workerHealth(healthUrl))?.ok, 60_000, "the worker");
  productGroup = processGroup(lastStarted("web"));
  client = await signUpAndSignIn({ baseUrl });
}, 360_000);

afterAll(async () => {
  if (productGroup !== undefined && running(-productGroup)) process.kill(-productGroup, "SIGKILL");
  if (npm?.pid && running(-npm.pid)) process.kill(-npm.pid, "SIGKILL");
  await gemini?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe("npm start over one life", () => {
  it("announces the demo account it seeds, in its log and on the sign-in page", async () => {
    expect(output).toContain("Demo account: demo@example.com / demo-password-1 — created because");
    expect(output).toContain("SEED_DEMO_USER=false");
    const page = await (await fetch(`${baseUrl}/sign-in`)).text();
    expect(page).toMatch(/Demo account: (<!-- -->)?demo@example.com(<!-- -->)? \/ (<!-- -->)?demo-password-1/);
  });

  it("runs the worker at a lower CPU priority than the web app", () => {
    const [web, worker] = [lastStarted("web"), lastStarted("worker")];
    expect(processGroup(worker)).toBe(productGroup);
    expect(niceness(worker)).toBeGreaterThan(niceness(web));
  });

  it("starts the embedded Postgres again when it is killed, and serves /api/health again", async () => {
    const killed = postgresPid();
    expect(processGroup(killed)).toBe(productGroup);
    process.kill(killed, "SIGKILL");
    // The supervisor may bring it back between two polls of /api/health: its own word that it saw the kill counts too.
    const noticed = () => output.includes("The embedded Postgres was killed by SIGKILL");
    await until(async () => !running(killed) && (noticed() || (await httpStatus(`${baseUrl}/api/health`)) !== 200), 30_000, "the database gone");
    await until(async () => (await httpStatus(`${baseUrl}/api/health`)) === 200, 120_000, "/api/health answering 200 again");
    expect(output).toContain("The embedded Postgres was killed by SIGKILL; starting it again.");
    expect(output).toMatch(/The embedded Postgres is running again \(pid \d+\)/);
    expect(postgresPid()).not.toBe(killed);
    await until(async () => (await workerHealth(healthUrl))?.ok, 120_000, "the worker healthy again");
  }, 300_000);

  it("on Ctrl-C mid-book says what it waits for, and npm returns only once nothing of the product runs", async () => {
    // Every Gemini answer takes long: the chunks are still running when Ctrl-C comes.
    gemini.setLatency(20_000);
    const book = await makeNovelPdf({
      text: loadCorpusText("bovary", { words: 6000, startAt: "Nous étions à l'Étude" }),
      pages: 14,
      title: "Madame Bovary",
    });
    const created = await client.json<{ job: { id: string } }>("/api/jobs", {
      method: "POST",
      body: pdfForm(book, { engine: "gemini", maxWords: "8" }, "bovary.pdf"),
    });
    expect(created.status).toBe(202);
    await until(async () => decodeChunkStates((await job(created.body.job.id)).chunkStates).includes("running"), 120_000, "a chunk running");
    await until(async () => gemini.requests.length > 0, 60_000, "a Gemini request in flight");

    const pids = [lastStarted("web"), lastStarted("worker"), postgresPid()];
    expect(pids.filter(running)).toHaveLength(3);
    let stillRunningAtExit: number[] = [];
    let groupAliveAtExit = true;
    const exited = new Promise<string>((resolve) =>
      npm.once("exit", (code, signal) => {
        // Checked the moment npm returns, as a terminal's next command would find them.
        stillRunningAtExit = pids.filter(running);
        groupAliveAtExit = running(-productGroup!);
        resolve(signal ?? `code ${code}`);
      }),
    );
    process.kill(-npm.pid!, "SIGINT");
    const how = await exited;
    expect(stillRunningAtExit).toEqual([]);
    expect(groupAliveAtExit).toBe(false);
    // npm waits for its script, then ends itself with the signal it was sent, as shells expect.
    expect(["SIGINT", "code 0"]).toContain(how);
    expect(await portOpen(webPort)).toBe(false);
    expect(await portOpen(pgPort)).toBe(false);
    const afterStop = output.slice(output.indexOf("SIGINT: stopping"));
    expect(output).toContain("SIGINT: stopping");
    expect(afterStop).toMatch(/waiting for \d+ chunks? to finish/);
    expect(afterStop).toContain("Still stopping: the worker is finishing its running chunks");
    expect(afterStop).toContain('"msg":"worker stopped"');
    expect(afterStop).not.toMatch(/restarting it|Stopping at once/);
  }, 300_000);
});
