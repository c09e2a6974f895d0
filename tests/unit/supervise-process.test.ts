// The supervisor behind `npm start` against real child processes, with the
// clock in the test's hands: crashes are restarted after 1 s, 2 s, 4 s … up
// to the cap, the wait resets after a minute of health, a crash loop is
// reported and retried at the cap, and stop leaves nothing running.
import { spawn, type ChildProcess } from "node:child_process";
import { describe, expect, it } from "vitest";
import {
  RestartBackoff,
  superviseProcess,
  type Clock,
  type LogLevel,
} from "@/scripts/supervise-process";

interface Timer {
  at: number;
  ms: number;
  callback: () => void;
}

/** A clock that moves only when the test says so. */
function manualClock() {
  let now = 1_000_000;
  const timers = new Set<Timer>();
  const clock: Clock = {
    now: () => now,
    setTimeout(callback, ms) {
      const timer = { at: now + ms, ms, callback };
      timers.add(timer);
      return timer;
    },
    clearTimeout: (handle) => void timers.delete(handle as Timer),
  };
  return {
    clock,
    pending: () => [...timers].map((timer) => timer.ms),
    advance(ms: number) {
      now += ms;
      for (const timer of [...timers].sort((a, b) => a.at - b.at)) {
        if (timer.at > now) continue;
        timers.delete(timer);
        timer.callback();
      }
    },
  };
}

function node(script: string): ChildProcess {
  return spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "ignore"] });
}

async function until(probe: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function alive(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

function harness(script: (index: number) => string, stopTimeoutMs?: number) {
  const time = manualClock();
  const children: ChildProcess[] = [];
  const lines: { level: LogLevel; message: string }[] = [];
  const supervised = superviseProcess({
    name: "worker",
    start: () => {
      const child = node(script(children.length));
      children.push(child);
      return child;
    },
    clock: time.clock,
    log: (level, message) => lines.push({ level, message }),
    stopTimeoutMs,
  });
  return { time, children, lines, supervised };
}

describe("RestartBackoff", () => {
  it("doubles from 1 s to the 30 s cap and starts again after a minute of health", () => {
    const backoff = new RestartBackoff();
    let now = 0;
    const delays: number[] = [];
    for (let crash = 0; crash < 8; crash++) {
      const { delayMs } = backoff.afterExit(now, now + 100);
      delays.push(delayMs);
      now += 100 + delayMs;
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
    expect(backoff.afterExit(now, now + 59_999).delayMs).toBe(30_000);
    now += 59_999 + 30_000;
    expect(backoff.afterExit(now, now + 60_000).delayMs).toBe(1000);
  });

  it("reports a crash loop from the fifth exit within five minutes, not for exits spread out", () => {
    const backoff = new RestartBackoff();
    const loops = [0, 10, 20, 30, 40].map((second) => backoff.afterExit(second * 1000, second * 1000 + 1).crashLoop);
    expect(loops).toEqual([false, false, false, false, true]);

    const calm = new RestartBackoff();
    const spread = [0, 2, 4, 6, 8, 10].map((minute) => calm.afterExit(minute * 60_000, minute * 60_000 + 1));
    expect(spread.map((decision) => decision.crashLoop)).toEqual(Array(6).fill(false));
    expect(spread.at(-1)!.recentExits).toBe(3);
  });
});

describe("superviseProcess with real child processes", () => {
  it("restarts a crashing child after 1, 2, 4 … 30 s, logs its exit code, and reports the crash loop", async () => {
    const { time, children, lines, supervised } = harness(() => "process.exit(3)");
    const waits: number[] = [];
    for (let crash = 1; crash <= 7; crash++) {
      await until(() => time.pending().length === 1, `restart ${crash} scheduled`);
      waits.push(time.pending()[0]!);
      expect(children).toHaveLength(crash);
      time.advance(time.pending()[0]!);
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
    expect(children).toHaveLength(8);
    expect(lines.filter((line) => line.message.includes("exited with code 3; restarting it in 1 s"))).toHaveLength(1);
    const loop = lines.filter((line) => /stopped \d+ times in the last 5 minutes: it is crash-looping/.test(line.message));
    expect(loop.length).toBeGreaterThanOrEqual(3);
    expect(loop.every((line) => line.level === "error" && /Still retrying, at most every 30 s/.test(line.message))).toBe(true);

    await supervised.stop();
    expect(time.pending()).toEqual([]);
  });

  it("names the signal of a killed child and resets the wait after a minute of health", async () => {
    const { time, children, lines, supervised } = harness(() => "setInterval(() => {}, 1000)");
    await until(() => children.length === 1 && children[0]!.pid !== undefined, "first child");

    children[0]!.kill("SIGKILL");
    await until(() => time.pending().length === 1, "restart after the kill");
    expect(time.pending()).toEqual([1000]);
    expect(lines.some((line) => line.message === "The worker process was killed by SIGKILL; restarting it in 1 s.")).toBe(true);
    time.advance(1000);
    expect(children).toHaveLength(2);

    children[1]!.kill("SIGKILL");
    await until(() => time.pending().length === 1, "restart after a quick second kill");
    expect(time.pending()).toEqual([2000]);
    time.advance(2000);

    time.advance(61_000);
    children[2]!.kill("SIGKILL");
    await until(() => time.pending().length === 1, "restart after a healthy minute");
    expect(time.pending()).toEqual([1000]);
    time.advance(1000);
    expect(children).toHaveLength(4);

    await supervised.stop();
    expect(children.every((child) => !alive(child))).toBe(true);
    expect(children[3]!.signalCode).toBe("SIGTERM");
  });

  it("stop during a pending restart starts nothing more", async () => {
    const { time, children, supervised } = harness(() => "process.exit(1)");
    await until(() => time.pending().length === 1, "restart scheduled");
    await supervised.stop();
    expect(time.pending()).toEqual([]);
    time.advance(60_000);
    expect(children).toHaveLength(1);
  });

  it("stop SIGKILLs a child that ignores SIGTERM once the stop timeout passes", async () => {
    const { time, children, lines, supervised } = harness(
      () => "process.on('SIGTERM', () => {}); console.log('ready'); setInterval(() => {}, 1000)",
      5000,
    );
    // Stop only once the child has installed its SIGTERM handler.
    await until(() => children.length === 1, "first child");
    await new Promise((resolve) => children[0]!.stdout!.once("data", resolve));
    const stopped = supervised.stop();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(alive(children[0]!)).toBe(true);
    time.advance(5000);
    await stopped;
    expect(children[0]!.signalCode).toBe("SIGKILL");
    expect(lines.some((line) => line.message.includes("did not stop in time"))).toBe(true);
    expect(children).toHaveLength(1);
  });
});
