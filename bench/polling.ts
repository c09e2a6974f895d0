// Progress polling: GET /api/jobs/:id against the production Next server
// while 50 books are running, from 200 concurrent pollers signed in as the
// books' owners. Every poll after a poller's first carries If-None-Match with
// the ETag its previous answer gave, as a revalidating browser does. Two loads: each
// poller at the UI's pace (one request a second, ACTIVE_JOB_POLL_MS), and
// every poller as fast as the server answers (saturation). The reference is
// one poller alone, in the same run.
//
//   npx tsx bench/polling.ts
//   BENCH_POLLERS=200 BENCH_POLL_JOBS=50 BENCH_POLL_SECONDS=15 BENCH_POLL_USERS=10
import os from "node:os";
import autocannon from "autocannon";
import { benchBook, firstPages } from "@/bench/support/book";
import { startBenchStack } from "@/bench/support/bench-stack";
import { pidListeningOn, readCpuSeconds, readMemory, sampleMemory } from "@/bench/support/proc";
import { emptyReport, envInt, megabytes, runBenchmark, type BenchReport } from "@/bench/support/report";

interface Poller {
  path: string;
  cookie: string;
}

interface Load {
  label: string;
  connections: number;
  /** Requests a second per connection; undefined for as fast as possible. */
  rate?: number;
  seconds: number;
  /** Each poller starts at a random moment of the first second, as browsers do (our own loop, not autocannon). */
  spread?: boolean;
}

type Figures = Awaited<ReturnType<typeof poll>>;

function workerCpu(workers: { pid: number }[]): number {
  return workers.reduce((sum, worker) => sum + (readCpuSeconds(worker.pid) ?? 0), 0);
}

function percentile(sorted: number[], fraction: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

/**
 * Pollers the way browsers poll: each starts at its own random offset within
 * the first second, then asks once a second with the ETag of its last answer
 * (If-None-Match), as SWR's fetch through the browser cache does. Latency is
 * measured from the moment each request was due, so a late answer that
 * delays the next poll still counts (no coordinated omission).
 */
async function pollSpread(baseUrl: string, pollers: Poller[], load: Load): Promise<Figures> {
  const latencies: number[] = [];
  // A poller's first poll has no ETag yet and gets the full answer; kept apart to see which part makes the tail.
  const firstPolls: number[] = [];
  const laterPolls: number[] = [];
  const codes = new Map<number, number>();
  let errors = 0;
  const started = performance.now();
  const end = started + load.seconds * 1000;
  const periodMs = 1000 / (load.rate ?? 1);
  await Promise.all(
    Array.from({ length: load.connections }, async (_, index) => {
      const poller = pollers[index % pollers.length]!;
      let etag: string | undefined;
      let first = true;
      let due = started + Math.random() * periodMs;
      while (due < end) {
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        try {
          const response = await fetch(new URL(poller.path, baseUrl), {
            headers: { cookie: poller.cookie, ...(etag ? { "if-none-match": etag } : {}) },
          });
          await response.arrayBuffer();
          etag = response.headers.get("etag") ?? etag;
          codes.set(response.status, (codes.get(response.status) ?? 0) + 1);
        } catch {
          errors++;
        }
        latencies.push(performance.now() - due);
        (first ? firstPolls : laterPolls).push(performance.now() - due);
        first = false;
        due += periodMs;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  firstPolls.sort((a, b) => a - b);
  laterPolls.sort((a, b) => a - b);
  const total = [...codes.values()].reduce((sum, count) => sum + count, 0);
  return {
    firstPolls: {
      count: firstPolls.length,
      p50: Math.round(percentile(firstPolls, 0.5)),
      p99: Math.round(percentile(firstPolls, 0.99)),
      laterP50: Math.round(percentile(laterPolls, 0.5)),
      laterP99: Math.round(percentile(laterPolls, 0.99)),
    },
    p50: Math.round(percentile(latencies, 0.5)),
    p99: Math.round(percentile(latencies, 0.99)),
    max: Math.round(latencies.at(-1) ?? 0),
    rps: total / load.seconds,
    total,
    ok: codes.get(200) ?? 0,
    notModified: codes.get(304) ?? 0,
    other: total - (codes.get(200) ?? 0) - (codes.get(304) ?? 0),
    errors,
  };
}

async function poll(baseUrl: string, pollers: Poller[], load: Load) {
  // autocannon resets a connection's context each time it has gone through
  // its list of requests, so the ETag each poller last received is kept here:
  // every poll after a poller's first carries it, as a browser's does (SWR's
  // fetch revalidates through the HTTP cache with If-None-Match).
  const etags = new Map<Poller, string>();
  let next = 0;
  const result = await autocannon({
    url: baseUrl,
    connections: load.connections,
    duration: load.seconds,
    ...(load.rate ? { connectionRate: load.rate } : {}),
    requests: [
      {
        method: "GET",
        setupRequest(request: Record<string, unknown>, context: Record<string, unknown>) {
          const poller = pollers[next++ % pollers.length]!;
          context.poller = poller;
          const etag = etags.get(poller);
          const headers: Record<string, string> = { cookie: poller.cookie };
          if (etag) headers["if-none-match"] = etag;
          return { ...request, path: poller.path, headers };
        },
        onResponse(_status: number, _body: string, context: Record<string, unknown>, headers: Record<string, string>) {
          const etag = headers.etag ?? headers.ETag;
          if (etag) etags.set(context.poller as Poller, etag);
        },
      },
    ],
  });
  const codes = result.statusCodeStats;
  const count = (code: string) => Number(codes[code]?.count ?? 0);
  const answered = Object.values(codes).reduce((sum, entry) => sum + Number(entry.count), 0);
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    rps: result.requests.average,
    total: answered,
    ok: count("200"),
    notModified: count("304"),
    other: answered - count("200") - count("304"),
    errors: result.errors + result.timeouts,
    firstPolls: undefined as { count: number; p50: number; p99: number; laterP50: number; laterP99: number } | undefined,
  };
}

export async function run(): Promise<BenchReport> {
  const pollers = envInt("BENCH_POLLERS", 200);
  const jobs = envInt("BENCH_POLL_JOBS", 50);
  const users = envInt("BENCH_POLL_USERS", 10);
  const durationSeconds = envInt("BENCH_POLL_SECONDS", 15);
  const report = emptyReport(
    "polling",
    "3. Progress polling",
    `GET /api/jobs/:id on the production Next server (next start) while ${jobs} books are running, from ${pollers} concurrent ` +
      "pollers (autocannon connections with the owners' session cookies); every poll after a poller's first carries If-None-Match with the ETag of its last answer, as a browser does.",
  );
  const perUser = Math.ceil(jobs / users);
  // A slow Gemini keeps every book running for the whole measurement.
  const bench = await startBenchStack({
    web: true,
    latencyMs: 60_000,
    answersFile: "answers-polling.json",
    env: { MAX_RUNNING_JOBS_PER_USER: String(perUser), JOB_CREATE_PER_MINUTE: String(perUser + 1) },
  });
  try {
    const { signUpAndSignIn } = await import("@/tests/support/http-client");
    const book = await firstPages(await benchBook(700), 40);
    const workers = await bench.startWorkers(1);
    const targets: Poller[] = [];
    for (let index = 0; index < users; index++) {
      const client = await signUpAndSignIn({ baseUrl: bench.stack.baseUrl });
      const owned = Math.min(perUser, jobs - targets.length);
      for (let count = 0; count < owned; count++) {
        const job = await bench.lib.createJob({ userId: client.userId!, fileName: `livre-${count}.pdf`, bytes: book, engine: "gemini", maxWords: 8 });
        targets.push({ path: `/api/jobs/${job.id}`, cookie: client.cookieHeader() });
      }
    }
    // Every book planned and running before the clock starts.
    const deadline = Date.now() + 60_000;
    while ((await bench.lib.db().job.count({ where: { status: "running" } })) < jobs) {
      if (Date.now() > deadline) throw new Error("books did not all start within 60 s");
      await new Promise((resolve) => setTimeout(resolve, 250));
    }

    const port = Number(new URL(bench.stack.baseUrl).port);
    const webPid = pidListeningOn(port);
    const loads: Load[] = [
      { label: "reference: 1 poller alone, 1 request/s", connections: 1, rate: 1, seconds: Math.min(10, durationSeconds) },
      { label: `${pollers} pollers at 1 request/s each, spread over the second (random start offsets)`, connections: pollers, rate: 1, seconds: durationSeconds, spread: true },
      { label: `${pollers} pollers at 1 request/s each, synchronised (all at the same instant)`, connections: pollers, rate: 1, seconds: durationSeconds },
      { label: `${pollers} pollers, no pause (saturation)`, connections: pollers, seconds: durationSeconds },
    ];
    const rows: (string | number)[][] = [];
    let uiPace: Figures | undefined;
    let saturation: Figures | undefined;
    let webPeakKb = 0;
    for (const load of loads) {
      const cpuBefore = webPid ? (readCpuSeconds(webPid) ?? 0) : 0;
      // What else used the two cores meanwhile: the worker and this process (the load generator).
      const workerCpuBefore = workerCpu(workers);
      const ownCpuBefore = process.cpuUsage();
      const memory = sampleMemory(() => (webPid ? [webPid] : []));
      const figures = load.spread
        ? await pollSpread(bench.stack.baseUrl, targets, load)
        : await poll(bench.stack.baseUrl, targets, load);
      const peaks = memory.stop();
      webPeakKb = Math.max(webPeakKb, webPid ? (peaks.get(webPid) ?? 0) : 0);
      if (!load.rate) saturation = figures;
      const cpu = webPid ? (readCpuSeconds(webPid) ?? 0) - cpuBefore : NaN;
      const workerUsed = workerCpu(workers) - workerCpuBefore;
      const ownCpu = process.cpuUsage(ownCpuBefore);
      const ownUsed = (ownCpu.user + ownCpu.system) / 1e6;
      if (load.spread) uiPace = figures;
      rows.push([
        load.label,
        figures.total,
        Math.round(figures.rps),
        `${figures.p50} ms`,
        `${figures.p99} ms`,
        `${figures.max} ms`,
        `${((figures.notModified / Math.max(1, figures.total)) * 100).toFixed(1)} %`,
        figures.other + figures.errors,
        webPid ? `${Math.round((cpu / load.seconds) * 100)} %` : "?",
        webPid ? `${((cpu * 1000) / Math.max(1, figures.total)).toFixed(2)} ms` : "?",
        webPid ? megabytes(peaks.get(webPid) ?? 0) : "?",
        `${Math.round((workerUsed / load.seconds) * 100)} %`,
        `${Math.round((ownUsed / load.seconds) * 100)} %`,
        os.loadavg()[0]!.toFixed(1),
      ]);
    }
    await Promise.all(workers.map((worker) => worker.stop()));
    const stillRunning = await bench.lib.db().job.count({ where: { status: "running" } });

    report.settings = { pollers, "running jobs": jobs, users, "seconds per load": durationSeconds };
    report.tables.push({
      title: "GET /api/jobs/:id latency and throughput",
      columns: ["load", "requests", "req/s", "p50", "p99", "max", "answered 304", "errors / non-200-304", "web CPU (of one core)", "web CPU per request", "web RSS peak", "worker CPU", "load generator CPU", "load average (1 min) after"],
      rows,
    });
    if (uiPace) {
      report.targets.push({
        label: `p99 with ${pollers} pollers at the UI's pace, spread over the second`,
        target: "< 50 ms",
        measured: `${uiPace.p99} ms`,
        met: uiPace.p99 < 50 && uiPace.other + uiPace.errors === 0,
      });
    }
    if (saturation) {
      const share = saturation.notModified / Math.max(1, saturation.total);
      report.targets.push({
        label: "polls per second at saturation, mostly 304s",
        target: "≥ 2,000/s",
        measured: `${Math.round(saturation.rps)}/s (${(share * 100).toFixed(0)} % 304)`,
        met: saturation.rps >= 2000 && share > 0.5,
      });
    }
    if (webPid) {
      report.targets.push({
        label: "web server RSS peak",
        target: "< 250 MB",
        measured: megabytes(webPeakKb),
        met: webPeakKb < 250 * 1024,
      });
    }
    report.notes.push(
      `${stillRunning} of the ${jobs} books were still running when polling ended (Gemini answers after 60 s here), so the web server read live jobs throughout.`,
      "Latencies are autocannon's, corrected for coordinated omission when a rate is set; autocannon runs in the benchmark process on the same 2 cores as the web server, the worker and Postgres.",
      `The web server process (pid ${webPid ?? "not found"}) was found through its listening socket; its RSS peak comes from /proc/<pid>/status.`,
    );
    if (uiPace?.firstPolls) {
      const { count, p50, p99, laterP50, laterP99 } = uiPace.firstPolls;
      report.notes.push(
        `Spread pollers: their ${count} first polls (no ETag yet, so a full answer) took p50 ${p50} ms, p99 ${p99} ms; ` +
          `they are the first second of the load, when every poller starts at once. The polls after them, each with ` +
          `the ETag of the last answer, took p50 ${laterP50} ms, p99 ${laterP99} ms.`,
      );
    }
    const idle = readMemory(webPid ?? -1);
    if (idle) report.notes.push(`Web server RSS after the runs: ${megabytes(idle.rssKb)} (VmHWM ${megabytes(idle.peakKb)}).`);
    return report;
  } finally {
    await bench.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runBenchmark(run);
