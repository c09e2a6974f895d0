// `npm start` as a user runs it (scripts/start.ts with its embedded Postgres
// in a temp folder, on free ports), and a worker killed the way the kernel's
// out-of-memory killer does it: `kill -9` in the middle of a book. The web
// app keeps answering, the supervisor has a new worker up within seconds,
// and the book finishes once, with exact credits and the same sentences as
// an uninterrupted run of the same book. A killed web server comes back the
// same way, and Ctrl-C (SIGINT to the whole process group, as a terminal
// sends it) then stops the web app and worker before the database, leaving
// nothing running.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LedgerEntry } from "@/lib/credits/get-credits";
import { decodeChunkStates } from "@/lib/jobs/chunk-state-runs";
import type { JobProgress } from "@/lib/jobs/get-job-progress";
import { loadCorpusText, makeNovelPdf } from "@/tests/fixtures/make-novel-pdf";
import { startFakeGemini, type FakeGemini } from "@/tests/support/fake-gemini-server";
import { pdfForm, signUpAndSignIn, type HttpClient } from "@/tests/support/http-client";
import { freePort } from "@/tests/support/stack";
import { httpStatus, portOpen, running, watchNpmStart, workerHealth } from "@/tests/support/watch-npm-start";

const root = path.resolve(import.meta.dirname, "../..");
const terminal = ["succeeded", "partial", "failed", "cancelled"];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let gemini: FakeGemini;
let dataDir: string;
let start: ChildProcess;
let output = "";
let baseUrl: string;
let healthUrl: string;
let pgPort: number;
let client: HttpClient;
let book: Uint8Array;
let reference: { job: JobProgress; sentences: unknown[] };

const { until, startedPids } = watchNpmStart(() => start, () => output);

async function job(id: string): Promise<JobProgress> {
  const response = await client.json<JobProgress>(`/api/jobs/${id}`);
  expect(response.status).toBe(200);
  return response.body;
}

async function upload(): Promise<string> {
  const response = await client.json<{ job: { id: string } }>("/api/jobs", {
    method: "POST",
    body: pdfForm(book, { engine: "gemini", maxWords: "8" }, "bovary.pdf"),
  });
  expect(response.status).toBe(202);
  return response.body.job.id;
}

async function finished(id: string): Promise<JobProgress> {
  return until(async () => {
    const progress = await job(id);
    return terminal.includes(progress.status) && progress;
  }, 180_000, `job ${id} finished`);
}

async function sentences(id: string): Promise<unknown[]> {
  const response = await client.fetch(`/api/jobs/${id}/export?format=json`);
  expect(response.status).toBe(200);
  return (await response.json()) as unknown[];
}

async function ledgerOf(id: string): Promise<LedgerEntry[]> {
  const credits = await client.json<{ ledger: LedgerEntry[] }>("/api/credits?limit=200");
  return credits.body.ledger.filter((entry) => entry.jobId === id);
}

beforeAll(async () => {
  gemini = await startFakeGemini({ latencyMs: 600 });
  dataDir = mkdtempSync(path.join(os.tmpdir(), "novels-start-"));
  const [webPort, healthPort] = [await freePort(), await freePort()];
  pgPort = await freePort();
  baseUrl = `http://127.0.0.1:${webPort}`;
  healthUrl = `http://127.0.0.1:${healthPort}/`;
  // The user's environment: no DATABASE_URL (the embedded database), nothing of the test stack's.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(DATABASE_URL|TEST_|FAKE_GEMINI_URL|VITEST)/.test(name)),
  );
  start = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    env: {
      ...inherited,
      NODE_ENV: "production",
      TRUSTED_PROXIES: "0",
      PORT: String(webPort),
      EMBEDDED_PG_PORT: String(pgPort),
      EMBEDDED_PG_DIR: dataDir,
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: "supervision-test-secret-supervision",
      SEED_DEMO_USER: "false",
      GEMINI_API_KEY: "test-key",
      GEMINI_BASE_URL: gemini.url,
      GEMINI_TIMEOUT_MS: "20000",
      CHUNK_PAGES: "7",
      CHUNK_OVERLAP_PAGES: "1",
      CHUNK_WINDOW: "2",
      WORKER_CONCURRENCY: "2",
      WORKER_HEALTH_PORT: String(healthPort),
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
    // A process group of its own, like a terminal's foreground job, for Ctrl-C.
    detached: true,
  });
  start.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  start.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));

  book = await makeNovelPdf({
    text: loadCorpusText("bovary", { words: 30_000, startAt: "Nous étions à l'Étude" }),
    pages: 70,
    title: "Madame Bovary",
  });
  await until(async () => (await httpStatus(`${baseUrl}/api/health`)) === 200, 180_000, "the web app");
  await until(async () => (await workerHealth(healthUrl))?.ok, 60_000, "the worker");
  client = await signUpAndSignIn({ baseUrl });
}, 300_000);

afterAll(async () => {
  if (start && start.exitCode === null) {
    for (const pid of [...startedPids("web"), ...startedPids("worker")]) if (running(pid)) process.kill(pid, "SIGKILL");
    start.kill("SIGINT");
    await sleep(3000);
    if (start.exitCode === null) start.kill("SIGKILL");
  }
  await gemini?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe("npm start supervising its processes", () => {
  it("processes a book without interruption (the reference run)", async () => {
    const id = await upload();
    const done = await finished(id);
    expect(done.status).toBe("succeeded");
    expect(done.pageCount).toBe(70);
    reference = { job: done, sentences: await sentences(id) };
    expect(reference.sentences.length).toBeGreaterThan(500);
  }, 200_000);

  it("restarts a worker killed with -9 mid-book while the web app keeps answering; the book finishes once, exactly", async () => {
    const id = await upload();
    await until(async () => {
      const progress = await job(id);
      return progress.chunksDone >= 1 && decodeChunkStates(progress.chunkStates).includes("running");
    }, 120_000, "a chunk done and one running");
    const before = (await workerHealth(healthUrl))!;
    expect(before.ok).toBe(true);
    process.kill(before.pid, "SIGKILL");
    const killedAt = Date.now();

    // Meanwhile every web request answers, and a new worker process is healthy within seconds.
    const webStatuses: number[] = [];
    let after: { ok: boolean; pid: number } | null = null;
    while (Date.now() - killedAt < 20_000) {
      webStatuses.push(await httpStatus(`${baseUrl}/api/health`), (await client.fetch(`/api/jobs/${id}`)).status);
      after = await workerHealth(healthUrl);
      if (after?.ok && after.pid !== before.pid) break;
      await sleep(250);
    }
    const backAfterMs = Date.now() - killedAt;
    expect(after).toMatchObject({ ok: true });
    expect(after!.pid).not.toBe(before.pid);
    expect(backAfterMs).toBeLessThan(15_000);
    expect(webStatuses.every((code) => code === 200), `web statuses: ${webStatuses}`).toBe(true);
    expect(running(before.pid)).toBe(false);
    expect(output).toContain("The worker process was killed by SIGKILL; restarting it in 1 s.");
    expect(startedPids("worker")).toContain(after!.pid);

    const done = await finished(id);
    expect(done.status).toBe("succeeded");
    expect(done.chunksDone).toBe(done.chunksTotal);
    expect(await sentences(id)).toEqual(reference.sentences);
    expect(done.sentenceCount).toBe(reference.job.sentenceCount);
    expect(done.creditsCharged).toBe(70 * 3);
    expect(done.creditsCharged).toBe(reference.job.creditsCharged);
    const ledger = await ledgerOf(id);
    expect(ledger.filter((entry) => entry.kind === "reserve")).toHaveLength(1);
    expect(ledger.reduce((sum, entry) => sum + entry.amount, 0)).toBe(-done.creditsCharged);
    const credits = await client.json<{ balance: number; grantedThisMonth: number }>("/api/credits");
    expect(credits.body.balance).toBe(credits.body.grantedThisMonth - reference.job.creditsCharged - done.creditsCharged);
  }, 240_000);

  it("restarts a killed web server, then stops everything on Ctrl-C and leaves nothing running", async () => {
    const [web] = startedPids("web");
    process.kill(web!, "SIGKILL");
    await until(async () => startedPids("web").length === 2 && (await httpStatus(`${baseUrl}/api/health`)) === 200, 60_000, "the web app back");
    expect(output).toContain("The web process was killed by SIGKILL; restarting it in 1 s.");
    expect((await workerHealth(healthUrl))?.ok).toBe(true);

    const exited = new Promise<number | null>((resolve) => start.once("exit", (code) => resolve(code)));
    process.kill(-start.pid!, "SIGINT");
    expect(await exited).toBe(0);
    const pids = [...startedPids("web"), ...startedPids("worker")];
    expect(pids.length).toBeGreaterThanOrEqual(4);
    expect(pids.filter(running)).toEqual([]);
    expect(await portOpen(Number(new URL(baseUrl).port))).toBe(false);
    expect(await portOpen(pgPort)).toBe(false);
    expect(output).toContain("SIGINT: stopping the web app and the worker");
    const afterStop = output.slice(output.indexOf("SIGINT: stopping"));
    expect(afterStop).not.toMatch(/restarting it/);
    // The database went last: the worker never lost it while stopping.
    expect(afterStop).toContain('"msg":"worker stopped"');
    expect(output).not.toContain("terminating connection due to administrator command");
  }, 120_000);
});
