// Postgres going away while books are being processed: this file runs its own
// embedded Postgres, web server and worker process, stops the database in
// the middle of two books and starts it again on the same data folder and
// port. Meanwhile the web app reports 503 from /api/health and the worker
// process stays up; once the database is back, health is 200 again and both
// books finish with every chunk done, every sentence present and the credits
// settled.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/lib/db/embedded-postgres";
import { prepareDatabase } from "@/lib/db/prepare-database";
import { isJobEnded } from "@/lib/jobs/job-states";
import { loadCorpusText, makeNovelPdf } from "@/tests/fixtures/make-novel-pdf";
import { startFakeGemini, type FakeGemini } from "@/tests/support/fake-gemini-server";
import { pdfForm, signUpAndSignIn, type HttpClient } from "@/tests/support/http-client";
import { distinctOriginals } from "@/tests/support/pipeline-harness";
import { createLocalEngine, limitSentences } from "@/tests/support/local-engine";
import { freePort, spawnWorker, type WorkerProcess } from "@/tests/support/stack";

const root = path.resolve(import.meta.dirname, "../..");

let dataDir: string;
let pgPort: number;
let postgres: EmbeddedServer | undefined;
let databaseUrl: string;
let gemini: FakeGemini;
let web: ChildProcess | undefined;
let baseUrl: string;
let worker: WorkerProcess | undefined;
let lib: typeof import("@/lib/db/prisma");

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function health(): Promise<number> {
  try {
    const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(10_000) });
    return response.status;
  } catch {
    return 0;
  }
}

async function until<T>(probe: () => Promise<T | false | null | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(200);
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "novels-restart-pg-"));
  pgPort = await freePort();
  postgres = await startEmbeddedPostgres({ dataDir, port: pgPort, database: "novels" });
  databaseUrl = postgres.url;
  await prepareDatabase(databaseUrl);
  // This file's own database: set before lib reads its configuration.
  process.env.DATABASE_URL = databaseUrl;
  lib = await import("@/lib/db/prisma");

  gemini = await startFakeGemini({ latencyMs: 1200 });
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NODE_ENV: "production",
    TRUSTED_PROXIES: "0",
    DATABASE_URL: databaseUrl,
    GEMINI_API_KEY: "test-key",
    GEMINI_BASE_URL: gemini.url,
    GEMINI_TIMEOUT_MS: "20000",
    NEXTAUTH_SECRET: "restart-test-secret-restart-test-secret",
    LOG_LEVEL: "fatal",
    CHUNK_PAGES: "4",
    CHUNK_OVERLAP_PAGES: "1",
    CHUNK_WINDOW: "2",
    WORKER_CONCURRENCY: "2",
  };
  const webPort = await freePort();
  baseUrl = `http://127.0.0.1:${webPort}`;
  web = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(webPort), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, ...env, PROCESS_ROLE: "web", NEXTAUTH_URL: baseUrl },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await until(async () => (await health()) === 200, 60_000, "web server healthy");
  worker = spawnWorker({ ...env, LOG_LEVEL: process.env.RESILIENCE_LOG_LEVEL ?? "fatal" });
});

afterAll(async () => {
  await worker?.kill();
  web?.kill("SIGKILL");
  await lib?.disconnectDb();
  await gemini?.close();
  await postgres?.stop().catch(() => {});
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function upload(client: HttpClient, bytes: Uint8Array, name: string): Promise<string> {
  const response = await client.json<{ job: { id: string } }>("/api/jobs", {
    method: "POST",
    body: pdfForm(bytes, { engine: "gemini", maxWords: "8" }, name),
  });
  expect(response.status).toBe(202);
  return response.body.job.id;
}

describe("Postgres restarted while books are processed", () => {
  it("answers 503 meanwhile, keeps the worker up, and finishes every book afterwards", async () => {
    const client = await signUpAndSignIn({ baseUrl });
    const books = await Promise.all([
      makeNovelPdf({ text: loadCorpusText("bovary", { words: 8000, startAt: "Nous étions à l'Étude" }), pages: 16, title: "Madame Bovary" }),
      makeNovelPdf({ text: loadCorpusText("swann", { words: 8000, startAt: "Longtemps" }), pages: 16, title: "Swann" }),
    ]);
    const jobIds = [await upload(client, books[0]!, "bovary.pdf"), await upload(client, books[1]!, "swann.pdf")];

    // Stop the database once the books are well under way, with chunks in flight.
    await until(
      async () => (await lib.db().chunk.count({ where: { jobId: { in: jobIds }, status: "done" } })) >= 1,
      60_000,
      "a first chunk done",
    );
    await until(
      async () => (await lib.db().chunk.count({ where: { jobId: { in: jobIds }, status: "running" } })) >= 1,
      30_000,
      "a chunk running",
    );
    await postgres!.stop();
    postgres = undefined;

    // Down for longer than pg-boss's maintenance and heartbeat intervals (5 s and 10 s).
    const statuses: number[] = [];
    const downUntil = Date.now() + 15_000;
    while (Date.now() < downUntil) {
      statuses.push(await health());
      expect(worker!.child.exitCode, "the worker process exited while the database was down").toBeNull();
      await sleep(1000);
    }
    expect(statuses.length).toBeGreaterThan(3);
    expect(statuses.every((status) => status === 503)).toBe(true);

    postgres = await startEmbeddedPostgres({ dataDir, port: pgPort, database: "novels" });
    await until(async () => (await health()) === 200, 60_000, "health back to 200");
    expect(worker!.child.exitCode, "the worker process exited after the database came back").toBeNull();

    const jobs = await until(
      async () => {
        const found = await lib.db().job.findMany({ where: { id: { in: jobIds } } });
        return found.every((job) => isJobEnded(job.status)) ? found : undefined;
      },
      120_000,
      "both books finished",
    );
    expect(worker!.child.exitCode).toBeNull();

    for (const job of jobs) {
      expect(job.status).toBe("succeeded");
      expect(job.chunksDone).toBe(job.chunksTotal);
      expect(job.chunksFailed).toBe(0);
      const chunks = await lib.db().chunk.findMany({ where: { jobId: job.id } });
      expect(chunks.every((chunk) => chunk.status === "done")).toBe(true);
      // Every page of the book is owned by exactly one finished chunk.
      const owned = chunks.reduce((sum, chunk) => sum + chunk.ownedLast - chunk.ownedFirst + 1, 0);
      expect(owned).toBe(job.pageCount);
      // The same sentences, in the same order, as the whole book read in one go.
      const sentences = (
        await lib.db().sentence.findMany({
          where: { jobId: job.id },
          orderBy: { position: "asc" },
          include: { original: { select: { text: true } } },
        })
      ).map((row) => ({ ...row, original: row.original.text }));
      expect(sentences.length).toBe(job.sentenceCount);
      const book = books[jobIds.indexOf(job.id)]!;
      const whole = await createLocalEngine().process({
        pdf: book, firstPage: 1, lastPage: job.pageCount, ownedFirst: 1, ownedLast: job.pageCount, maxWords: 8,
        signal: new AbortController().signal,
      });
      // As the merge builds them from the whole book (publisher's pages left out, as in the job).
      expect(distinctOriginals(sentences)).toEqual(distinctOriginals(limitSentences(whole.sentences, 8)));
      expect(job.creditsCharged).toBe(job.pageCount * 3);
    }
    const user = await lib.db().user.findUniqueOrThrow({ where: { id: client.userId! } });
    const ledger = await lib.db().creditLedger.findMany({ where: { userId: client.userId! } });
    expect(ledger.reduce((sum, row) => sum + row.amount, 0)).toBe(user.creditBalance);
    expect(ledger.filter((row) => row.kind === "reserve")).toHaveLength(2);
  }, 240_000);
});
