// Drives the real pipeline in the test process: a database of its own, the
// worker's handlers registered on a real pg-boss, and helpers to create
// users and wait for jobs. Import lib modules only after `startPipeline`.
import { endedJobStatuses } from "@/lib/jobs/job-states";
import { createFreshDatabase } from "@/tests/support/fresh-database";

export type Lib = Awaited<ReturnType<typeof loadLib>>;

async function loadLib() {
  const [prisma, boss, createJob, cancelJob, retry, merge, processChunk, adjust, register, localEngine] =
    await Promise.all([
      import("@/lib/db/prisma"),
      import("@/lib/queue/boss"),
      import("@/lib/jobs/create-job"),
      import("@/lib/pipeline/cancel-job"),
      import("@/lib/pipeline/retry-failed-chunks"),
      import("@/lib/pipeline/merge-job"),
      import("@/lib/pipeline/process-chunk"),
      import("@/lib/credits/adjust-credits"),
      import("@/worker/register-handlers"),
      import("@/lib/engines/local-engine"),
    ]);
  return {
    db: prisma.db,
    disconnectDb: prisma.disconnectDb,
    boss: boss.boss,
    stopBoss: boss.stopBoss,
    createJob: createJob.createJob,
    cancelJob: cancelJob.cancelJob,
    retryFailedChunks: retry.retryFailedChunks,
    mergeJob: merge.mergeJob,
    processChunk: processChunk.processChunk,
    adjustCredits: adjust.adjustCredits,
    registerHandlers: register.registerHandlers,
    createLocalEngine: localEngine.createLocalEngine,
    limitSentences: merge.limitSentences,
  };
}

export async function startPipeline(env: Record<string, string>, options: { worker?: boolean } = {}) {
  await createFreshDatabase({ LOG_LEVEL: "warn", ...env });
  const lib = await loadLib();
  if (options.worker !== false) await lib.registerHandlers(await lib.boss());
  return lib;
}

export async function stopPipeline(lib: Lib): Promise<void> {
  await lib.stopBoss({ graceful: false, timeout: 2000 });
  await lib.disconnectDb();
}

let userCount = 0;

export async function createFundedUser(lib: Lib, credits = 10_000) {
  const user = await lib.db().user.create({
    data: { email: `reader-${Date.now()}-${userCount++}@example.com` },
  });
  await lib.db().$transaction((tx) => lib.adjustCredits(tx, { userId: user.id, amount: credits, reason: "test" }));
  return user;
}

export async function waitForJob(lib: Lib, jobId: string, timeoutMs = 90_000, statuses: string[] = endedJobStatuses) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await lib.db().job.findUniqueOrThrow({ where: { id: jobId } });
    if (statuses.includes(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job.status} (${job.step}) after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function waitFor<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function sentencesOf(lib: Lib, jobId: string) {
  return lib.db().sentence.findMany({ where: { jobId }, orderBy: { position: "asc" } });
}

export async function ledgerSum(lib: Lib, userId: string): Promise<number> {
  const rows = await lib.db().creditLedger.findMany({ where: { userId }, select: { amount: true } });
  return rows.reduce((sum, row) => sum + row.amount, 0);
}

/** Originals in reading order, each once (the split pieces of one share it). */
export function distinctOriginals(rows: { original: string }[]): string[] {
  return rows.map((row) => row.original).filter((original, index, all) => original !== all[index - 1]);
}
