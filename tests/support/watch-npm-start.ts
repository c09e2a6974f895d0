// What the tests of `npm start` read of the product they started: whether a
// process or port is still alive, an HTTP status that is 0 while nothing
// answers, the worker's health, waits that fail with the product's own
// output, and the pids it announced.
import type { ChildProcess } from "node:child_process";
import net from "node:net";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether a process (a pid) or a whole process group (its negated id) is still alive. */
export function running(pidOrGroup: number): boolean {
  try {
    process.kill(pidOrGroup, 0);
    return true;
  } catch {
    return false;
  }
}

export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

export async function httpStatus(url: string): Promise<number> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(5000) })).status;
  } catch {
    return 0;
  }
}

export async function workerHealth(url: string): Promise<{ ok: boolean; pid: number } | null> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return (await response.json()) as { ok: boolean; pid: number };
  } catch {
    return null;
  }
}

/** Waits and pids for the `npm start` child whose output so far `output()` returns. */
export function watchNpmStart(child: () => ChildProcess, output: () => string) {
  return {
    async until<T>(probe: () => Promise<T | false | null | undefined>, timeoutMs: number, what: string): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = await probe();
        if (value) return value;
        const { exitCode, signalCode } = child();
        if (exitCode !== null || signalCode !== null) {
          throw new Error(`npm start exited (${exitCode ?? signalCode}) while waiting for ${what}:\n${output()}`);
        }
        if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms\n${output().slice(-4000)}`);
        await sleep(200);
      }
    },
    startedPids(name: "web" | "worker"): number[] {
      return [...output().matchAll(new RegExp(`The ${name} process started \\(pid (\\d+)\\)`, "g"))].map((match) => Number(match[1]));
    },
  };
}
