// How many trivial pg-boss jobs per second one Postgres hands out, with 1, 4
// and 16 worker instances fetching the way the product's chunk workers do
// (the same fetch pacing and maintenance settings, batchSize 1,
// LISTEN/NOTIFY, localConcurrency = WORKER_CONCURRENCY). The
// handler does nothing, so the figure is the queue's own ceiling: fetch,
// complete and their round trips. Each worker instance has its own pg-boss and
// connection pool, as a worker process does; they share this one Node
// process, so at 16 the client side's CPU counts too (see the notes).
//
//   QUEUE_BENCH_JOBS=2000 QUEUE_BENCH_WORKERS=1,4,16 npx tsx bench/queue-throughput.ts
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PgBoss } from "pg-boss";
import { maintenancePacing } from "@/lib/queue/boss";
import { fetchPacing } from "@/lib/queue/work";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { freePort } from "@/tests/support/stack";
import { emptyReport, envInt, envList, runBenchmark, type BenchReport } from "@/bench/support/report";

const jobs = envInt("QUEUE_BENCH_JOBS", 2000);
const workerCounts = envList("QUEUE_BENCH_WORKERS", [1, 4, 16]);
const localConcurrency = envInt("WORKER_CONCURRENCY", 4);

async function newBoss(url: string): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: url, max: 5, useListenNotify: true, ...maintenancePacing, schedule: false });
  boss.on("error", (error: unknown) => console.error(error));
  await boss.start();
  return boss;
}

async function measure(url: string, workers: number): Promise<{ seconds: number; cpuSeconds: number }> {
  const queue = `bench-${workers}`;
  const producer = await newBoss(url);
  await producer.createQueue(queue, { policy: "standard", retryLimit: 0, notify: true });
  const bosses = await Promise.all(Array.from({ length: workers }, () => newBoss(url)));
  let done = 0;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  for (const boss of bosses) {
    await boss.work(queue, { ...fetchPacing, batchSize: 1, localConcurrency }, async () => {
      done++;
      if (done === jobs) finish();
    });
  }
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (let offset = 0; offset < jobs; offset += 500) {
    const count = Math.min(500, jobs - offset);
    await producer.insert(queue, Array.from({ length: count }, (_, index) => ({ data: { n: offset + index } })));
  }
  await finished;
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  await Promise.all([...bosses, producer].map((boss) => boss.stop({ graceful: false, close: true, timeout: 2000 })));
  return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

async function run(): Promise<BenchReport> {
  const report = emptyReport(
    "queue-throughput",
    "8. Queue throughput: trivial pg-boss jobs per second",
    `${jobs} no-op jobs inserted in batches of 500, worked by 1, 4 and 16 pg-boss instances (each with its own pool of 5 connections, batchSize 1, localConcurrency ${localConcurrency}) on the embedded Postgres.`,
  );
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "novels-queue-bench-"));
  const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: "novels" });
  try {
    const rows: (string | number)[][] = [];
    for (const workers of workerCounts) {
      const result = await measure(postgres.url, workers);
      rows.push([
        workers,
        workers * localConcurrency,
        result.seconds.toFixed(1),
        Math.round(jobs / result.seconds),
        (result.cpuSeconds / jobs * 1000).toFixed(2),
      ]);
      console.log(`${workers} workers: ${Math.round(jobs / result.seconds)} jobs/s`);
    }
    report.settings = { jobs, "local concurrency": localConcurrency, "pool per worker": 5, Postgres: "embedded, default settings" };
    report.tables.push({
      title: "Trivial jobs, fetch and complete",
      columns: ["worker instances", "jobs in flight at most", "wall s", "jobs/s", "client CPU ms per job (all instances)"],
      rows,
    });
    report.notes.push(
      "A chunk is one such job plus a few transactions of its own (chunk row, counters, window refill), so the product's chunk rate ceiling is below these figures; a chunk takes seconds of engine time, so the queue is far from the limit at the worker counts one machine can run.",
      "The worker instances share this process and both share the machine's 2 cores with Postgres: at 16 instances the figure is a lower bound for separate machines.",
    );
    return report;
  } finally {
    await postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runBenchmark(run);
