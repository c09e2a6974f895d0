// Where a process's time went when its event loop stalled: a timer every
// 10 ms notes each time it fired more than 50 ms late (a stall), with how
// much of that the main thread spent running and how much waiting for a core
// (its /proc schedstat), and a PerformanceObserver notes every garbage
// collection. Both are appended as JSON lines to a file, which the benchmark
// reads to line slow requests up with them.
//
// Loaded into the web server with NODE_OPTIONS="--import <this file>" and
// LOOP_PROBE_DIR set (Node runs it with its types stripped, so it imports
// nothing but Node's own modules and uses no syntax beyond type annotations);
// the benchmark process starts one in itself with startLoopProbe.
import { appendFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { PerformanceObserver, performance } from "node:perf_hooks";

export interface LoopStall {
  kind: "stall";
  /** When the stall began (ms since the epoch). */
  at: number;
  ms: number;
  /** Of `ms`, the main thread's time on a core and waiting in a run queue (-1 where /proc is not readable). */
  runMs: number;
  waitMs: number;
}

export interface GcPause {
  kind: "gc";
  at: number;
  ms: number;
  /** V8's kind: 1 scavenge (young generation), 2 mark-sweep-compact, 4 incremental marking, 8 weak callbacks. */
  gc: number;
}

export type ProbeEntry = LoopStall | GcPause;

const tickMs = 10;
const stallMs = 50;

function now(): number {
  return performance.timeOrigin + performance.now();
}

/** The main thread's time on a core and waiting for one, in ms, from /proc/thread-self/schedstat. */
function schedstat(): { run: number; wait: number } | undefined {
  try {
    const [run, wait] = readFileSync("/proc/thread-self/schedstat", "utf8").split(" ").map(Number);
    return { run: run! / 1e6, wait: wait! / 1e6 };
  } catch {
    return undefined;
  }
}

export function startLoopProbe(file: string): { stop(): void } {
  let pending: ProbeEntry[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    appendFileSync(file, pending.map((entry) => JSON.stringify(entry)).join("\n") + "\n");
    pending = [];
  };
  let last = now();
  let lastSched = schedstat();
  const ticker = setInterval(() => {
    const at = now();
    const sched = schedstat();
    const late = at - last - tickMs;
    if (late > stallMs) {
      pending.push({
        kind: "stall",
        at: last + tickMs,
        ms: Math.round(late),
        runMs: sched && lastSched ? Math.round(sched.run - lastSched.run) : -1,
        waitMs: sched && lastSched ? Math.round(sched.wait - lastSched.wait) : -1,
      });
    }
    last = at;
    lastSched = sched;
  }, tickMs);
  const flusher = setInterval(flush, 250);
  ticker.unref();
  flusher.unref();
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const detail = (entry as { detail?: { kind?: number } }).detail;
      pending.push({ kind: "gc", at: performance.timeOrigin + entry.startTime, ms: entry.duration, gc: detail?.kind ?? 0 });
    }
  });
  observer.observe({ entryTypes: ["gc"] });
  process.once("exit", flush);
  return {
    stop() {
      clearInterval(ticker);
      clearInterval(flusher);
      observer.disconnect();
      flush();
    },
  };
}

/** Every entry a probe wrote, or none if it wrote nothing. */
export function readProbe(file: string): ProbeEntry[] {
  try {
    return readFileSync(file, "utf8")
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line) as ProbeEntry);
  } catch {
    return [];
  }
}

// Loaded with --import: probe this process if asked to.
const probeDir = process.env.LOOP_PROBE_DIR;
if (probeDir && process.env.LOOP_PROBE_ROLE === process.env.PROCESS_ROLE) {
  startLoopProbe(path.join(probeDir, `${process.env.PROCESS_ROLE ?? "process"}-${process.pid}.jsonl`));
}
