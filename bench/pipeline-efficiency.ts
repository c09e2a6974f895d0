// Pipeline efficiency: one long book through the whole product (pg-boss,
// worker processes, Postgres, merge) against a Gemini that always takes L ms,
// with 1, 2 and 4 worker processes. The reference is the ideal wall time with
// the same slots when only Gemini's latency costs anything: each chunk takes
// its own requests × L (counted while priming, bench/support/prime.ts),
// chunks placed longest first on the slot that frees first.
//
//   npx tsx bench/pipeline-efficiency.ts
//   BENCH_BOOK_PAGES=700 BENCH_LATENCY_MS=1500 BENCH_WORKERS=1,2,4 BENCH_CONCURRENCY=4
//   BENCH_REFUSAL_RATE=0.02 (share of sentences whose rewrite the fake spoils, so some are asked again)
//   BENCH_BUNDLED_WORKER=1 (workers from the Docker image's bundle, dist/worker/index.js: `npm run build:node` first)
import { benchBook } from "@/bench/support/book";
import { startBenchStack, waitForJobEnd } from "@/bench/support/bench-stack";
import { idealTime, primeAnswers } from "@/bench/support/prime";
import { readCpuSeconds, readMemory, sampleMemory } from "@/bench/support/proc";
import { emptyReport, envFloat, envInt, envList, megabytes, ratio, runBenchmark, seconds, type BenchReport } from "@/bench/support/report";
import { env } from "@/lib/env";
import { planChunks } from "@/lib/pipeline/plan-chunks";

const model = "gemini-2.5-flash";

export async function run(): Promise<BenchReport> {
  const pages = envInt("BENCH_BOOK_PAGES", 700);
  const latencyMs = envInt("BENCH_LATENCY_MS", 1500);
  const workerCounts = envList("BENCH_WORKERS", [1, 2, 4]);
  const concurrency = envInt("BENCH_CONCURRENCY", 4);
  const chunkPages = envInt("CHUNK_PAGES", 20);
  const overlapPages = 1;
  const refusalRate = envFloat("BENCH_REFUSAL_RATE", 0.02);
  const report = emptyReport(
    "pipeline-efficiency",
    "1. Pipeline efficiency",
    `A ${pages}-page book (Bovary, Les Misérables and Swann, an equal share of each) through the real pipeline ` +
      `against a Gemini answering every call after exactly ${latencyMs} ms, with 1, 2 and 4 worker processes. ` +
      "Wall time runs from the createJob call (upload checks included) to the job's finishedAt.",
  );

  const book = await benchBook(pages);
  const chunks = planChunks({ pageCount: pages, chunkPages, overlapPages }).length;
  const bench = await startBenchStack({
    latencyMs,
    answersFile: `answers-pipeline-text-${pages}p-${chunkPages}-refuse${refusalRate}.json`,
    env: { CHUNK_PAGES: String(chunkPages), CHUNK_OVERLAP_PAGES: String(overlapPages) },
    gemini: { sabotage: { rate: refusalRate } },
  });
  try {
    const primed = await primeAnswers({ memo: bench.memo, books: [book], chunkPages, overlapPages, maxWords: 8, model });
    const requestsPerChunk = primed.requests[0]!;
    const roundsPerChunk = primed.rounds[0]!;
    const totalRequests = requestsPerChunk.reduce((sum, count) => sum + count, 0);
    const inFlight = env().GEMINI_BATCHES_IN_FLIGHT;
    bench.memo.setLatency(latencyMs);
    const user = await bench.createUser();
    const rows: (string | number)[][] = [];
    const breakdown: (string | number)[][] = [];
    let baseline: number | undefined;
    let worstPeakKb = 0;

    for (const workerCount of workerCounts) {
      const slots = workerCount * concurrency;
      const workers = await bench.startWorkers(workerCount, {
        WORKER_CONCURRENCY: String(concurrency),
        CHUNK_WINDOW: String(slots),
      });
      const pids = workers.map((worker) => worker.pid);
      const idleKb = Math.max(...pids.map((pid) => readMemory(pid)?.rssKb ?? 0));
      const cpuBefore = pids.map((pid) => readCpuSeconds(pid) ?? 0);
      const memory = sampleMemory(() => pids);
      bench.memo.resetCounters();

      const started = Date.now();
      const created = await bench.lib.createJob({ userId: user.id, fileName: "trois-romans.pdf", bytes: book, maxWords: 8, engine: "gemini", model });
      const accepted = Date.now();
      const job = await waitForJobEnd(bench.lib, created.id);
      const wallMs = job.finishedAt!.getTime() - started;
      const cpu = pids.reduce((sum, pid, index) => sum + (readCpuSeconds(pid) ?? 0) - cpuBefore[index]!, 0);
      const peaks = memory.stop();
      const peakKb = Math.max(...pids.map((pid) => Math.max(peaks.get(pid) ?? 0, readMemory(pid)?.peakKb ?? 0)));
      worstPeakKb = Math.max(worstPeakKb, peakKb);
      const chunkRows = await bench.lib.db().chunk.findMany({ where: { jobId: job.id }, select: { startedAt: true, finishedAt: true } });
      const firstChunkStart = Math.min(...chunkRows.map((chunk) => chunk.startedAt!.getTime()));
      const lastChunkEnd = Math.max(...chunkRows.map((chunk) => chunk.finishedAt!.getTime()));
      await Promise.all(workers.map((worker) => worker.stop()));

      const { idealMs, boundMs } = idealTime(roundsPerChunk, slots, latencyMs);
      const limitMs = 1.1 * idealMs + 3000;
      baseline ??= wallMs;
      rows.push([
        workerCount,
        concurrency,
        slots,
        job.status,
        seconds(wallMs),
        seconds(idealMs),
        seconds(boundMs),
        ratio(wallMs / idealMs),
        seconds(limitMs),
        wallMs <= limitMs ? "yes" : "no",
        Math.round((pages / wallMs) * 60_000),
        ratio(baseline / wallMs),
        megabytes(idleKb),
        megabytes(peakKb),
        `${cpu.toFixed(1)} s`,
        `${bench.memo.peakInFlight}`,
        bench.memo.misses,
      ]);
      breakdown.push([
        workerCount,
        seconds(accepted - started, 2),
        seconds(firstChunkStart - started, 2),
        seconds(lastChunkEnd - firstChunkStart),
        ratio((lastChunkEnd - firstChunkStart) / idealMs),
        seconds(job.finishedAt!.getTime() - lastChunkEnd, 2),
        megabytes(memory.peakBetween(started, firstChunkStart)),
        megabytes(memory.peakBetween(firstChunkStart, lastChunkEnd)),
        megabytes(memory.peakBetween(lastChunkEnd, job.finishedAt!.getTime() + 500)),
      ]);
      report.targets.push({
        label: `${workerCount} worker(s): wall ≤ 1.10 × ideal + 3 s`,
        target: `≤ ${seconds(limitMs)}`,
        measured: `${seconds(wallMs)} (${ratio(wallMs / idealMs)} ideal)`,
        met: wallMs <= limitMs && job.status === "succeeded",
      });
    }

    const ideal = idealTime(roundsPerChunk, 1, latencyMs);

    // What the processed books occupy in Postgres: the Sentence table holds only this run's
    // books (one per worker count), so its sizes divided by the books are the per-book figures.
    const [storage] = await bench.lib.db().$queryRaw<
      { books: number; rows: number; heapBytes: bigint; toastBytes: bigint; indexBytes: bigint; chunkBytes: bigint; documentBytes: bigint }[]
    >`select (select count(distinct "jobId") from "Sentence")::int as books,
        (select count(*) from "Sentence")::int as rows,
        pg_relation_size('"Sentence"') as "heapBytes",
        pg_total_relation_size('"Sentence"') - pg_relation_size('"Sentence"') - pg_indexes_size('"Sentence"') as "toastBytes",
        pg_indexes_size('"Sentence"') as "indexBytes",
        pg_total_relation_size('"Chunk"') as "chunkBytes",
        pg_total_relation_size('"Document"') as "documentBytes"`;
    if (storage && storage.books > 0) {
      const perBook = (bytes: bigint) => `${(Number(bytes) / 1024 / 1024 / storage.books).toFixed(1)} MB`;
      report.tables.push({
        title: `Postgres per ${pages}-page book (the run's ${storage.books} books; pg_relation_size, pg_indexes_size, pg_total_relation_size)`,
        columns: ["Sentence rows", "Sentence heap", "Sentence TOAST", "Sentence indexes (primary key jobId, position)", "Chunk table total (results JSON)", "Document table total (the PDF, stored once per user)"],
        rows: [[Math.round(storage.rows / storage.books), perBook(storage.heapBytes), perBook(storage.toastBytes), perBook(storage.indexBytes), perBook(storage.chunkBytes), perBook(storage.documentBytes)]],
      });
    }

    report.settings = {
      pages,
      chunks,
      "Gemini requests (re-asks)": `${totalRequests} (${primed.reasks})`,
      "requests per chunk": `${Math.min(...requestsPerChunk)}–${Math.max(...requestsPerChunk)}`,
      "rounds per chunk": `${Math.min(...roundsPerChunk)}–${ideal.longest}`,
      GEMINI_BATCHES_IN_FLIGHT: inFlight,
      "refusal rate": refusalRate,
      CHUNK_PAGES: chunkPages,
      CHUNK_OVERLAP_PAGES: overlapPages,
      "latency L": `${latencyMs} ms`,
      WORKER_CONCURRENCY: concurrency,
      CHUNK_WINDOW: "workers × concurrency",
    };
    report.tables.push({
      title: "Wall time vs the ideal: each chunk's rounds × L, chunks on workers × C slots",
      columns: ["workers", "C", "slots", "status", "wall", "ideal", "no scheduler below", "wall/ideal", "limit 1.1×ideal+3s", "within", "pages/min", "speed-up vs 1", "idle RSS/worker", "peak RSS/worker", "worker CPU", "Gemini calls in flight (max)", "uncached calls"],
      rows,
    });
    report.tables.push({
      title: "Where the time goes",
      columns: ["workers", "createJob (upload checks + enqueue)", "to first chunk started", "first chunk start → last chunk end", "chunk phase / ideal", "last chunk → job closed (merge)", "sampled RSS peak: upload + plan", "while chunks run", "merge"],
      rows: breakdown,
    });
    report.targets.push({
      label: "peak RSS of a worker process",
      target: "< 400 MB",
      measured: megabytes(worstPeakKb),
      met: worstPeakKb < 400 * 1024,
    });
    report.notes.push(
      `Ideal: a chunk sends OCR of scanned pages one page at a time, then its batches of long sentences (at most GEMINI_BATCH_TOKENS each) ${inFlight} at a time, then the re-asks of refused sentences in smaller batches ${inFlight} at a time; with every request taking L it lasts (its rounds) × L. The requests of each chunk are counted by purpose from the chunk step's own request records while priming (${totalRequests} requests for ${chunks} chunks, ${Math.min(...requestsPerChunk)} to ${Math.max(...requestsPerChunk)} per chunk, ${primed.reasks} of them re-asks; ${Math.min(...roundsPerChunk)} to ${ideal.longest} rounds per chunk), checked against the requests the memo received. The ideal places the chunks longest first, each on the slot that frees first; "no scheduler below" is max(longest chunk, ⌈total rounds / slots⌉) × L. Reading the PDF, segmenting, validating, the database and the merge count as overhead.`,
      `The fake spoils the rewrite of ${refusalRate * 100} % of the sentences it is sent (seeded: a missing id, an invented sentence, a changed name or number, a dropped negation, an overlong piece…), so the validation refuses them and the chunk asks again, as it would for a real model's mistakes (BENCH_REFUSAL_RATE=0 for the clean case).`,
      `CHUNK_WINDOW is set to workers × WORKER_CONCURRENCY for this benchmark so that the per-book window (default 4) is not the bottleneck for a single book.`,
      `Gemini is the fake server behind a fixed-latency front (bench/support/memo-gemini.ts): the fake's own CPU work (rewriting every sentence sent) is done once while priming (${primed.newAnswers} new answers this run), so every timed call takes exactly L, as a remote API would. Priming runs the product's chunk step (lib/pipeline/rewrite-chunk.ts) on every planned chunk against the memo, so it holds exactly the requests the workers send; "uncached calls" counts timed requests it did not hold.`,
      "Peak RSS is the highest of VmHWM and sampled VmRSS (/proc/<pid>/status) over the worker processes of that run.",
    );
    return report;
  } finally {
    await bench.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runBenchmark(run);
