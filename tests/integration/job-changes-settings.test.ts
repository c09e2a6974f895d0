// The job-change listener's two settings (lib/jobs/job-changes.ts), read once
// per process: JOB_CHANGES_LISTEN=false never opens it, so every poll of a
// running book reads the database and still sees each change at once;
// JOB_CHANGES_DATABASE_URL points it at another connection string than the
// app's (Postgres itself behind a transaction pooler), here another role, as
// pg_stat_activity shows. Each case loads the modules afresh with its setting.
import pg from "pg";
import { afterAll, beforeAll, afterEach, describe, expect, it, vi } from "vitest";
import { databaseUrl } from "@/lib/db/database-url";
import { makeChunks, makeJob, makeUser, retireMadeJobs } from "./api-factories";

const role = "job_changes_listener";
let admin: pg.Client;
const saved = { ...process.env };

beforeAll(async () => {
  admin = new pg.Client({ connectionString: databaseUrl() });
  await admin.connect();
  await admin.query(`DROP ROLE IF EXISTS ${role}`);
  await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD '${role}'`);
});

afterEach(async () => {
  const { stopJobChanges } = await import("@/lib/jobs/job-changes");
  await stopJobChanges();
  process.env = { ...saved };
  vi.resetModules();
});

afterAll(async () => {
  await retireMadeJobs();
  await admin.query(`DROP ROLE IF EXISTS ${role}`);
  await admin.end();
  const { disconnectDb } = await import("@/lib/db/prisma");
  await disconnectDb();
});

/** The listener and poll modules as a process started with `settings` in its environment loads them. */
async function loadWith(settings: Record<string, string>) {
  Object.assign(process.env, settings);
  vi.resetModules();
  return {
    changes: await import("@/lib/jobs/job-changes"),
    polls: await import("@/lib/jobs/poll-job-progress"),
  };
}

async function runningBook() {
  const user = await makeUser();
  const job = await makeJob({ userId: user.id, pageCount: 40, status: "running", startedAt: new Date(Date.now() - 10_000) });
  await makeChunks({ jobId: job.id, size: 20, statuses: ["done", "running"] });
  return { jobId: job.id, userId: user.id };
}

describe("job change listener settings", () => {
  it("JOB_CHANGES_LISTEN=false: no listener, every poll reads and sees a change made elsewhere at once", async () => {
    const { changes, polls } = await loadWith({ JOB_CHANGES_LISTEN: "false" });
    const options = await runningBook();
    await polls.pollJobProgress(options);
    const reads = polls.progressReads();
    await admin.query(`UPDATE "Chunk" SET status = 'done' WHERE "jobId" = $1::uuid AND index = 1`, [options.jobId]);
    const after = await polls.pollJobProgress(options);
    if (after.notModified) throw new Error("expected a full answer");
    expect(after.progress.chunkStates).toBe("2d");
    await polls.pollJobProgress(options);
    expect(polls.progressReads()).toBe(reads + 2);
    expect(changes.listening()).toBe(false);
    expect(changes.listenerBackendPid()).toBeNull();
  });

  it("JOB_CHANGES_DATABASE_URL: the listener connects there, and answers are kept while it listens", async () => {
    const url = new URL(databaseUrl());
    url.username = role;
    url.password = role;
    const { changes, polls } = await loadWith({ JOB_CHANGES_DATABASE_URL: url.toString() });
    const options = await runningBook();
    await vi.waitFor(async () => {
      await polls.pollJobProgress(options);
      expect(changes.listening()).toBe(true);
    }, { timeout: 10_000, interval: 20 });
    const { rows } = await admin.query("SELECT usename FROM pg_stat_activity WHERE pid = $1", [changes.listenerBackendPid()]);
    expect(rows).toEqual([{ usename: role }]);
    // Notifications reach it: a change made elsewhere shows, and an unchanged job is answered without a read.
    await admin.query(`UPDATE "Chunk" SET status = 'done' WHERE "jobId" = $1::uuid AND index = 1`, [options.jobId]);
    await vi.waitFor(async () => {
      const poll = await polls.pollJobProgress(options);
      if (poll.notModified) throw new Error("expected a full answer");
      expect(poll.progress.chunkStates).toBe("2d");
      const reads = polls.progressReads();
      await polls.pollJobProgress(options);
      expect(polls.progressReads()).toBe(reads);
    }, { timeout: 10_000, interval: 20 });
  });
});
