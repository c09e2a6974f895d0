// Many users at once: 20 users each upload a book of 50 to 300 pages at the
// same moment. Each user's time to finish is measured, and the small books'
// times under load are compared with the same book processed alone on the
// same workers, in the same run.
//
//   npx tsx bench/many-users.ts
//   BENCH_USERS=20 BENCH_USER_MIN_PAGES=50 BENCH_USER_MAX_PAGES=300 BENCH_SMALL_PAGES=100
//   BENCH_LATENCY_MS=1500 BENCH_USERS_WORKERS=2 BENCH_CONCURRENCY=4 BENCH_USERS_WINDOWS=4
//   BENCH_REFUSAL_RATE=0.02 (share of sentences whose rewrite the fake spoils, so some are asked again)
import { benchBook, firstPages } from "@/bench/support/book";
import { startBenchStack, waitForJobEnd, type BenchStack } from "@/bench/support/bench-stack";
import { idealTime, primeAnswers } from "@/bench/support/prime";
import { env } from "@/lib/env";
import { emptyReport, envFloat, envInt, envList, ratio, runBenchmark, seconds, type BenchReport } from "@/bench/support/report";
import { planChunks } from "@/lib/pipeline/plan-chunks";

const model = "gemini-2.5-flash";

// A queue whose jobs are all scheduled for later (the stuck-job sweep) has no wait yet.
const wait = (value: number | null) => (value === null ? "—" : `${value.toFixed(1)} s`);

interface Book {
  pages: number;
  bytes: Uint8Array;
  chunks: number;
}

/** Submits a book for a fresh user and returns when it is done, with its timings. */
async function runBook(bench: BenchStack, book: Book, startedAt: number) {
  const user = await bench.createUser();
  const waitStart = Date.now();
  const created = await bench.lib.createJob({ userId: user.id, fileName: `livre-${book.pages}.pdf`, bytes: book.bytes, maxWords: 8, engine: "gemini", model });
  const acceptedMs = Date.now() - startedAt;
  const job = await waitForJobEnd(bench.lib, created.id);
  const chunks = await bench.lib.db().chunk.findMany({ where: { jobId: job.id }, select: { startedAt: true, finishedAt: true } });
  return {
    status: job.status,
    acceptedMs,
    plannedMs: job.startedAt!.getTime() - startedAt,
    firstChunkMs: Math.min(...chunks.map((chunk) => chunk.startedAt!.getTime())) - startedAt,
    chunksDoneMs: Math.max(...chunks.map((chunk) => chunk.finishedAt!.getTime())) - startedAt,
    totalMs: job.finishedAt!.getTime() - startedAt,
    ownMs: job.finishedAt!.getTime() - waitStart,
  };
}

export async function run(): Promise<BenchReport> {
  const users = envInt("BENCH_USERS", 20);
  const minPages = envInt("BENCH_USER_MIN_PAGES", 50);
  const maxPages = envInt("BENCH_USER_MAX_PAGES", 300);
  const smallPages = envInt("BENCH_SMALL_PAGES", 100);
  const latencyMs = envInt("BENCH_LATENCY_MS", 1500);
  const workerCount = envInt("BENCH_USERS_WORKERS", 2);
  const concurrency = envInt("BENCH_CONCURRENCY", 4);
  const windows = envList("BENCH_USERS_WINDOWS", [4]);
  const chunkPages = 20;
  const overlapPages = 1;
  const refusalRate = envFloat("BENCH_REFUSAL_RATE", 0.02);
  const slots = workerCount * concurrency;

  const report = emptyReport(
    "many-users",
    "2. Many users at once",
    `${users} users each upload a book of ${minPages}–${maxPages} pages at the same moment; ${workerCount} worker processes × ` +
      `WORKER_CONCURRENCY ${concurrency} = ${slots} chunks at a time, Gemini at a fixed ${latencyMs} ms. The books of at most ` +
      `${smallPages} pages were first run alone on the same workers, in the same run, as the reference.`,
  );

  const big = await benchBook(maxPages);
  const sizes = Array.from({ length: users }, (_, index) =>
    Math.round(minPages + ((maxPages - minPages) * index) / Math.max(1, users - 1)),
  );
  const books: Book[] = [];
  for (const pages of sizes) {
    books.push({
      pages,
      bytes: pages === maxPages ? big : await firstPages(big, pages),
      chunks: planChunks({ pageCount: pages, chunkPages, overlapPages }).length,
    });
  }
  const totalChunks = books.reduce((sum, book) => sum + book.chunks, 0);
  const totalPages = sizes.reduce((sum, pages) => sum + pages, 0);

  const bench = await startBenchStack({
    latencyMs,
    answersFile: `answers-users-text-${minPages}-${maxPages}-${users}-refuse${refusalRate}.json`,
    env: {
      CHUNK_PAGES: String(chunkPages),
      CHUNK_OVERLAP_PAGES: String(overlapPages),
      QUEUE_BACKPRESSURE_LIMIT: "100000",
    },
    gemini: { sabotage: { rate: refusalRate } },
  });
  try {
    const primed = await primeAnswers({ memo: bench.memo, books: books.map((book) => book.bytes), chunkPages, overlapPages, maxWords: 8, model });
    bench.memo.setLatency(latencyMs);
    const ideal = idealTime(primed.rounds.flat(), slots, latencyMs);
    const totalRequests = primed.requests.flat().reduce((sum, count) => sum + count, 0);
    const inFlight = env().GEMINI_BATCHES_IN_FLIGHT;

    for (const window of windows) {
      const workers = await bench.startWorkers(workerCount, { WORKER_CONCURRENCY: String(concurrency), CHUNK_WINDOW: String(window) });
      bench.memo.resetCounters();

      // One book first, untimed: starts the upload-inspection thread and warms the workers, which
      // would otherwise be charged to the first reference book alone.
      await runBook(bench, books[0]!, Date.now());
      const alone = new Map<number, { ownMs: number; fromAcceptanceMs: number }>();
      for (const book of books.filter((candidate) => candidate.pages <= smallPages)) {
        const result = await runBook(bench, book, Date.now());
        alone.set(book.pages, { ownMs: result.ownMs, fromAcceptanceMs: result.totalMs - result.acceptedMs });
      }

      const startedAt = Date.now();
      const results = await Promise.all(books.map((book) => runBook(bench, book, startedAt)));
      const wallMs = Math.max(...results.map((result) => result.totalMs));
      const queueRows = await bench.lib.db().$queryRaw<
        { name: string; jobs: number; notStarted: number; meanWait: number | null; maxWait: number | null; retries: number; failed: number }[]
      >`select name, count(*)::int as jobs,
          count(*) filter (where started_on is null)::int as "notStarted",
          avg(extract(epoch from started_on - created_on))::float as "meanWait",
          max(extract(epoch from started_on - created_on))::float as "maxWait",
          sum(retry_count)::int as retries,
          count(*) filter (where state = 'failed')::int as failed
        from pgboss.job where created_on >= ${new Date(startedAt)} group by name order by name`;
      await Promise.all(workers.map((worker) => worker.stop()));

      const rows = books.map((book, index) => {
        const result = results[index]!;
        const reference = alone.get(book.pages);
        return [
          index + 1,
          book.pages,
          book.chunks,
          result.status,
          seconds(result.acceptedMs),
          seconds(result.plannedMs),
          seconds(result.firstChunkMs),
          seconds(result.chunksDoneMs),
          seconds(result.totalMs),
          reference === undefined ? "" : seconds(reference.ownMs),
          reference === undefined ? "" : ratio(result.totalMs / reference.ownMs),
          seconds(result.totalMs - result.acceptedMs),
          reference === undefined ? "" : seconds(reference.fromAcceptanceMs),
          reference === undefined ? "" : ratio((result.totalMs - result.acceptedMs) / reference.fromAcceptanceMs),
        ];
      });
      report.tables.push({
        title: `CHUNK_WINDOW=${window}: each user's time to finish (all submitted at t=0)`,
        columns: ["user", "pages", "chunks", "status", "accepted at", "planned at", "first chunk started", "last chunk done", "closed (merged) at", "same book alone", "under load / alone", "accepted → closed", "same, alone", "from acceptance: under load / alone"],
        rows,
      });
      const slowest = (measure: (index: number, reference: { ownMs: number; fromAcceptanceMs: number }) => number) =>
        books
          .map((book, index) => {
            const reference = alone.get(book.pages);
            return { book, ratio: reference === undefined ? undefined : measure(index, reference) };
          })
          .filter((entry): entry is { book: Book; ratio: number } => entry.ratio !== undefined)
          .reduce((a, b) => (b.ratio > a.ratio ? b : a));
      const worst = slowest((index, reference) => results[index]!.totalMs / reference.ownMs);
      const worstFromAcceptance = slowest(
        (index, reference) => (results[index]!.totalMs - results[index]!.acceptedMs) / reference.fromAcceptanceMs,
      );
      report.tables.push({
        title: `CHUNK_WINDOW=${window}: the whole batch`,
        columns: ["books", "pages", "chunks", "Gemini requests", "all done after", "ideal (each chunk's rounds × L on the slots)", "no scheduler below", "ratio", "pages/min", "uncached Gemini calls"],
        rows: [[users, totalPages, totalChunks, totalRequests, seconds(wallMs), seconds(ideal.idealMs), seconds(ideal.boundMs), ratio(wallMs / ideal.idealMs), Math.round((totalPages / wallMs) * 60_000), bench.memo.misses]],
      });
      report.tables.push({
        title: `CHUNK_WINDOW=${window}: pg-boss queues during the batch (wait = created → started)`,
        columns: ["queue", "jobs", "not started (scheduled for later)", "mean wait", "max wait", "retries", "failed"],
        rows: queueRows.map((row) => [row.name, row.jobs, row.notStarted, wait(row.meanWait), wait(row.maxWait), row.retries, row.failed]),
      });
      report.targets.push({
        label: `CHUNK_WINDOW=${window}: slowest small book (≤ ${smallPages} pages) under load vs alone`,
        target: "≤ 2×",
        measured: `${ratio(worst.ratio)} (${worst.book.pages} pages)`,
        met: worst.ratio <= 2,
      });
      report.targets.push({
        label: `CHUNK_WINDOW=${window}: the same, with the clock started when the upload was accepted (202)`,
        target: "≤ 2×",
        measured: `${ratio(worstFromAcceptance.ratio)} (${worstFromAcceptance.book.pages} pages)`,
        met: worstFromAcceptance.ratio <= 2,
      });
    }

    report.settings = {
      users,
      "book sizes": `${minPages}–${maxPages} pages, evenly spread`,
      "latency L": `${latencyMs} ms`,
      workers: workerCount,
      WORKER_CONCURRENCY: concurrency,
      CHUNK_WINDOW: windows.join(", "),
      CHUNK_PAGES: chunkPages,
      "Gemini requests (re-asks)": `${totalRequests} (${primed.reasks})`,
      "requests per chunk": `${Math.min(...primed.requests.flat())}–${Math.max(...primed.requests.flat())}`,
      "rounds per chunk": `${Math.min(...primed.rounds.flat())}–${ideal.longest}`,
      GEMINI_BATCHES_IN_FLIGHT: inFlight,
      "refusal rate": refusalRate,
    };
    report.notes.push(
      `Gemini answers come from the fixed-latency front (bench/support/memo-gemini.ts), primed before timing by running the product's chunk step (lib/pipeline/rewrite-chunk.ts) on every planned chunk of every book (${primed.newAnswers} new answers this run), so the timed runs send only requests it holds.`,
      `Ideal: a chunk sends its batches of long sentences ${inFlight} at a time, then the re-asks of refused ones ${inFlight} at a time, so it lasts (its rounds) × L; the requests are counted per chunk and purpose from the chunk step's own records while priming (${totalRequests} for ${totalChunks} chunks, ${primed.reasks} re-asks). The ideal places all books' chunks longest first on the ${slots} slots, each on the slot that frees first; "no scheduler below" is max(longest chunk, ⌈total rounds / slots⌉) × L.`,
      `The fake spoils the rewrite of ${refusalRate * 100} % of the sentences it is sent (seeded), so the validation refuses them and the chunk asks again, as with a real model's mistakes (BENCH_REFUSAL_RATE=0 for the clean case).`,
      "Jobs are created in the benchmark process with lib's createJob (the same call POST /api/jobs makes), all 20 at once; 'accepted at' is when createJob returned. The first book is run once untimed before the references, so that starting the upload-inspection thread is not charged to one of them.",
    );
    return report;
  } finally {
    await bench.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runBenchmark(run);
