// Worker processes dying and stopping: a SIGKILL mid-chunk (twice in one
// book) loses nothing and the book closes exactly once; a SIGTERM lets the
// running chunk finish and leaves nothing active in the queue.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCorpusText, makeNovelPdf } from "@/tests/fixtures/make-novel-pdf";
import { startFakeGemini, type FakeGemini } from "@/tests/support/fake-gemini-server";
import {
  createFundedUser,
  distinctOriginals,
  ledgerSum,
  sentencesOf,
  startPipeline,
  stopPipeline,
  waitFor,
  waitForJob,
  type Lib,
} from "@/tests/support/pipeline-harness";
import { spawnWorker, type WorkerProcess } from "@/tests/support/stack";

let lib: Lib;
let gemini: FakeGemini;
let book: Uint8Array;
let workerEnv: Record<string, string>;
const workers: WorkerProcess[] = [];

const pipelineEnv = {
  CHUNK_PAGES: "5",
  CHUNK_OVERLAP_PAGES: "1",
  CHUNK_WINDOW: "2",
  CHUNK_RETRY_LIMIT: "3",
  WORKER_CONCURRENCY: "2",
  GEMINI_TIMEOUT_MS: "20000",
};

function startWorker(): WorkerProcess {
  const worker = spawnWorker(workerEnv);
  workers.push(worker);
  return worker;
}


beforeAll(async () => {
  gemini = await startFakeGemini({ latencyMs: 2500 });
  // This process only creates and inspects jobs; the worker processes do the work.
  lib = await startPipeline({ GEMINI_API_KEY: "test-key", GEMINI_BASE_URL: gemini.url, ...pipelineEnv }, { worker: false });
  workerEnv = { ...(process.env as Record<string, string>), LOG_LEVEL: "warn" };
  book = await makeNovelPdf({
    text: loadCorpusText("flaubert_madame-bovary_pg14155.txt", { words: 8000 }),
    title: "Madame Bovary",
    pages: 20,
  });
});

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.kill()));
  if (lib) await stopPipeline(lib);
  await gemini?.close();
});

async function runningChunk(jobId: string) {
  return waitFor(() => lib.db().chunk.findFirst({ where: { jobId, status: "running" } }), 60_000);
}

describe("worker processes", () => {
  it("finishes a book exactly once after two workers are SIGKILLed mid-chunk", async () => {
    const user = await createFundedUser(lib);
    const job = await lib.createJob({ userId: user.id, fileName: "bovary.pdf", bytes: book, maxWords: 8, engine: "gemini" });

    const first = startWorker();
    await runningChunk(job.id);
    await first.kill();
    const second = startWorker();
    await waitFor(async () => (await lib.db().chunk.findFirst({ where: { jobId: job.id, attempts: { gte: 2 }, status: "running" } })) ?? undefined, 60_000);
    await second.kill();
    startWorker();

    const done = await waitForJob(lib, job.id, 150_000);
    expect(done.status).toBe("succeeded");
    expect(done.chunksDone).toBe(done.chunksTotal);

    const whole = await lib.createLocalEngine().process({
      pdf: book, firstPage: 1, lastPage: done.pageCount, ownedFirst: 1, ownedLast: done.pageCount, maxWords: 8,
      signal: new AbortController().signal,
    });
    // The rows the merge builds from the whole book (publisher's pages left out, as in the job).
    const reference = lib.limitSentences(whole.sentences, 8);
    expect(distinctOriginals(await sentencesOf(lib, job.id))).toEqual(distinctOriginals(reference));

    const ledger = await lib.db().creditLedger.findMany({ where: { jobId: job.id } });
    expect(ledger.filter((row) => row.kind === "reserve")).toHaveLength(1);
    expect(done.creditsCharged).toBe(done.pageCount * 3);
    const balance = (await lib.db().user.findUniqueOrThrow({ where: { id: user.id } })).creditBalance;
    expect(await ledgerSum(lib, user.id)).toBe(balance);
  }, 240_000);

  it("on SIGTERM finishes the running chunk, exits 0 and leaves nothing active", async () => {
    await Promise.all(workers.map((worker) => worker.kill()));
    const user = await createFundedUser(lib);
    const job = await lib.createJob({ userId: user.id, fileName: "bovary.pdf", bytes: book, maxWords: 8, engine: "gemini" });
    const worker = startWorker();
    const chunk = await runningChunk(job.id);

    expect(await worker.stop()).toBe(0);
    const after = await lib.db().chunk.findUniqueOrThrow({ where: { id: chunk.id } });
    expect(after.status).toBe("done");
    const active = await lib.db().$queryRaw<{ count: bigint }[]>`
      select count(*) as count from pgboss.job where state = 'active'`;
    expect(Number(active[0].count)).toBe(0);

    startWorker();
    expect((await waitForJob(lib, job.id, 120_000)).status).toBe("succeeded");
  }, 180_000);
});
