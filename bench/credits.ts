// Credits under contention: 200 reservations at once on ONE account, through
// the full createJob path (limits, PDF checks, one transaction that locks the
// user, stores the job, reserves and queues) and through reserveCredits
// alone. The account holds enough for only part of them, so some must be
// refused. The reference is the same reservations one at a time, same run.
// Checked after each batch: the balance never went negative, every accepted
// reservation is in the ledger once, and the ledger sums to the balance.
//
//   npx tsx bench/credits.ts
//   BENCH_RESERVATIONS=200 BENCH_AFFORDABLE=150
import { benchBook, firstPages } from "@/bench/support/book";
import { startBenchStack, type BenchStack } from "@/bench/support/bench-stack";
import { emptyReport, envInt, runBenchmark, seconds, type BenchReport } from "@/bench/support/report";

interface Outcome {
  accepted: number;
  refused402: number;
  otherErrors: Map<string, number>;
  ms: number;
}

function errorKey(error: unknown): string {
  const code = (error as { code?: string }).code;
  return code ?? (error instanceof Error ? error.message.slice(0, 60) : String(error));
}

async function runAll(count: number, concurrent: boolean, attempt: (index: number) => Promise<void>): Promise<Outcome> {
  const outcome: Outcome = { accepted: 0, refused402: 0, otherErrors: new Map(), ms: 0 };
  const one = async (index: number) => {
    try {
      await attempt(index);
      outcome.accepted++;
    } catch (error) {
      const key = errorKey(error);
      if (key === "insufficient_credits") outcome.refused402++;
      else outcome.otherErrors.set(key, (outcome.otherErrors.get(key) ?? 0) + 1);
    }
  };
  const started = performance.now();
  if (concurrent) await Promise.all(Array.from({ length: count }, (_, index) => one(index)));
  else for (let index = 0; index < count; index++) await one(index);
  outcome.ms = performance.now() - started;
  return outcome;
}

/** A user whose balance is exactly `credits`, this month's grant already taken. */
async function fundedUser(bench: BenchStack, credits: number) {
  const { ensureMonthlyGrant } = await import("@/lib/credits/ensure-monthly-grant");
  const user = await bench.createUser(credits);
  const granted = await bench.lib.db().$transaction((tx) => ensureMonthlyGrant(tx, user.id));
  if (granted > 0) {
    await bench.lib.db().$transaction((tx) => bench.lib.adjustCredits(tx, { userId: user.id, amount: -granted, reason: "benchmark: exact balance" }));
  }
  return user;
}

async function checkInvariants(bench: BenchStack, userId: string, price: number, outcome: Outcome, startBalance: number) {
  const db = bench.lib.db();
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const ledger = await db.creditLedger.findMany({ where: { userId } });
  const sum = ledger.reduce((total, row) => total + row.amount, 0);
  const reserves = ledger.filter((row) => row.kind === "reserve");
  const reservedJobs = new Set(reserves.map((row) => row.jobId));
  return {
    balance: user.creditBalance,
    ledgerSum: sum,
    reserveRows: reserves.length,
    ok:
      user.creditBalance >= 0 &&
      sum === user.creditBalance &&
      reserves.length === outcome.accepted &&
      reservedJobs.size === reserves.length &&
      user.creditBalance === startBalance - outcome.accepted * price,
  };
}

export async function run(): Promise<BenchReport> {
  const count = envInt("BENCH_RESERVATIONS", 200);
  const affordable = envInt("BENCH_AFFORDABLE", Math.round(count * 0.75));
  const report = emptyReport(
    "credits",
    "4. Credit reservations under contention",
    `${count} reservations on one account at once, which can pay for ${affordable} of them, against Postgres; ` +
      "once through lib's createJob (the whole upload transaction) and once through reserveCredits alone, each also run one at a time as the reference.",
  );
  const bench = await startBenchStack({
    latencyMs: 0,
    answersFile: "answers-credits.json",
    env: {
      MAX_RUNNING_JOBS_PER_USER: String(count * 4),
      JOB_CREATE_PER_MINUTE: String(count * 4),
      QUEUE_BACKPRESSURE_LIMIT: "1000000",
    },
  });
  try {
    const { reserveCredits } = await import("@/lib/credits/reserve-credits");
    const { priceJob } = await import("@/lib/credits/price-job");
    const db = bench.lib.db();
    const book = await firstPages(await benchBook(700), 5);
    const price = priceJob({ pageCount: 5, engine: "local" });
    const rows: (string | number)[][] = [];
    let allHeld = true;

    const paths: { name: string; prepare(userId: string): Promise<(index: number) => Promise<void>> }[] = [
      {
        name: "createJob (full upload transaction)",
        async prepare(userId) {
          return async () => {
            await bench.lib.createJob({ userId, fileName: "livre.pdf", bytes: book, maxWords: 8, engine: "local" });
          };
        },
      },
      {
        name: "reserveCredits alone (one transaction each)",
        async prepare(userId) {
          const document = await db.document.create({
            data: { userId, fileName: "livre.pdf", sha256: `bench-${userId}`, byteSize: book.byteLength, pageCount: 5, hasText: true, bytes: book as Uint8Array<ArrayBuffer> },
          });
          const jobs = await db.job.createManyAndReturn({
            data: Array.from({ length: count }, () => ({
              userId,
              documentId: document.id,
              fileName: "livre.pdf",
              pageCount: 5,
              maxWords: 8,
              engine: "local" as const,
            })),
            select: { id: true },
          });
          return async (index) => {
            await db.$transaction(
              (tx) => reserveCredits(tx, { userId, jobId: jobs[index]!.id, amount: price, reason: "benchmark" }),
              { maxWait: 60_000, timeout: 60_000 },
            );
          };
        },
      },
    ];

    for (const path of paths) {
      for (const concurrent of [false, true]) {
        const startBalance = affordable * price;
        const user = await fundedUser(bench, startBalance);
        const attempt = await path.prepare(user.id);
        const outcome = await runAll(count, concurrent, attempt);
        const check = await checkInvariants(bench, user.id, price, outcome, startBalance);
        allHeld &&= check.ok && outcome.accepted === affordable;
        const others = [...outcome.otherErrors].map(([key, value]) => `${key}: ${value}`).join("; ");
        rows.push([
          path.name,
          concurrent ? `${count} at once` : "one at a time (reference)",
          seconds(outcome.ms, 2),
          Math.round((count / outcome.ms) * 1000),
          outcome.accepted,
          outcome.refused402,
          others || "0",
          check.balance,
          check.ledgerSum,
          check.ok && outcome.accepted === affordable ? "holds" : "BROKEN",
        ]);
      }
    }

    report.settings = { reservations: count, affordable, "price each": `${price} credits (5 pages, local engine)`, "Prisma pool": "10 connections (lib/db/prisma.ts)" };
    report.tables.push({
      title: "Reservations on one account",
      columns: ["path", "mode", "wall", "attempts/s", "accepted", "refused 402", "other errors", "final balance", "ledger sum", "invariant"],
      rows,
    });
    report.targets.push({
      label: "no overdraft, accepted = affordable, each reservation in the ledger once, ledger sum = balance",
      target: "holds in every batch",
      measured: allHeld ? "holds" : "broken (see table)",
      met: allHeld,
    });
    report.notes.push(
      "The user's row is locked (select … for update) in createJob and the guarded UPDATE in reserveCredits takes the row lock, so reservations on one account are serialised by Postgres: concurrency cannot raise their rate, only keep it from falling.",
    );
    return report;
  } finally {
    await bench.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runBenchmark(run);
