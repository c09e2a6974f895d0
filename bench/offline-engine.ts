// The offline engine in the real pipeline: a 700-page book (Bovary, Les
// Misérables and Swann) with engine "local", through pg-boss and one worker
// process started as `npm start` starts it (native packages, capped heap).
// Every long sentence is parsed and rewritten by the rules (lib/rewriting),
// so this is where the parser's and the rules' cost shows: wall time, the
// worker's CPU, its peak RSS, and the rows by how they were made. The
// reference is the same book through a worker with OFFLINE_RULES=false (the
// cut alone, as before the rules), in the same run: this machine's CPU speed
// drifts by half from one minute to the next, so only ratios within a run
// compare.
//
//   npx tsx bench/offline-engine.ts
//   BENCH_BOOK_PAGES=700 BENCH_CONCURRENCY=4
import { benchBook } from "@/bench/support/book";
import { startBenchStack, waitForJobEnd, type BenchStack } from "@/bench/support/bench-stack";
import { readCpuSeconds, readMemory, sampleMemory } from "@/bench/support/proc";
import { emptyReport, envInt, megabytes, runBenchmark, seconds, type BenchReport } from "@/bench/support/report";

interface BookRun {
  wallMs: number;
  cpu: number;
  idleKb: number;
  peakKb: number;
  rows: number;
  methods: Map<string, number>;
}

/** The book through a fresh worker with `extra` in its environment, measured, then the worker stopped. */
async function runBook(bench: BenchStack, book: Uint8Array, concurrency: number, extra: Record<string, string>): Promise<BookRun> {
  const [worker] = await bench.startWorkers(1, { WORKER_CONCURRENCY: String(concurrency), CHUNK_WINDOW: String(concurrency), ...extra });
  try {
    const pid = worker!.pid;
    const idleKb = readMemory(pid)?.rssKb ?? 0;
    const cpuBefore = readCpuSeconds(pid) ?? 0;
    const memory = sampleMemory(() => [pid]);
    const user = await bench.createUser();
    const started = Date.now();
    const created = await bench.lib.createJob({ userId: user.id, fileName: "trois-romans.pdf", bytes: book, maxWords: 8, engine: "local" });
    const job = await waitForJobEnd(bench.lib, created.id);
    const cpu = (readCpuSeconds(pid) ?? 0) - cpuBefore;
    const peakKb = Math.max(memory.stop().get(pid) ?? 0, readMemory(pid)?.peakKb ?? 0);
    if (job.status !== "succeeded") throw new Error(`the book ended ${job.status}`);
    const methods = await bench.lib.db().originalSentence.groupBy({ by: ["method"], where: { jobId: job.id }, _count: { _all: true } });
    const rows = await bench.lib.db().sentence.count({ where: { jobId: job.id } });
    return {
      wallMs: job.finishedAt!.getTime() - started,
      cpu,
      idleKb,
      peakKb,
      rows,
      methods: new Map(methods.map((row) => [row.method, row._count._all])),
    };
  } finally {
    await worker!.stop();
  }
}

async function run(): Promise<BenchReport> {
  const pages = envInt("BENCH_BOOK_PAGES", 700);
  const concurrency = envInt("BENCH_CONCURRENCY", 4);
  const report = emptyReport(
    "offline-engine",
    "10. Offline engine (parser and rules) in the pipeline",
    `A ${pages}-page book with the local engine through the real pipeline and one worker process (${concurrency} chunks at a time): ` +
      "every sentence over 8 words is parsed and rewritten by the rules, cut where they cannot bring it under the limit; " +
      "the reference is the same book cut alone (OFFLINE_RULES=false), in the same run.",
  );
  const book = await benchBook(pages);
  const bench = await startBenchStack({ latencyMs: 0, answersFile: "answers-offline-unused.json", env: { CHUNK_PAGES: "20" } });
  try {
    const cut = await runBook(bench, book, concurrency, { OFFLINE_RULES: "false" });
    const rules = await runBook(bench, book, concurrency, {});
    const methods = ["kept", "split", "rewritten"];
    report.settings = { pages, concurrency };
    report.tables.push({
      title: "One book, one worker",
      columns: ["engine", "wall", "worker CPU", "idle RSS", "peak RSS", "rows", ...methods.map((method) => `originals ${method}`)],
      rows: [
        ["cut alone (reference)", cut],
        ["parser and rules", rules],
      ].map(([label, measured]) => {
        const { wallMs, cpu, idleKb, peakKb, rows, methods: counts } = measured as BookRun;
        return [label as string, seconds(wallMs), `${cpu.toFixed(1)} s`, megabytes(idleKb), megabytes(peakKb), rows, ...methods.map((method) => counts.get(method) ?? 0)];
      }),
    });
    const ratio = rules.cpu / cut.cpu;
    report.targets.push(
      { label: "worker CPU, rules vs the cut alone", target: "≤ 3×", measured: `${ratio.toFixed(2)}×`, met: ratio <= 3 },
      { label: "worker peak RSS with the rules", target: "< 400 MB", measured: megabytes(rules.peakKb), met: rules.peakKb < 400 * 1024 },
    );
    return report;
  } finally {
    await bench.stop();
  }
}

await runBenchmark(run);
