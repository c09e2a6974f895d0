// What the image runs, run here without Docker: the compose file's own
// `migrate` and `worker` commands, after `npm run build` has made the
// bundles (the worker starts with plain Node, no TypeScript compiled at
// start), against the test stack's Postgres. The worker's compose health
// check passes once it is up and fails once it is stopping.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { composeServices, root } from "@/tests/support/docker-files";
import { freePort } from "@/tests/support/stack";

const services = composeServices();

function imageEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    TRUSTED_PROXIES: "0",
    DATABASE_URL: process.env.DATABASE_URL,
    LOG_LEVEL: "warn",
    ...extra,
  };
}

/** The worker's compose health check, pointed at `port` instead of the compose one. */
function healthCheck(port: number): number {
  const composePort = services.worker!.environment!.WORKER_HEALTH_PORT!;
  const [kind, command, ...args] = services.worker!.healthcheck!.test;
  expect(kind).toBe("CMD");
  const result = spawnSync(command!, args.map((arg) => arg.replaceAll(`:${composePort}/`, `:${port}/`)), {
    timeout: 10_000,
  });
  return result.status ?? -1;
}

beforeAll(() => {
  // The Dockerfile's `npm run build` is `next build` (which the stack already did) plus this.
  execFileSync("npm", ["run", "build:node"], { cwd: root, stdio: "inherit" });
}, 120_000);

describe("the image's commands", () => {
  it("migrate applies the migrations and exits 0", () => {
    const [command, ...args] = services.migrate!.command!;
    const result = spawnSync(command!, args, { cwd: root, env: imageEnv(), encoding: "utf8", timeout: 60_000 });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Database is up to date|Applied/);
  });

  it("the bundled worker starts with plain Node, passes its health check, and stops cleanly on SIGTERM", async () => {
    const port = await freePort();
    const [command, ...args] = services.worker!.command!;
    expect(args.some((arg) => arg.endsWith(".ts"))).toBe(false);
    const worker = spawn(command!, args, {
      cwd: root,
      env: imageEnv({ WORKER_HEALTH_PORT: String(port), PROCESS_ROLE: "worker" }),
      stdio: ["ignore", "inherit", "inherit"],
    });
    const exited = new Promise<number | null>((resolve) => worker.once("exit", (code) => resolve(code)));
    try {
      const deadline = Date.now() + 30_000;
      while (healthCheck(port) !== 0) {
        expect(worker.exitCode, "the worker exited").toBeNull();
        if (Date.now() > deadline) throw new Error("the worker's health check did not pass within 30 s");
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const body = (await (await fetch(`http://127.0.0.1:${port}/`)).json()) as { ok: boolean; pid: number };
      expect(body).toMatchObject({ ok: true, pid: worker.pid });
    } finally {
      worker.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
    expect(healthCheck(port)).not.toBe(0);
  }, 60_000);
});
