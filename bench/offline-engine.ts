// The offline engine in the real pipeline: a 700-page book (Bovary, Les
// Misérables and Swann) with engine "local", through pg-boss and one worker
// process started as `npm start` starts it (native packages, capped heap).
// Every long sentence is parsed and rewritten by the rules (lib/rewriting),
// so this is where the parser's and the rules' cost shows: wall time, the
// worker's CPU, its peak RSS, and the rows by how they were made.
//
//   npx tsx bench/offline-engine.ts
//   BENCH_BOOK_PAGES=700 BENCH_CONCURRENCY=4
import { benchBook } from "@/bench/support/book";
import { startBenchStack, waitForJobEnd } from "@/bench/support/bench-stack";
import { readCpuSeconds, readMemory, sampleMemory } from "@/bench/support/proc";
import { emptyReport, envInt, megabytes, runBenchmark, seconds, type BenchReport } from "@/bench/support/report";

async function run(): Promise<BenchReport> {
  const pages = envInt("BENCH_BOOK_PAGES", 700);
  const concurrency = envInt("BENCH_CONCURRENCY", 4);
  const report = emptyReport(
    "offline-engine",
    "10. Offline engine (parser and rules) in the pipeline",
    `A ${pages}-page book with the local engine through the real pipeline and one worker process (${concurrency} chunks at a time): ` +
      "every sentence over 8 words is parsed and rewritten by the rules, cut where they cannot bring it under the limit.",
  );
  const book = await benchBook(pages);
  const bench = await startBenchStack({ latencyMs: 0, answersFile: "answers-offline-unused.json", env: { CHUNK_PAGES: "20" } });
  try {
    const [worker] = await bench.startWorkers(1, { WORKER_CONCURRENCY: String(concurrency), CHUNK_WINDOW: String(concurrency) });
    const pid = worker!.pid;
    const idleKb = readMemory(pid)?.rssKb ?? 0;
    const cpuBefore = readCpuSeconds(pid) ?? 0;
    const memory = sampleMemory(() => [pid]);
    const user = await bench.createUser();
    const started = Date.now();
    const created = await bench.lib.createJob({ userId: user.id, fileName: "trois-romans.pdf", bytes: book, maxWords: 8, engine: "local" });
    const job = await waitForJobEnd(bench.lib, created.id);
    const wallMs = job.finishedAt!.getTime() - started;
    const cpu = (readCpuSeconds(pid) ?? 0) - cpuBefore;
    const peakKb = Math.max(memory.stop().get(pid) ?? 0, readMemory(pid)?.peakKb ?? 0);
    const methods = await bench.lib.db().originalSentence.groupBy({ by: ["method"], where: { jobId: job.id }, _count: { _all: true } });
    const rows = await bench.lib.db().sentence.count({ where: { jobId: job.id } });
    report.settings = { pages, concurrency, status: job.status };
    report.tables.push({
      title: "One book, one worker",
      columns: ["wall", "worker CPU", "idle RSS", "peak RSS", "rows", ...methods.map((row) => `originals ${row.method}`)],
      rows: [[seconds(wallMs), `${cpu.toFixed(1)} s`, megabytes(idleKb), megabytes(peakKb), rows, ...methods.map((row) => row._count._all)]],
    });
    report.targets.push({
      label: "worker peak RSS",
      target: "< 400 MB",
      measured: megabytes(peakKb),
      met: peakKb < 400 * 1024,
    });
    report.notes.push(
      "Reference, measured once with this benchmark on the code before the rules (the cut alone), same machine: 12.7 s of worker CPU, peak RSS 399 MB.",
    );
    return report;
  } finally {
    await bench.stop();
  }
}

await runBenchmark(run);
