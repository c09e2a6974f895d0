// The worker's health port: 200 while heartbeats reach the queue, 503 once
// they have failed for longer than the stale limit, and 503 while draining.
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "@/tests/support/stack";
import { serveWorkerHealth, type WorkerHealth } from "@/worker/serve-health";

let health: WorkerHealth | undefined;
afterEach(async () => {
  await health?.close();
  health = undefined;
});

async function ask(port: number) {
  const response = await fetch(`http://127.0.0.1:${port}/`);
  return { status: response.status, body: (await response.json()) as { ok: boolean; pid: number; error: string | null } };
}

describe("serveWorkerHealth", () => {
  it("turns unhealthy when the heartbeat stops reaching the database, and healthy again when it does", async () => {
    const port = await freePort();
    let now = 0;
    let databaseUp = true;
    health = await serveWorkerHealth({
      port,
      intervalMs: 20,
      staleAfterMs: 10_000,
      now: () => now,
      beat: async () => {
        if (!databaseUp) throw new Error("connect ECONNREFUSED");
      },
    });
    expect(await ask(port)).toEqual({ status: 200, body: expect.objectContaining({ ok: true, pid: process.pid }) });

    databaseUp = false;
    now += 10_001;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await ask(port)).toEqual({
      status: 503,
      body: expect.objectContaining({ ok: false, error: "connect ECONNREFUSED" }),
    });

    databaseUp = true;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await ask(port)).status).toBe(200);
  });

  it("answers 503 once the worker is stopping", async () => {
    const port = await freePort();
    health = await serveWorkerHealth({ port, beat: async () => undefined });
    health.markStopping();
    expect(await ask(port)).toEqual({ status: 503, body: expect.objectContaining({ ok: false }) });
  });
});
