// A CPU profile of another Node process (the web server) over a stretch of a
// benchmark: SIGUSR1 opens its inspector, and the profiler runs through the
// DevTools protocol. The .cpuprofile opens in Chrome's DevTools; bench code
// sums it by package with `summariseProfile`.
import { writeFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  hitCount?: number;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
}

export async function profileProcess(pid: number, work: () => Promise<void>, file: string, port = 9229): Promise<CpuProfile> {
  process.kill(pid, "SIGUSR1");
  let target: { webSocketDebuggerUrl: string } | undefined;
  for (let attempt = 0; attempt < 50 && !target; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    target = await fetch(`http://127.0.0.1:${port}/json/list`)
      .then(async (response) => ((await response.json()) as { webSocketDebuggerUrl: string }[])[0])
      .catch(() => undefined);
  }
  if (!target) throw new Error(`no inspector on port ${port} for pid ${pid}`);
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = reject;
  });
  let next = 1;
  const waiting = new Map<number, (result: unknown) => void>();
  socket.onmessage = (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
    if (message.id) waiting.get(message.id)?.(message.result);
  };
  const send = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<unknown>((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });
  await send("Profiler.enable");
  await send("Profiler.setSamplingInterval", { interval: 500 });
  await send("Profiler.start");
  await work();
  const { profile } = (await send("Profiler.stop")) as { profile: CpuProfile };
  socket.close();
  writeFileSync(file, JSON.stringify(profile));
  return profile;
}

/** Self time by where the code comes from (a package, Node's internals, the app's bundle, GC…), as shares of the samples. */
export function summariseProfile(profile: CpuProfile, top = 25): { group: string; share: number }[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const counts = new Map<number, number>();
  for (const sample of profile.samples ?? []) counts.set(sample, (counts.get(sample) ?? 0) + 1);
  const groups = new Map<string, number>();
  let total = 0;
  for (const [id, count] of counts) {
    const node = byId.get(id)!;
    const { url, functionName } = node.callFrame;
    let group: string;
    if (functionName === "(idle)") continue;
    if (!url) group = functionName || "(native)";
    else if (url.includes("node_modules/")) {
      const rest = url.slice(url.lastIndexOf("node_modules/") + 13).split("/");
      group = rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
      if (group === "next") group = `next ${rest.slice(1, 4).join("/")}`;
    } else if (url.startsWith("node:")) group = url;
    else group = url.replace(/^.*\.next\//, ".next/");
    groups.set(group, (groups.get(group) ?? 0) + count);
    total += count;
  }
  return [...groups]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([group, count]) => ({ group, share: count / Math.max(1, total) }));
}
