// Reading another process's memory and CPU from /proc (Linux), for peak RSS
// of worker and web processes.
import { existsSync, readFileSync, readdirSync, readlinkSync } from "node:fs";

export interface ProcMemory {
  /** Resident set size now, in kB. */
  rssKb: number;
  /** Peak resident set size (VmHWM), in kB. */
  peakKb: number;
}

export function readMemory(pid: number): ProcMemory | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
    const rssKb = field("VmRSS");
    const peakKb = field("VmHWM");
    return Number.isNaN(rssKb) ? undefined : { rssKb, peakKb };
  } catch {
    return undefined;
  }
}

// Linux reports CPU time in clock ticks; 100 a second on every common kernel.
const ticksPerSecond = 100;

/** User + system CPU seconds the process has used so far. */
export function readCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may hold spaces: count fields after it.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

/** Samples a set of processes' RSS every `intervalMs` and keeps each one's highest. */
export function sampleMemory(pids: () => number[], intervalMs = 200) {
  const peaks = new Map<number, number>();
  /** Every sample's VmRSS, so a peak can be placed in a phase of the run. */
  const samples: { at: number; pid: number; rssKb: number }[] = [];
  const sample = () => {
    for (const pid of pids()) {
      const memory = readMemory(pid);
      if (!memory) continue;
      peaks.set(pid, Math.max(peaks.get(pid) ?? 0, memory.rssKb, memory.peakKb));
      samples.push({ at: Date.now(), pid, rssKb: memory.rssKb });
    }
  };
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    peaks,
    samples,
    /** The highest sampled VmRSS of any process between two instants (ms since epoch). */
    peakBetween(from: number, to: number): number {
      return samples.reduce((peak, entry) => (entry.at >= from && entry.at < to ? Math.max(peak, entry.rssKb) : peak), 0);
    },
    stop() {
      sample();
      clearInterval(timer);
      return peaks;
    },
  };
}

/** The process listening on a loopback TCP port (the Next.js server), found through /proc/net/tcp. */
export function pidListeningOn(port: number): number | undefined {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local_address is field 1 ("0100007F:1F90"), st is field 3 (0A = LISTEN), inode field 9.
      if (fields[1]?.endsWith(`:${hexPort}`) && fields[3] === "0A") inodes.add(fields[9]!);
    }
  }
  if (inodes.size === 0) return undefined;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${entry}/fd/${fd}`);
        const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
        if (inode && inodes.has(inode)) return Number(entry);
      } catch {
        // The descriptor closed while we looked.
      }
    }
  }
  return undefined;
}
