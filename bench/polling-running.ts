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
//   BENCH_WORKER_NICE=15   renice the worker process (as a lower-priority worker would run)
//   BENCH_POLL_ONLY=1      skip the no-op reference
//   BENCH_WEB_PROFILE=file.cpuprofile   CPU profile of the web server over the polls (its inspector, port 9229)
import os from "node:os";
import { benchBook, firstPages } from "@/bench/support/book";
import { startBenchStack } from "@/bench/support/bench-stack";
import { profileProcess, summariseProfile } from "@/bench/support/cpu-profile";
import { pidListeningOn, readCpuSeconds } from "@/bench/support/proc";
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
  workerCpuSeconds: number;
  ownCpuSeconds: number;
  load: number;
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
  measure: { webPid: number; workerPid: number; transactions: () => Promise<number> },
  /** False: no If-None-Match, so every answer is a full one (its cost alone). */
  revalidate = true,
): Promise<Figures> {
  const latencies: number[] = [];
  const afterFirstSecond: number[] = [];
  const slowBySecond = new Map<number, number>();
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
        if (latency > 250) slowBySecond.set(second, (slowBySecond.get(second) ?? 0) + 1);
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
    transactions: (await measure.transactions()) - transactionsBefore,
    workerCpuSeconds: (readCpuSeconds(measure.workerPid) ?? 0) - workerBefore,
    ownCpuSeconds: (own.user + own.system) / 1e6,
    load: os.loadavg()[0]!,
  };
}

function cpuPerRequestMs(figures: Figures): number {
  return (figures.webCpuSeconds * 1000) / Math.max(1, figures.total);
}

export async function run(): Promise<BenchReport> {
  const books = envInt("BENCH_POLL_BOOKS", 5);
  const pages = envInt("BENCH_POLL_PAGES", 150);
  const pollerCount = envInt("BENCH_POLLERS", 200);
  const seconds = envInt("BENCH_POLL_SECONDS", 15);
  const workerNice = envInt("BENCH_WORKER_NICE", 0);
  const report = emptyReport(
    "polling-running",
    "3b. Polling running books",
    `GET /api/jobs/:id on the production Next server (next start) while ${books} users' ${pages}-page books run on the local engine ` +
      `(CHUNK_PAGES=2, one worker at WORKER_CONCURRENCY=1), from ${pollerCount} pollers (${Math.round(pollerCount / books)} per book, the owners' ` +
      "session cookies) at one poll a second each, spread evenly over the second, each with the ETag of its last answer. " +
      "Reference: GET /api/noop (a route that does nothing) from the same pollers on the same server, just before and just after.",
  );
  const bench = await startBenchStack({
    web: true,
    latencyMs: 0,
    answersFile: "answers-polling-running.json",
    env: { CHUNK_PAGES: "2", WORKER_CONCURRENCY: "1", MAX_RUNNING_JOBS_PER_USER: "2", JOB_CREATE_PER_MINUTE: "10" },
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
    const [worker] = await bench.startWorkers(1);
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
    const transactions = async () => {
      const [row] = await bench.lib.db().$queryRaw<{ count: bigint }[]>`
        SELECT xact_commit AS count FROM pg_stat_database WHERE datname = current_database()`;
      return Number(row!.count);
    };
    const measure = { webPid, workerPid: worker!.pid, transactions };
    const chunksDoneBefore = await chunksDone(bench.lib.db);

    const pollOnly = process.env.BENCH_POLL_ONLY === "1";
    const noopBefore = pollOnly ? undefined : await pollSpread(bench.stack.baseUrl, noopPollers, seconds, measure);
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
        rows.map(([label, figures]) => `${label}: ${Math.round(figures.transactions / seconds)}`).join("; ") +
        ". Postgres publishes its counters about once a second, so each figure is ±1 s of work.",
      "Requests over 250 ms by second of each load (second:count, 0 = the first) and p99 without the first second: " +
        rows.map(([label, figures]) => `${label}: ${figures.slowSeconds}, p99 ${figures.p99AfterFirstSecond} ms`).join("; ") +
        ". The route's first requests on the fresh server (module loading, the first connections) fall in the first second of its first load.",
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
