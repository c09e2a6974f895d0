// Worker processes for benchmarks: Node with `workerNodeArgs`, as
// the test stack spawns them, but with stdout read so the benchmark knows
// when each one has registered its handlers (its "worker started" line)
// before the clock starts.
import { spawn, type ChildProcess, type ChildProcessByStdio } from "node:child_process";
import type { Readable } from "node:stream";
import path from "node:path";
import { createInterface } from "node:readline";
import { withHeapOptions } from "@/scripts/heap-options";
import { workerNodeArgs } from "@/scripts/worker-command";

const root = path.resolve(import.meta.dirname, "../..");

export interface BenchWorker {
  child: ChildProcess;
  pid: number;
  ready: Promise<void>;
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

// BENCH_BUNDLED_WORKER=1 runs the bundle the Docker image runs instead
// (dist/worker/index.js; `npm run build:node` first), to measure that path.
const nodeArgs = process.env.BENCH_BUNDLED_WORKER === "1" ? ["dist/worker/index.js"] : workerNodeArgs;

export function startBenchWorker(env: Record<string, string>): BenchWorker {
  const child: ChildProcessByStdio<null, Readable, null> = spawn(process.execPath, nodeArgs, {
    cwd: root,
    // Info level for the start line; chunk lines are read and dropped.
    env: withHeapOptions({ ...process.env, ...env, PROCESS_ROLE: "worker", LOG_LEVEL: "info" }),
    stdio: ["ignore", "pipe", "inherit"],
  });
  const ready = new Promise<void>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on("line", (line) => {
      if (line.includes('"worker started"')) resolve();
      else if (/"level":(50|60)/.test(line)) console.error(line);
    });
    child.once("exit", (code) => reject(new Error(`worker exited with code ${code} before it started`)));
  });
  ready.catch(() => {});
  return {
    child,
    pid: child.pid!,
    ready,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited(child);
      clearTimeout(timer);
    },
  };
}

export async function startBenchWorkers(count: number, env: Record<string, string>): Promise<BenchWorker[]> {
  const workers = Array.from({ length: count }, () => startBenchWorker(env));
  await Promise.all(workers.map((worker) => worker.ready));
  return workers;
}
