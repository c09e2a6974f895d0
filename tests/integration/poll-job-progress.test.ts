// The progress poll's shared answers (lib/jobs/poll-job-progress.ts) against
// a real Postgres: every poller of a version gets the one computed answer; an
// unchanged job is answered from memory while the process listens for job
// changes (lib/jobs/job-changes.ts, fed by the job_changed triggers); a
// change made from another connection shows once its notification arrives,
// a cancel in this process shows to the poll right after it even with polls
// of the earlier version in flight, and with the listener's connection gone
// polls read the database again.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { cancelJob } from "@/lib/commands/cancel-job";
import { databaseUrl } from "@/lib/db/database-url";
import { disconnectDb } from "@/lib/db/prisma";
import { listenerBackendPid, listening, noteJobChanged, stopJobChanges } from "@/lib/jobs/job-changes";
import { pollJobProgress, progressReads, type JobPoll } from "@/lib/jobs/poll-job-progress";
import { stopBoss } from "@/lib/queue/boss";
import { makeChunks, makeJob, makeUser, retireMadeJobs } from "./api-factories";

/** Another connection than any of the product's, as another process's would be. */
let other: pg.Client;

beforeAll(async () => {
  other = new pg.Client({ connectionString: databaseUrl() });
  await other.connect();
});

afterAll(async () => {
  await other.end();
  await stopJobChanges();
  await retireMadeJobs();
  await stopBoss({ graceful: false, timeout: 1000 });
  await disconnectDb();
});

const waitFor = { timeout: 10_000, interval: 20 };

async function setChunkStatusElsewhere(jobId: string, index: number, status: string) {
  await other.query(`UPDATE "Chunk" SET status = $3::"ChunkStatus" WHERE "jobId" = $1::uuid AND index = $2`, [jobId, index, status]);
}

/** Polls until the answer passes `check` (the notification of a change made elsewhere arrives when it arrives). */
async function pollUntil(options: { jobId: string; userId: string }, check: (poll: ReturnType<typeof answered>) => void) {
  return vi.waitFor(async () => {
    const poll = answered(await pollJobProgress(options));
    check(poll);
    return poll;
  }, waitFor);
}

/** Polls until the listener listens and the job's answer is kept: the next poll makes no read. */
async function untilKept(options: { jobId: string; userId: string }) {
  await vi.waitFor(async () => {
    expect(listening()).toBe(true);
    await pollJobProgress(options);
    const reads = progressReads();
    await pollJobProgress(options);
    expect(progressReads()).toBe(reads);
  }, waitFor);
}

function answered(poll: JobPoll) {
  if (poll.notModified) throw new Error("expected a full answer, got 304");
  return poll;
}

async function runningBook() {
  const user = await makeUser();
  const job = await makeJob({ userId: user.id, pageCount: 80, status: "running", startedAt: new Date(Date.now() - 30_000) });
  await makeChunks({ jobId: job.id, size: 20, statuses: ["done", "running", "queued", "pending"] });
  return { user, job };
}

describe("pollJobProgress", () => {
  it("shares one answer per version and answers 304 to its ETag", async () => {
    const { user, job } = await runningBook();
    const first = answered(await pollJobProgress({ jobId: job.id, userId: user.id }));
    const second = answered(await pollJobProgress({ jobId: job.id, userId: user.id }));
    expect(second.body).toBe(first.body);
    expect(second.progress).toBe(first.progress);
    expect(JSON.parse(first.body)).toMatchObject({ status: "running", chunkStates: "1d1r1q1p" });
    const again = await pollJobProgress({ jobId: job.id, userId: user.id, matchesETag: (etag) => etag === first.etag });
    expect(again).toEqual({ notModified: true, etag: first.etag });
  });

  it("answers an unchanged job from memory, without a read", async () => {
    const { user, job } = await runningBook();
    const options = { jobId: job.id, userId: user.id };
    await untilKept(options);
    const first = answered(await pollJobProgress(options));
    const reads = progressReads();
    const polls = await Promise.all(Array.from({ length: 20 }, () => pollJobProgress(options)));
    expect(progressReads()).toBe(reads);
    for (const poll of polls) expect(answered(poll).body).toBe(first.body);
  });

  it("gives the polls that arrive while a read runs that read, when no change came since it began", async () => {
    const { user, job } = await runningBook();
    const options = { jobId: job.id, userId: user.id };
    await untilKept(options);
    noteJobChanged(job.id);
    const reads = progressReads();
    const polls = await Promise.all(Array.from({ length: 10 }, () => pollJobProgress(options)));
    expect(progressReads()).toBe(reads + 1);
    expect(new Set(polls.map((poll) => answered(poll).body)).size).toBe(1);
  });

  it("shows a chunk's change made from another connection once its notification arrives", async () => {
    const { user, job } = await runningBook();
    const options = { jobId: job.id, userId: user.id };
    await untilKept(options);
    const reads = progressReads();
    await setChunkStatusElsewhere(job.id, 2, "running");
    const after = await pollUntil(options, (poll) => expect(poll.progress.chunkStates).toBe("1d2r1p"));
    expect(progressReads()).toBeGreaterThan(reads);
    // The new state is kept in turn, once a read has begun after the change's last notification (the
    // poll above may have read while one was still on its way, and such an answer is not kept).
    await untilKept(options);
    expect(answered(await pollJobProgress(options)).body).toBe(after.body);
  });

  it("trusts the kept answer until told of a change: a command's own noteJobChanged is enough", async () => {
    const { user, job } = await runningBook();
    const options = { jobId: job.id, userId: user.id };
    // A change that notifies nobody (triggers off for that session)...
    const silently = async (status: string) => {
      await other.query("SET session_replication_role = replica");
      try {
        await setChunkStatusElsewhere(job.id, 2, status);
      } finally {
        await other.query("RESET session_replication_role");
      }
    };
    // ...stays unseen. Another test file's notification (a job entering the queue, a listener's
    // reconnect) may drop the kept answer meanwhile: the poll then reads again, which proves
    // nothing here, and the change is undone (this process told of it) and made again.
    for (let attempt = 1; ; attempt += 1) {
      await untilKept(options);
      const reads = progressReads();
      await silently("running");
      const poll = answered(await pollJobProgress(options));
      if (progressReads() === reads || attempt === 5) {
        expect(poll.progress.chunkStates).toBe("1d1r1q1p");
        break;
      }
      await silently("queued");
      noteJobChanged(job.id);
    }
    // ...until this process is told, as the cancel, delete and retry commands tell it once committed.
    noteJobChanged(job.id);
    expect(answered(await pollJobProgress(options)).progress.chunkStates).toBe("1d2r1p");
  });

  it("shows a queued job its new place when a job ahead of it leaves the queue", async () => {
    const user = await makeUser();
    const ahead = await makeJob({ userId: user.id, status: "queued", createdAt: new Date(Date.now() - 60_000) });
    const job = await makeJob({ userId: user.id, status: "queued" });
    const options = { jobId: job.id, userId: user.id };
    await untilKept(options);
    const place = answered(await pollJobProgress(options)).progress.queuePosition!;
    expect(place).toBeGreaterThanOrEqual(2);
    // Only the job ahead changes: the notification names it, and `queue`.
    await other.query(`UPDATE "Job" SET status = 'running', "startedAt" = now() WHERE id = $1::uuid`, [ahead.id]);
    await pollUntil(options, (poll) => expect(poll.progress.queuePosition).toBe(place - 1));
  });

  it("shows a cancel to the poll right after it, with polls of the earlier state in flight", async () => {
    const { user, job } = await runningBook();
    await untilKept({ jobId: job.id, userId: user.id });
    const before = answered(await pollJobProgress({ jobId: job.id, userId: user.id }));
    expect(before.progress.status).toBe("running");

    // Polls that started before the cancel may answer either state; none may leak into the polls after it.
    const inFlight = Array.from({ length: 5 }, () => pollJobProgress({ jobId: job.id, userId: user.id }));
    await cancelJob({ jobId: job.id, userId: user.id });
    const after = answered(await pollJobProgress({ jobId: job.id, userId: user.id }));
    await Promise.all(inFlight);
    const later = answered(await pollJobProgress({ jobId: job.id, userId: user.id }));

    for (const poll of [after, later]) {
      expect(poll.progress.status).toBe("cancelling");
      expect(poll.progress.chunkStates).toBe("1d1r2c");
      expect(JSON.parse(poll.body)).toMatchObject({ status: "cancelling", chunkStates: "1d1r2c" });
      expect(poll.etag).not.toBe(before.etag);
    }
    // A client holding the pre-cancel ETag gets the new answer, not a 304.
    const revalidated = await pollJobProgress({ jobId: job.id, userId: user.id, matchesETag: (etag) => etag === before.etag });
    expect(answered(revalidated).progress.status).toBe("cancelling");
  });

  it("reads the database while the listener's connection is gone, and keeps answers again once it is back", async () => {
    const { user, job } = await runningBook();
    const options = { jobId: job.id, userId: user.id };
    await untilKept(options);
    const pid = listenerBackendPid();
    expect(pid).not.toBeNull();
    await other.query("SELECT pg_terminate_backend($1)", [pid]);
    await vi.waitFor(() => expect(listening()).toBe(false), waitFor);

    // No notification can arrive now, and the poll right after the change still sees it.
    await setChunkStatusElsewhere(job.id, 2, "running");
    const reads = progressReads();
    const after = answered(await pollJobProgress(options));
    expect(after.progress.chunkStates).toBe("1d2r1p");
    expect(progressReads()).toBe(reads + 1);

    // Back (a new connection), answers are kept again and changes still show.
    await untilKept(options);
    expect(listenerBackendPid()).not.toBe(pid);
    await setChunkStatusElsewhere(job.id, 3, "running");
    await pollUntil(options, (poll) => expect(poll.progress.chunkStates).toBe("1d3r"));
  });

  it("gives someone else's job the same 404 as a missing one, cached or not", async () => {
    const { user, job } = await runningBook();
    const stranger = await makeUser();
    answered(await pollJobProgress({ jobId: job.id, userId: user.id }));
    await expect(pollJobProgress({ jobId: job.id, userId: stranger.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(pollJobProgress({ jobId: "nope", userId: user.id })).rejects.toMatchObject({ code: "not_found" });
    const asAdmin = answered(await pollJobProgress({ jobId: job.id, userId: stranger.id, isAdmin: true }));
    expect(asAdmin.progress.id).toBe(job.id);
  });
});
