// Study sets are bounded per user: at most STUDY_SETS_IN_PROGRESS_PER_USER
// queued or running at once, and STUDY_SETS_PER_HOUR started (429 past
// either, with the sentence that says why). And a set whose job runs out of
// attempts without finishing (expired, its worker killed) goes to the
// `study-set-abandoned` dead letter queue, whose handler marks it failed:
// before, it stayed `running` forever. Real Postgres and pg-boss.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cancelStudySet } from "@/lib/commands/cancel-study-set";
import { createStudySet } from "@/lib/commands/create-study-set";
import { queues } from "@/lib/queue/queues";
import { makeJob, makeUser } from "@/tests/integration/api-factories";
import { startPipeline, stopPipeline, waitFor, type Lib } from "@/tests/support/pipeline-harness";

let lib: Lib;

beforeAll(async () => {
  lib = await startPipeline({ STUDY_SETS_IN_PROGRESS_PER_USER: "2", STUDY_SETS_PER_HOUR: "4" }, { worker: false });
});

afterAll(async () => {
  if (lib) await stopPipeline(lib);
});

async function startSet(userId: string, jobId: string) {
  return createStudySet({ userId, body: { jobIds: [jobId], words: "chat\nmaison" } as never });
}

const refusal = (promise: Promise<unknown>) => promise.then(() => "accepted", (error) => error);

describe("study set limits", () => {
  it("refuses a third set in progress with 429", async () => {
    const user = await makeUser();
    const job = await makeJob({ userId: user.id });
    await startSet(user.id, job.id);
    await startSet(user.id, job.id);
    const third = await refusal(startSet(user.id, job.id));
    expect(third).toMatchObject({ code: "rate_limited", status: 429 });
    expect(third.message).toMatch(/2 study sets being built \(the limit is 2\)/);
  });

  it("refuses more than STUDY_SETS_PER_HOUR starts in an hour, cancelled ones included", async () => {
    const user = await makeUser();
    const job = await makeJob({ userId: user.id });
    for (let index = 0; index < 4; index++) {
      const set = await startSet(user.id, job.id);
      await cancelStudySet({ studySetId: set.id, userId: user.id });
    }
    const fifth = await refusal(startSet(user.id, job.id));
    expect(fifth).toMatchObject({ code: "rate_limited", status: 429 });
    expect(fifth.message).toMatch(/Too many study sets started in an hour/);
  });

  it("marks a set failed once its job has used its last attempt without finishing", async () => {
    const user = await makeUser();
    const job = await makeJob({ userId: user.id });
    const set = await startSet(user.id, job.id);
    await lib.db().studySet.update({ where: { id: set.id }, data: { status: "running", step: "selecting" } });
    // A worker that takes the job and dies each time: every attempt fails unfinished.
    const boss = await lib.boss();
    const name = queues.studySet.name;
    let attempts = 0;
    while (attempts < 3) {
      const taken = await boss.fetch<{ studySetId: string }>(name, { batchSize: 10 });
      if (taken.length === 0) await new Promise((resolve) => setTimeout(resolve, 250));
      for (const job of taken) {
        await boss.fail(name, job.id, { message: "worker killed" });
        if (job.data.studySetId === set.id) attempts++;
      }
    }
    await lib.registerHandlers(boss);
    const ended = await waitFor(async () => {
      const row = await lib.db().studySet.findUniqueOrThrow({ where: { id: set.id } });
      return row.status === "failed" ? row : undefined;
    }, 30_000);
    expect(ended.error).toMatch(/did not finish in time/);
    expect(ended.finishedAt).not.toBeNull();
  });
});
