// The Prometheus scrape: figures read from Postgres at scrape time (jobs by
// status, pg-boss queue counts, the credit ledger, the counters workers add
// to in `MetricCounter`) plus this web process's own memory and CPU.
import { collectDefaultMetrics, Counter, Gauge, Registry, type Metric } from "prom-client";
import { db } from "@/lib/db/prisma";
import { jobStatuses } from "@/lib/jobs/job-states";
import { queues } from "@/lib/queue/queues";
import { boss } from "@/lib/queue/boss";

const prefix = "phrases_";

const processMetrics = new Registry();
collectDefaultMetrics({ register: processMetrics });

const counterHelp: Record<string, string> = {
  gemini_requests_total: "Gemini generateContent requests by model and outcome code (200, HTTP status, timeout, network, unusable, truncated, blocked).",
  gemini_errors_total: "Gemini requests that did not give a usable answer, by model and code.",
  gemini_tokens_total: "Gemini tokens billed, by model and kind (prompt, output).",
  rewrite_fallbacks_total: "Sentences whose model rewrite was refused twice and that were split locally instead, by reason.",
};

interface CounterRow {
  name: string;
  labels: string;
  value: number;
}

/** The chunk histogram as the registry formats it: prom-client cannot load pre-aggregated buckets into a Histogram. */
function chunkDurationHistogram(rows: CounterRow[]): Metric {
  const name = `${prefix}chunk_duration_seconds`;
  const values = rows
    .filter((row) => row.name.startsWith("chunk_duration_seconds_"))
    .map((row) => ({
      metricName: `${prefix}${row.name}`,
      labels: JSON.parse(row.labels) as Record<string, string>,
      value: row.value,
    }))
    // Buckets in ascending order within each engine, as Prometheus expects.
    .sort((a, b) => bucketOrder(a) - bucketOrder(b));
  const help = "Time a worker spent on a chunk that finished (split, engine, store), by engine.";
  const collector = {
    name,
    help,
    type: "histogram",
    aggregator: "sum",
    get: async () => ({ name, help, type: "histogram", aggregator: "sum", values }),
    reset: () => undefined,
  };
  return collector as unknown as Metric;
}

function bucketOrder(value: { metricName: string; labels: Record<string, string> }): number {
  const le = value.labels.le;
  if (le === undefined) return Number.MAX_VALUE;
  return le === "+Inf" ? Number.MAX_SAFE_INTEGER : Number(le);
}

export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  const names = Object.values(queues).map((queue) => queue.name);
  const queueBoss = await boss();
  const [statusRows, queueRows, ledgerRows, chargedRows, counterRows] = await Promise.all([
    db().job.groupBy({ by: ["status"], _count: { _all: true } }),
    queueBoss.getQueues(names),
    db().$queryRaw<{ kind: string; total: number }[]>`
      select kind::text, coalesce(sum(abs(amount)), 0)::float8 as total
      from "CreditLedger" where kind in ('reserve', 'refund', 'grant', 'adjust') group by kind`,
    db().$queryRaw<{ total: number }[]>`select coalesce(sum("creditsCharged"), 0)::float8 as total from "Job"`,
    db().$queryRaw<CounterRow[]>`select name, labels, value from "MetricCounter" order by name, labels`,
  ]);

  const registry = new Registry();
  const jobs = new Gauge({
    name: `${prefix}jobs`,
    help: "Books by status.",
    labelNames: ["status"],
    registers: [registry],
  });
  for (const status of jobStatuses) {
    jobs.set({ status }, 0);
  }
  for (const row of statusRows) jobs.set({ status: row.status }, row._count._all);

  const queueJobs = new Gauge({
    name: `${prefix}queue_jobs`,
    help: "pg-boss jobs per queue and state (waiting = queued, ready to run or deferred for a retry).",
    labelNames: ["queue", "state"],
    registers: [registry],
  });
  for (const queue of queueRows) {
    queueJobs.set({ queue: queue.name, state: "waiting" }, queue.queuedCount);
    queueJobs.set({ queue: queue.name, state: "active" }, queue.activeCount);
    queueJobs.set({ queue: queue.name, state: "failed" }, queue.failedCount);
  }

  const credits = new Counter({
    name: `${prefix}credits_total`,
    help: "Credits moved, from the ledger: reserved at upload or retry, charged at settlement, refunded, granted, adjusted (absolute).",
    labelNames: ["kind"],
    registers: [registry],
  });
  const byKind = new Map(ledgerRows.map((row) => [row.kind, row.total]));
  for (const kind of ["reserve", "refund", "grant", "adjust"]) {
    credits.inc({ kind: kind === "reserve" ? "reserved" : kind === "refund" ? "refunded" : kind }, byKind.get(kind) ?? 0);
  }
  credits.inc({ kind: "charged" }, chargedRows[0]?.total ?? 0);

  const counters = new Map<string, Counter>();
  for (const row of counterRows) {
    const help = counterHelp[row.name];
    if (!help) continue;
    const labels = JSON.parse(row.labels) as Record<string, string>;
    let counter = counters.get(row.name);
    if (!counter) {
      counter = new Counter({
        name: `${prefix}${row.name}`,
        help,
        labelNames: Object.keys(labels),
        registers: [registry],
      });
      counters.set(row.name, counter);
    }
    counter.inc(labels, row.value);
  }
  registry.registerMetric(chunkDurationHistogram(counterRows));

  const merged = Registry.merge([registry, processMetrics]);
  return { contentType: merged.contentType, body: await merged.metrics() };
}
