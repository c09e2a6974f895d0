// A flaky Gemini: about 30 % of calls fail at random (429 with RetryInfo,
// 500, text that is not JSON, an answer cut off at MAX_TOKENS) and some
// never answer at all, with a short per-call timeout. Several books run at
// once through the real pipeline (in this process, on a database of its own).
// Whatever the dice say, every book must end succeeded or partial, never
// stuck; every chunk is accounted for (done + failed = total, a failed chunk
// says why); nothing is left in the queue; and each user's credits are
// settled: charged for the pages of finished chunks only, the ledger summing
// to the balance.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCorpusText, makeNovelPdf } from "@/tests/fixtures/make-novel-pdf";
import { startFakeGemini, type FakeGemini } from "@/tests/support/fake-gemini-server";
import { createFundedUser, ledgerSum, startPipeline, stopPipeline, waitForJob, type Lib } from "@/tests/support/pipeline-harness";

let lib: Lib;
let gemini: FakeGemini;

beforeAll(async () => {
  gemini = await startFakeGemini({
    latencyMs: 150,
    retryDelayMs: 200,
    seed: 20261123,
    // One of each kind first, so every kind is seen whatever the dice say, then 30 % at random.
    faults: ["hang", "429", "truncated", "garbage", "500", "hang"],
    faultRate: 0.3,
    // Weighted: a hang is one draw in nine.
    faultKinds: ["429", "500", "garbage", "truncated", "429", "500", "garbage", "truncated", "hang"],
  });
  lib = await startPipeline({
    GEMINI_API_KEY: "test-key",
    GEMINI_BASE_URL: gemini.url,
    GEMINI_TIMEOUT_MS: "1500",
    GEMINI_MAX_RETRIES: "1",
    CHUNK_RETRY_LIMIT: "1",
    CHUNK_PAGES: "3",
    CHUNK_OVERLAP_PAGES: "1",
    CHUNK_WINDOW: "3",
    WORKER_CONCURRENCY: "6",
  });
});

afterAll(async () => {
  if (lib) await stopPipeline(lib);
  await gemini?.close();
});

describe("Gemini failing about 30 % of calls", () => {
  it("ends every book succeeded or partial, with every chunk and credit accounted for", async () => {
    const texts = [
      loadCorpusText("bovary", { words: 6000, startAt: "Nous étions à l'Étude" }),
      loadCorpusText("swann", { words: 6000, startAt: "Longtemps" }),
      loadCorpusText("miserables", { words: 20000 }).split("\n\n").slice(-60).join("\n\n"),
    ];
    const books = await Promise.all(texts.map((text) => makeNovelPdf({ text, pages: 12 })));
    const users = await Promise.all(books.map(() => createFundedUser(lib)));
    const balances = new Map<string, number>();
    for (const user of users) balances.set(user.id, await ledgerSum(lib, user.id));

    const created = await Promise.all(
      books.flatMap((bytes, index) => [
        lib.createJob({ userId: users[index]!.id, fileName: `livre-${index}.pdf`, bytes, maxWords: 8, engine: "gemini" }),
        lib.createJob({ userId: users[index]!.id, fileName: `livre-${index}-bis.pdf`, bytes, maxWords: 6, engine: "gemini" }),
      ]),
    );
    const jobs = await Promise.all(created.map((job) => waitForJob(lib, job.id, 100_000)));

    for (const job of jobs) {
      expect(["succeeded", "partial"]).toContain(job.status);
      expect(job.chunksTotal).toBeGreaterThan(1);
      expect(job.chunksDone + job.chunksFailed).toBe(job.chunksTotal);
      const chunks = await lib.db().chunk.findMany({ where: { jobId: job.id } });
      expect(chunks).toHaveLength(job.chunksTotal);
      expect(chunks.filter((chunk) => chunk.status === "done")).toHaveLength(job.chunksDone);
      const failed = chunks.filter((chunk) => chunk.status === "failed");
      expect(failed).toHaveLength(job.chunksFailed);
      for (const chunk of failed) expect(chunk.error ?? "").toMatch(/\w{5,}/);
      if (job.status === "partial") expect(job.error).toMatch(/could not be processed/);
      if (job.status === "succeeded") expect(job.error).toBeNull();

      // Credits: reserved up front, charged for the finished chunks' pages only, the rest refunded.
      const donePages = chunks
        .filter((chunk) => chunk.status === "done")
        .reduce((sum, chunk) => sum + chunk.ownedLast - chunk.ownedFirst + 1, 0);
      expect(job.creditsReserved).toBe(job.pageCount * 3);
      expect(job.creditsCharged).toBe(donePages * 3);
      expect(job.creditsRefunded).toBe(job.creditsReserved - job.creditsCharged);
      expect(job.settledAt).not.toBeNull();
      expect(await lib.db().sentence.count({ where: { jobId: job.id } })).toBe(job.sentenceCount);
      expect(job.sentenceCount).toBeGreaterThan(0);
    }

    for (const user of users) {
      const balance = (await lib.db().user.findUniqueOrThrow({ where: { id: user.id } })).creditBalance;
      const charged = jobs.filter((job) => job.userId === user.id).reduce((sum, job) => sum + job.creditsCharged, 0);
      expect(await ledgerSum(lib, user.id)).toBe(balance);
      // The month's grant lands with the first upload.
      const grants = await lib.db().creditLedger.findMany({ where: { userId: user.id, kind: "grant" } });
      const granted = grants.reduce((sum, row) => sum + row.amount, 0);
      expect(balance).toBe(balances.get(user.id)! + granted - charged);
    }

    // Nothing of these books is left waiting or running in the queue.
    const ids = jobs.map((job) => job.id);
    const leftover = await lib.db().$queryRaw<{ count: bigint }[]>`
      select count(*) as count from pgboss.job
      where state in ('created', 'retry', 'active') and data->>'jobId' = any(${ids}::text[])`;
    expect(Number(leftover[0]!.count)).toBe(0);

    // The faults really happened, every kind of them.
    const kinds = new Set(gemini.requests.map((request) => request.fault).filter(Boolean));
    for (const kind of ["429", "500", "garbage", "truncated", "hang"]) expect(kinds).toContain(kind);
    const faulted = gemini.requests.filter((request) => request.fault).length;
    expect(faulted / gemini.calls).toBeGreaterThan(0.1);
    const statuses = jobs.map((job) => `${job.status} ${job.chunksDone}+${job.chunksFailed}/${job.chunksTotal}`);
    console.info(`flaky Gemini: ${faulted} of ${gemini.calls} calls faulted; books: ${statuses.join(", ")}`);
  }, 150_000);
});
