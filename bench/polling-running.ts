// Progress polling while books really run: five users each start a 150-page
// book on the local engine with CHUNK_PAGES=2 and one worker at
// WORKER_CONCURRENCY=1, so a chunk ends every fraction of a second and a
// book's version changes about once a second (a quarter of the polls found
// a new one on this machine: full answers, not 304s). 200 pollers, 40 per
// book with the owner's session cookie, ask GET /api/jobs/:id once a second
// each, spread evenly over the second as browsers on the job pages would,
// each with the ETag of its last answer; then the same without If-None-Match,
// so every answer is a full one. The reference is GET /api/noop (a route that
// does nothing) on the same server, from the same pollers, in the same run,
// before and after: the CPU a poll costs the web server is compared with it.
//
//   npx tsx bench/polling-running.ts
//   BENCH_POLL_BOOKS=5 BENCH_POLL_PAGES=150 BENCH_POLLERS=200 BENCH_POLL_SECONDS=15
//   BENCH_WORKER_NICE=10   the worker's niceness (10, as npm start runs it; 0 = the web server's priority)
//   BENCH_POLL_ONLY=1      skip the no-op reference
//   BENCH_WEB_PROFILE=file.cpuprofile   CPU profile of the web server over the polls (its inspector, port 9229)
//   BENCH_WEB_NODE_OPTIONS="--max-semi-space-size=32 --max-old-space-size=256"   added to the web server's Node
//                          options; with a semi-space size they replace its usual heap options (scripts/heap-options.ts)
//
// Where the slow polls come from: the web server and this process each run
// bench/support/loop-probe.ts, which notes every event-loop stall and garbage
// collection (bench/out/loop-probe-<pid>/, with each load's slow polls); the
// notes say how long each process's loop stalled during each load, whether
// its main thread was running or waiting for a core meanwhile, and how many
// slow polls fell in one of those stalls.
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchBook, benchOut, firstPages } from "@/bench/support/book";
import { startBenchStack } from "@/bench/support/bench-stack";
import { profileProcess, summariseProfile } from "@/bench/support/cpu-profile";
import { readProbe, startLoopProbe, type LoopStall, type ProbeEntry } from "@/bench/support/loop-probe";
import { pidListeningOn, readCpuSeconds, readMemory } from "@/bench/support/proc";
import { emptyReport, envInt, runBenchmark, type BenchReport } from "@/bench/support/report";

interface Poller {
  path: string;
  cookie: string;
}

interface Figures {
  total: number;
  ok: number;
  notModified: number;
  other: number;
  errors: number;
  p50: number;
  p99: number;
  /** p99 of the requests due after the load's first second (the first requests of a route on a fresh server are slow). */
  p99AfterFirstSecond: number;
  /** Requests over 250 ms in each second of the load, as "second:count" for the seconds that had any. */
  slowSeconds: string;
  max: number;
  webCpuSeconds: number;
  /** Transactions committed in the database over the load, from every process (pg_stat_database). */
  transactions: number;
  /** Database sessions opened over the load, by every process (pg_stat_database). */
  sessions: number;
  workerCpuSeconds: number;
  ownCpuSeconds: number;
  load: number;
  /** The load's start and end (ms since the epoch), and each poll over 250 ms: when it was due and how long it took. */
  from: number;
  to: number;
  slowPolls: { at: number; ms: number }[];
}

function percentile(sorted: number[], fraction: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

/**
 * Each poller starts at an even offset within the first second (poller i at
 * i/n of it), then asks once a second with the ETag of its last answer.
 * Latency counts from the moment a request was due, so a late answer that
 * delays the next poll still counts (no coordinated omission).
 */
async function pollSpread(
  baseUrl: string,
  pollers: Poller[],
  seconds: number,
  measure: { webPid: number; workerPid: number; transactions: () => Promise<{ transactions: number; sessions: number }> },
  /** False: no If-None-Match, so every answer is a full one (its cost alone). */
  revalidate = true,
): Promise<Figures> {
  const latencies: number[] = [];
  const afterFirstSecond: number[] = [];
  const slowBySecond = new Map<number, number>();
  const slowPolls: { at: number; ms: number }[] = [];
  const codes = new Map<number, number>();
  let errors = 0;
  const transactionsBefore = await measure.transactions();
  const webBefore = readCpuSeconds(measure.webPid) ?? 0;
  const workerBefore = readCpuSeconds(measure.workerPid) ?? 0;
  const ownBefore = process.cpuUsage();
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    pollers.map(async (poller, index) => {
      let etag: string | undefined;
      let due = started + (index * 1000) / pollers.length;
      while (due < end) {
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        try {
          const response = await fetch(new URL(poller.path, baseUrl), {
            headers: { cookie: poller.cookie, ...(etag ? { "if-none-match": etag } : {}) },
          });
          await response.arrayBuffer();
          if (revalidate) etag = response.headers.get("etag") ?? etag;
          codes.set(response.status, (codes.get(response.status) ?? 0) + 1);
        } catch {
          errors++;
        }
        const latency = performance.now() - due;
        latencies.push(latency);
        const second = Math.floor((due - started) / 1000);
        if (second > 0) afterFirstSecond.push(latency);
        if (latency > 250) {
          slowBySecond.set(second, (slowBySecond.get(second) ?? 0) + 1);
          slowPolls.push({ at: performance.timeOrigin + due, ms: latency });
        }
        due += 1000;
      }
    }),
  );
  const own = process.cpuUsage(ownBefore);
  latencies.sort((a, b) => a - b);
  afterFirstSecond.sort((a, b) => a - b);
  const total = [...codes.values()].reduce((sum, count) => sum + count, 0);
  const ok = codes.get(200) ?? 0;
  const notModified = codes.get(304) ?? 0;
  const noContent = codes.get(204) ?? 0;
  return {
    total,
    ok: ok + noContent,
    notModified,
    other: total - ok - notModified - noContent,
    errors,
    p50: Math.round(percentile(latencies, 0.5)),
    p99: Math.round(percentile(latencies, 0.99)),
    p99AfterFirstSecond: Math.round(percentile(afterFirstSecond, 0.99)),
    slowSeconds: [...slowBySecond].sort(([a], [b]) => a - b).map(([second, count]) => `${second}:${count}`).join(" ") || "none",
    max: Math.round(latencies.at(-1) ?? 0),
    webCpuSeconds: (readCpuSeconds(measure.webPid) ?? 0) - webBefore,
    ...(await measure.transactions().then((after) => ({
      transactions: after.transactions - transactionsBefore.transactions,
      sessions: after.sessions - transactionsBefore.sessions,
    }))),
    workerCpuSeconds: (readCpuSeconds(measure.workerPid) ?? 0) - workerBefore,
    ownCpuSeconds: (own.user + own.system) / 1e6,
    load: os.loadavg()[0]!,
    from: performance.timeOrigin + started,
    to: performance.timeOrigin + end,
    slowPolls,
  };
}

/**
 * What a process's probe saw over a load: its event-loop stalls of 100 ms or
 * more (their total, the longest, how much of them its main thread spent on a
 * core and waiting for one), its garbage collections, and how many of the
 * slow polls overlapped one of its stalls.
 */
function stallSummary(label: string, entries: ProbeEntry[], figures: Figures): string {
  const inLoad = entries.filter((entry) => entry.at >= figures.from && entry.at < figures.to + 1000);
  const stalls = inLoad.filter((entry): entry is LoopStall => entry.kind === "stall" && entry.ms >= 100);
  const gcs = inLoad.filter((entry) => entry.kind === "gc");
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const gcDuring = sum(
    stalls.map((stall) => sum(gcs.filter((gc) => gc.at >= stall.at - gc.ms && gc.at < stall.at + stall.ms).map((gc) => gc.ms))),
  );
  const overlapping = figures.slowPolls.filter((poll) =>
    stalls.some((stall) => stall.at < poll.at + poll.ms && stall.at + stall.ms > poll.at),
  ).length;
  return (
    `${label}: ${stalls.length} stalls ≥ 100 ms (${Math.round(sum(stalls.map((stall) => stall.ms)))} ms in all, longest ${Math.round(Math.max(0, ...stalls.map((stall) => stall.ms)))} ms; ` +
    `its main thread ran ${Math.round(sum(stalls.map((stall) => stall.runMs)))} ms and waited for a core ${Math.round(sum(stalls.map((stall) => stall.waitMs)))} ms of them, ` +
    `GC ${Math.round(gcDuring)} ms); GC over the load ${gcs.length} pauses, ${Math.round(sum(gcs.map((gc) => gc.ms)))} ms in all, longest ${(Math.max(0, ...gcs.map((gc) => gc.ms))).toFixed(1)} ms, ` +
    `${gcs.filter((gc) => gc.gc === 2).length} full; ${overlapping} of the ${figures.slowPolls.length} polls over 250 ms overlapped one of its stalls`
  );
}

function cpuPerRequestMs(figures: Figures): number {
  return (figures.webCpuSeconds * 1000) / Math.max(1, figures.total);
}

export async function run(): Promise<BenchReport> {
  const books = envInt("BENCH_POLL_BOOKS", 5);
  const pages = envInt("BENCH_POLL_PAGES", 150);
  const pollerCount = envInt("BENCH_POLLERS", 200);
  const seconds = envInt("BENCH_POLL_SECONDS", 15);
  const workerNice = envInt("BENCH_WORKER_NICE", 10);
  const report = emptyReport(
    "polling-running",
    "3b. Polling running books",
    `GET /api/jobs/:id on the production Next server (next start) while ${books} users' ${pages}-page books run on the local engine ` +
      `(CHUNK_PAGES=2, one worker at WORKER_CONCURRENCY=1), from ${pollerCount} pollers (${Math.round(pollerCount / books)} per book, the owners' ` +
      "session cookies) at one poll a second each, spread evenly over the second, each with the ETag of its last answer. " +
      "Reference: GET /api/noop (a route that does nothing) from the same pollers on the same server, just before and just after.",
  );
  // The web server loads the loop probe (bench/support/loop-probe.ts), and this process runs one of its own.
  const probeDir = path.join(benchOut, `loop-probe-${process.pid}`);
  mkdirSync(probeDir, { recursive: true });
  const ownProbeFile = path.join(probeDir, `bench-${process.pid}.jsonl`);
  const ownProbe = startLoopProbe(ownProbeFile);
  const nodeOptions = process.env.NODE_OPTIONS ?? "";
  const webNodeOptions = `${nodeOptions} --import ${path.resolve(import.meta.dirname, "support/loop-probe.ts")} ${process.env.BENCH_WEB_NODE_OPTIONS ?? ""}`;
  const bench = await startBenchStack({
    web: true,
    latencyMs: 0,
    answersFile: "answers-polling-running.json",
    env: {
      CHUNK_PAGES: "2",
      WORKER_CONCURRENCY: "1",
      MAX_RUNNING_JOBS_PER_USER: "2",
      JOB_CREATE_PER_MINUTE: "10",
      NODE_OPTIONS: webNodeOptions.trim(),
      LOOP_PROBE_DIR: probeDir,
      LOOP_PROBE_ROLE: "web",
    },
  });
  try {
    const { signUpAndSignIn } = await import("@/tests/support/http-client");
    const book = await firstPages(await benchBook(700), pages);
    const owners: { userId: string; cookie: string; jobId?: string }[] = [];
    for (let index = 0; index < books; index++) {
      const client = await signUpAndSignIn({ baseUrl: bench.stack.baseUrl });
      owners.push({ userId: client.userId!, cookie: client.cookieHeader() });
    }
    const port = Number(new URL(bench.stack.baseUrl).port);
    const webPid = pidListeningOn(port);
    if (!webPid) throw new Error("web server process not found");
    // The worker gets this process's own Node options (its heap options are added as for any worker), not the web server's.
    const [worker] = await bench.startWorkers(1, { NODE_OPTIONS: nodeOptions });
    // At npm start's lower priority (scripts/start.ts) unless told otherwise.
    if (workerNice !== 0) os.setPriority(worker!.pid, workerNice);
    for (const owner of owners) {
      const job = await bench.lib.createJob({ userId: owner.userId, fileName: "livre.pdf", bytes: book, engine: "local", maxWords: 8 });
      owner.jobId = job.id;
    }
    const deadline = Date.now() + 120_000;
    while ((await bench.lib.db().job.count({ where: { status: "running" } })) < books) {
      if (Date.now() > deadline) throw new Error(`books did not all start within 120 s`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }

    const perBook = Math.ceil(pollerCount / books);
    const pollers: Poller[] = Array.from({ length: pollerCount }, (_, index) => {
      const owner = owners[Math.floor(index / perBook) % books]!;
      return { path: `/api/jobs/${owner.jobId}`, cookie: owner.cookie };
    });
    const noopPollers = pollers.map((poller) => ({ ...poller, path: "/api/noop" }));
    // Every query outside a transaction is one: the polls' reads, plus the worker's and pg-boss's work, as in the no-op loads.
    // Sessions: every connection opened to the database, by any process.
    const transactions = async () => {
      const [row] = await bench.lib.db().$queryRaw<{ count: bigint; sessions: bigint }[]>`
        SELECT xact_commit AS count, sessions FROM pg_stat_database WHERE datname = current_database()`;
      return { transactions: Number(row!.count), sessions: Number(row!.sessions) };
    };
    const measure = { webPid, workerPid: worker!.pid, transactions };
    // A route's first request on the fresh server loads its code and opens its connections (the job route's
    // first poll also starts the change listener): one request to each route and book first, timed apart,
    // so that the loads measure polling, not the server's start.
    const firstRequests: string[] = [];
    for (const poller of [noopPollers[0]!, ...owners.map((_, index) => pollers[index * perBook]!)]) {
      const started = performance.now();
      const response = await fetch(new URL(poller.path, bench.stack.baseUrl), { headers: { cookie: poller.cookie } });
      await response.arrayBuffer();
      firstRequests.push(`${poller.path.startsWith("/api/noop") ? "no-op" : "poll"} ${Math.round(performance.now() - started)} ms`);
    }

    const pollOnly = process.env.BENCH_POLL_ONLY === "1";
    const noopBefore = pollOnly ? undefined : await pollSpread(bench.stack.baseUrl, noopPollers, seconds, measure);
    const chunksDoneBefore = await chunksDone(bench.lib.db);
    // How long Postgres takes meanwhile (from this process) to answer a trivial query, the machine's queueing,
    // and the poll's own query for one of the books.
    const roundTrips: number[] = [];
    const progressReads: number[] = [];
    const { readProgressRow } = await import("@/lib/jobs/get-job-progress");
    let probing = true;
    const probe = (async () => {
      while (probing) {
        let started = performance.now();
        await bench.lib.db().$queryRaw`SELECT 1`;
        roundTrips.push(performance.now() - started);
        started = performance.now();
        await readProgressRow(owners[0]!.jobId!);
        progressReads.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })();
    const profileFile = process.env.BENCH_WEB_PROFILE;
    let polls!: Figures;
    const pollRunning = async () => {
      polls = await pollSpread(bench.stack.baseUrl, pollers, seconds, measure);
    };
    if (profileFile) {
      const profile = await profileProcess(webPid, pollRunning, profileFile);
      console.log(`Web server profile over the polls (${profileFile}), self time by origin:`);
      for (const { group, share } of summariseProfile(profile)) console.log(`  ${(share * 100).toFixed(1).padStart(5)} %  ${group}`);
    } else {
      await pollRunning();
    }
    probing = false;
    await probe;
    roundTrips.sort((a, b) => a - b);
    progressReads.sort((a, b) => a - b);
    const chunksDuringPolls = (await chunksDone(bench.lib.db)) - chunksDoneBefore;
    const fullOnly = pollOnly ? undefined : await pollSpread(bench.stack.baseUrl, pollers, seconds, measure, false);
    const noopAfter = pollOnly ? undefined : await pollSpread(bench.stack.baseUrl, noopPollers, seconds, measure);
    const stillRunning = await bench.lib.db().job.count({ where: { status: "running" } });
    const webMemory = readMemory(webPid);
    // The probes write every 250 ms.
    await new Promise((resolve) => setTimeout(resolve, 500));
    ownProbe.stop();
    for (const [label, figures] of [["polls", polls], ["full", fullOnly], ["noop-before", noopBefore], ["noop-after", noopAfter]] as const) {
      if (figures) writeFileSync(path.join(probeDir, `slow-${label}.json`), JSON.stringify({ from: figures.from, to: figures.to, slow: figures.slowPolls }));
    }
    const webProbeFile = readdirSync(probeDir).find((name) => name === `web-${webPid}.jsonl`);
    const webProbe = webProbeFile ? readProbe(path.join(probeDir, webProbeFile)) : [];
    const ownProbeEntries = readProbe(ownProbeFile);

    const loads: [string, Figures | undefined][] = [
      ["GET /api/noop (reference, before)", noopBefore],
      ["GET /api/jobs/:id (running books)", polls],
      ["GET /api/jobs/:id without If-None-Match (every answer full)", fullOnly],
      ["GET /api/noop (reference, after)", noopAfter],
    ];
    const rows = loads.filter((row): row is [string, Figures] => row[1] !== undefined);
    report.settings = { books, pages, pollers: pollerCount, "pollers per book": perBook, "seconds per load": seconds, "worker nice": workerNice };
    report.tables.push({
      title: "Spread pollers, one request a second each",
      columns: ["route", "requests", "p50", "p99", "max", "200 / 204", "304", "errors / other", "web CPU per request", "web CPU (of one core)", "worker CPU", "load generator CPU", "load average (1 min) after"],
      rows: rows.map(([label, figures]) => [
        label,
        figures.total,
        `${figures.p50} ms`,
        `${figures.p99} ms`,
        `${figures.max} ms`,
        figures.ok,
        figures.notModified,
        figures.other + figures.errors,
        `${cpuPerRequestMs(figures).toFixed(2)} ms`,
        `${Math.round((figures.webCpuSeconds / seconds) * 100)} %`,
        `${Math.round((figures.workerCpuSeconds / seconds) * 100)} %`,
        `${Math.round((figures.ownCpuSeconds / seconds) * 100)} %`,
        figures.load.toFixed(1),
      ]),
    });
    const noopMs = noopBefore && noopAfter ? (cpuPerRequestMs(noopBefore) + cpuPerRequestMs(noopAfter)) / 2 : NaN;
    const ratio = cpuPerRequestMs(polls) / noopMs;
    report.targets.push(
      { label: "p99 of polls of running books", target: "< 250 ms", measured: `${polls.p99} ms`, met: polls.p99 < 250 && polls.other + polls.errors === 0 },
      { label: "p50 of polls of running books", target: "< 50 ms", measured: `${polls.p50} ms`, met: polls.p50 < 50 },
      {
        label: "web CPU per poll of a running book vs the no-op route",
        target: "≤ 2×",
        measured: `${ratio.toFixed(2)}× (${cpuPerRequestMs(polls).toFixed(2)} ms vs ${noopMs.toFixed(2)} ms)`,
        met: ratio <= 2,
      },
    );
    report.notes.push(
      `${chunksDuringPolls} chunks finished while the books were polled (${(chunksDuringPolls / seconds).toFixed(1)} a second over ${books} books); ` +
        `${polls.ok} of the ${polls.total} polls were full answers (200), ${polls.notModified} were 304. ${stillRunning} of the ${books} books were still running at the end.`,
      `Postgres round trip of SELECT 1 from the benchmark process during the polls: p50 ${percentile(roundTrips, 0.5).toFixed(1)} ms, p99 ${percentile(roundTrips, 0.99).toFixed(1)} ms (${roundTrips.length} probes); ` +
        `the poll's own progress query for one book: p50 ${percentile(progressReads, 0.5).toFixed(1)} ms, p99 ${percentile(progressReads, 0.99).toFixed(1)} ms.`,
      ...(fullOnly
        ? [
            `Full answer vs 304: a full answer costs ${cpuPerRequestMs(fullOnly).toFixed(2)} ms of web CPU (the load without If-None-Match); ` +
              `so the 304s of the revalidating load cost about ${((polls.webCpuSeconds * 1000 - cpuPerRequestMs(fullOnly) * polls.ok) / Math.max(1, polls.notModified)).toFixed(2)} ms each.`,
          ]
        : []),
      "Database transactions a second during each load (every process; the no-op loads show the worker's, pg-boss's and this benchmark's own): " +
        rows.map(([label, figures]) => `${label}: ${Math.round(figures.transactions / seconds)} (${figures.sessions} connections opened)`).join("; ") +
        ". Postgres publishes its counters about once a second, so each figure is ±1 s of work.",
      "Requests over 250 ms by second of each load (second:count, 0 = the first) and p99 without the first second: " +
        rows.map(([label, figures]) => `${label}: ${figures.slowSeconds}, p99 ${figures.p99AfterFirstSecond} ms`).join("; ") +
        `. Before the loads, the first request to each route and book on the fresh server, one at a time: ${firstRequests.join(", ")}.`,
      ...rows.map(
        ([label, figures]) =>
          `Event loops over ${label}: ` +
          (webProbe.length > 0 ? stallSummary("the web server", webProbe, figures) : "the web server's probe wrote nothing") +
          "; " +
          stallSummary("the load generator (this process)", ownProbeEntries, figures) +
          ".",
      ),
      `The web server's RSS at the end: ${webMemory ? Math.round(webMemory.rssKb / 1024) : "?"} MiB (peak ${webMemory ? Math.round(webMemory.peakKb / 1024) : "?"} MiB).`,
      "Web CPU is the `next start` process's (found by its listening socket) user + system time from /proc over each load, divided by its requests; the no-op reference is the mean of its two runs.",
      "The load generator (Node's fetch, in the benchmark process), the worker and Postgres share the same 2 cores as the web server.",
    );
    return report;
  } finally {
    await bench.stop();
  }
}

async function chunksDone(db: () => import("@/lib/db/prisma").Db): Promise<number> {
  return db().chunk.count({ where: { status: { in: ["done", "failed"] } } });
}

if (import.meta.url === `file://${process.argv[1]}`) await runBenchmark(run);
