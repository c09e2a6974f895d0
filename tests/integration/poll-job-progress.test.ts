// The progress poll's shared answers (lib/jobs/poll-job-progress.ts) against
// a real Postgres: every poller of a version gets the one computed answer,
// and a poll made after a cancel, or after a chunk changed, shows it, even
// with polls of the earlier version in flight.
import { afterAll, describe, expect, it } from "vitest";
import { cancelJob } from "@/lib/commands/cancel-job";
import { disconnectDb } from "@/lib/db/prisma";
import { pollJobProgress, type JobPoll } from "@/lib/jobs/poll-job-progress";
import { stopBoss } from "@/lib/queue/boss";
import { makeChunks, makeJob, makeUser, retireMadeJobs, setChunkStatus } from "./api-factories";

afterAll(async () => {
  await retireMadeJobs();
  await stopBoss({ graceful: false, timeout: 1000 });
  await disconnectDb();
});

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

  it("shows a cancel to the poll right after it, with polls of the earlier state in flight", async () => {
    const { user, job } = await runningBook();
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

  it("shows a chunk's change that did not touch the job row", async () => {
    const { user, job } = await runningBook();
    answered(await pollJobProgress({ jobId: job.id, userId: user.id }));
    await setChunkStatus(job.id, 2, "running");
    const after = answered(await pollJobProgress({ jobId: job.id, userId: user.id }));
    expect(after.progress.chunkStates).toBe("1d2r1p");
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
