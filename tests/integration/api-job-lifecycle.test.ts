// The job functions behind the routes, against a real Postgres: history
// pages and filters, progress and queue position, deletion with settlement,
// and owner isolation (someone else's job is a 404, never a 403).
import { afterAll, describe, expect, it } from "vitest";
import { insertSentences } from "@/tests/support/insert-sentences";
import { db, disconnectDb } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { reserveCredits } from "@/lib/credits/reserve-credits";
import { deleteJob } from "@/lib/commands/delete-job";
import { getJobProgress } from "@/lib/jobs/get-job-progress";
import { listJobs } from "@/lib/jobs/list-jobs";
import { stopBoss } from "@/lib/queue/boss";
import {
  ledgerAndBalance,
  makeChunks,
  makeDocument,
  makeJob,
  makeUser,
  retireMadeJobs,
} from "./api-factories";

afterAll(async () => {
  await retireMadeJobs();
  await stopBoss({ graceful: false, timeout: 1000 });
  await disconnectDb();
});

async function expectNotFound(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("not_found");
  expect((error as AppError).status).toBe(404);
}

describe("listJobs", () => {
  it("pages newest first and filters by status and by file name text", async () => {
    const user = await makeUser();
    const other = await makeUser();
    const base = Date.parse("2026-10-01T12:00:00Z");
    const names = [
      "Madame Bovary.pdf",
      "Les Misérables.pdf",
      "Du côté de chez Swann.pdf",
      "MADAME Sans-Gêne.pdf",
      "100% Zola.pdf",
    ];
    for (let index = 0; index < 25; index++) {
      await makeJob({
        userId: user.id,
        fileName: names[index % names.length],
        status: index % 3 === 0 ? "succeeded" : "failed",
        createdAt: new Date(base + index * 60_000),
      });
    }
    await makeJob({ userId: other.id, fileName: "Madame Bovary.pdf" });

    const seen: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await listJobs({ userId: user.id, cursor, limit: 10 });
      seen.push(...page.jobs.map((job) => job.createdAt));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(25);
    expect([...seen].sort().reverse()).toEqual(seen);

    const madame = await listJobs({ userId: user.id, q: "madame" });
    expect(madame.jobs).toHaveLength(10);
    expect(madame.jobs.every((job) => /madame/i.test(job.fileName))).toBe(true);
    const accented = await listJobs({ userId: user.id, q: "MISÉRABLES" });
    expect(accented.jobs).toHaveLength(5);
    const percent = await listJobs({ userId: user.id, q: "100%" });
    expect(percent.jobs.map((job) => job.fileName)).toEqual(Array(5).fill("100% Zola.pdf"));

    const succeeded = await listJobs({ userId: user.id, status: ["succeeded"] });
    expect(succeeded.jobs).toHaveLength(9);
    const both = await listJobs({ userId: user.id, status: ["succeeded", "failed"], q: "swann" });
    expect(both.jobs).toHaveLength(5);
    expect(both.jobs[0]).toMatchObject({ percent: 100, failedPages: [], engine: "local" });
    expect(both.jobs[0]).not.toHaveProperty("chunks");
  });

  it("rejects a forged cursor with a 400", async () => {
    const user = await makeUser();
    const error = await listJobs({ userId: user.id, cursor: "bm9wZQ" }).catch((caught) => caught);
    expect((error as AppError).code).toBe("bad_request");
  });
});

describe("getJobProgress", () => {
  it("reports counters, chunks, failed pages and who may see it", async () => {
    const user = await makeUser();
    const stranger = await makeUser();
    const job = await makeJob({
      userId: user.id,
      pageCount: 100,
      status: "running",
      startedAt: new Date(Date.now() - 60_000),
    });
    await makeChunks({
      jobId: job.id,
      size: 20,
      statuses: ["done", "failed", "running", "queued", "pending"],
    });

    const progress = await getJobProgress({ jobId: job.id, userId: user.id });
    expect(progress).toMatchObject({
      id: job.id,
      status: "running",
      chunksTotal: 5,
      chunksDone: 1,
      chunksFailed: 1,
      percent: 40,
      queuePosition: null,
      failedPages: [{ first: 21, last: 40 }],
    });
    expect(progress.chunkStates).toBe("1d1f1r1q1p");
    expect(progress.etaSeconds).not.toBeNull();
    expect(progress.elapsedSeconds).toBeGreaterThanOrEqual(59);

    await expectNotFound(getJobProgress({ jobId: job.id, userId: stranger.id }));
    await expectNotFound(getJobProgress({ jobId: "123", userId: user.id }));
    await expectNotFound(getJobProgress({ jobId: "00000000-0000-4000-8000-000000000000", userId: user.id }));
    const asAdmin = await getJobProgress({ jobId: job.id, userId: stranger.id, isAdmin: true });
    expect(asAdmin.id).toBe(job.id);
  });

  it("gives a queued job its place in the queue", async () => {
    const user = await makeUser();
    const queuedBefore = await db().job.count({ where: { status: "queued" } });
    const first = await makeJob({ userId: user.id, status: "queued" });
    const second = await makeJob({ userId: user.id, status: "queued" });
    const one = await getJobProgress({ jobId: first.id, userId: user.id });
    const two = await getJobProgress({ jobId: second.id, userId: user.id });
    expect(two.queuePosition! - one.queuePosition!).toBe(1);
    expect(one.queuePosition).toBeLessThanOrEqual(queuedBefore + 1);
  });
});

describe("deleteJob", () => {
  it("refunds unprocessed pages, keeps the ledger, and removes job and unused document", async () => {
    const user = await makeUser({ balance: 500 });
    const job = await makeJob({ userId: user.id, pageCount: 60, status: "running", startedAt: new Date() });
    await db().$transaction((tx) =>
      reserveCredits(tx, { userId: user.id, jobId: job.id, amount: 60, reason: "test" }),
    );
    await makeChunks({ jobId: job.id, size: 20, statuses: ["done", "running", "pending"] });
    await insertSentences(job.id, [{ position: 1, text: "Bonjour.", original: "Bonjour.", page: 1, wordCount: 1 }]);

    await deleteJob({ jobId: job.id, userId: user.id });

    expect(await db().job.findUnique({ where: { id: job.id } })).toBeNull();
    expect(await db().document.findUnique({ where: { id: job.documentId } })).toBeNull();
    expect(await db().chunk.count({ where: { jobId: job.id } })).toBe(0);
    expect(await db().sentence.count({ where: { jobId: job.id } })).toBe(0);
    // Charged for the one finished chunk (20 pages), the other 40 back.
    const state = await ledgerAndBalance(user.id);
    expect(state).toEqual({ ledger: 480, balance: 480 });
    const ledger = await db().creditLedger.findMany({ where: { userId: user.id }, orderBy: { id: "asc" } });
    expect(ledger.map((row) => [row.kind, row.amount, row.jobId])).toEqual([
      ["adjust", 500, null],
      ["reserve", -60, null],
      ["refund", 40, null],
    ]);
  });

  it("keeps a document another job still uses, and hides the job from other users", async () => {
    const user = await makeUser();
    const stranger = await makeUser();
    const document = await makeDocument({ userId: user.id });
    const jobs = await Promise.all(
      [0, 1].map(() =>
        db().job.create({
          data: {
            userId: user.id,
            documentId: document.id,
            fileName: "livre.pdf",
            pageCount: 100,
            maxWords: 8,
            engine: "local",
            status: "succeeded",
          },
        }),
      ),
    );
    await expectNotFound(deleteJob({ jobId: jobs[0]!.id, userId: stranger.id }));
    await deleteJob({ jobId: jobs[0]!.id, userId: user.id });
    expect(await db().document.findUnique({ where: { id: document.id } })).not.toBeNull();
    await deleteJob({ jobId: jobs[1]!.id, userId: user.id });
    expect(await db().document.findUnique({ where: { id: document.id } })).toBeNull();
    await expectNotFound(deleteJob({ jobId: jobs[1]!.id, userId: user.id }));
  });
});
