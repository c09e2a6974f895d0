// The queue contract on a real pg-boss: `work` handles every job of a
// fetched batch, and a payload that breaks its queue's schema fails for good
// at once instead of being retried.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendJob } from "@/lib/queue/boss";
import { queues } from "@/lib/queue/queues";
import { work } from "@/lib/queue/work";
import { startPipeline, stopPipeline, waitFor, type Lib } from "@/tests/support/pipeline-harness";

let lib: Lib;

beforeAll(async () => {
  // No pipeline handlers: this file registers its own on the plan queue.
  lib = await startPipeline({}, { worker: false });
});

afterAll(async () => {
  if (lib) await stopPipeline(lib);
});

describe("queue contract", () => {
  it("handles every job of a batch and fails an invalid payload without retrying it", async () => {
    const jobIds = Array.from({ length: 6 }, () => randomUUID());
    const sent: string[] = [];
    for (const jobId of jobIds) sent.push((await sendJob("plan", { jobId }))!);
    // Only a sender bypassing sendJob can queue this; the worker must still cope.
    const invalid = (await (await lib.boss()).send(queues.plan.name, { jobId: "not-a-uuid" }))!;

    const handled: string[] = [];
    await work(
      await lib.boss(),
      "plan",
      async ({ jobId }) => {
        handled.push(jobId);
      },
      { batchSize: 4 },
    );

    await waitFor(async () => handled.length === jobIds.length);
    expect([...handled].sort()).toEqual([...jobIds].sort());

    const boss = await lib.boss();
    const settled = await waitFor(async () => {
      const rows = await Promise.all([...sent, invalid].map((id) => boss.getJobById(queues.plan.name, id)));
      return rows.every((row) => row?.state === "completed" || row?.state === "failed") ? rows : null;
    });
    expect(settled.slice(0, -1).map((row) => row!.state)).toEqual(jobIds.map(() => "completed"));
    const rejected = settled.at(-1)!;
    expect(rejected.state).toBe("failed");
    expect(rejected.retryCount).toBe(0);
    expect(rejected.output).toMatchObject({ message: "Invalid payload" });
  });
});
