// Credits against a real Postgres: the arithmetic, and the invariants that
// must hold under concurrency (balance never negative, ledger sum equals the
// cached balance, one grant per month, one refund per settlement).
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { ensureMonthlyGrant } from "@/lib/credits/ensure-monthly-grant";
import { getCredits } from "@/lib/credits/get-credits";
import { priceJob } from "@/lib/credits/price-job";
import { reserveCredits } from "@/lib/credits/reserve-credits";
import { settleJobCredits } from "@/lib/credits/settle-job-credits";
import {
  ledgerAndBalance,
  makeChunks,
  makeJob,
  makeUser,
  setChunkStatus,
  retireMadeJobs,
} from "./api-factories";

const slowTx = { maxWait: 60_000, timeout: 60_000 };

afterAll(async () => {
  await retireMadeJobs();
  await disconnectDb();
});

async function reserve(userId: string, jobId: string, amount: number) {
  return db().$transaction((tx) => reserveCredits(tx, { userId, jobId, amount, reason: "test" }), slowTx);
}

async function settle(jobId: string) {
  return db().$transaction((tx) => settleJobCredits(tx, jobId), slowTx);
}

describe("ensureMonthlyGrant", () => {
  it("grants once per month however many requests race", async () => {
    const user = await makeUser();
    const now = new Date("2026-11-15T12:00:00Z");
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        db().$transaction((tx) => ensureMonthlyGrant(tx, user.id, now), slowTx),
      ),
    );
    expect(results.filter((granted) => granted > 0)).toHaveLength(1);
    const grants = await db().creditLedger.findMany({ where: { userId: user.id, kind: "grant" } });
    expect(grants).toHaveLength(1);
    expect(grants[0]!.dedupeKey).toBe(`grant:${user.id}:2026-11`);
    expect(await ledgerAndBalance(user.id)).toEqual({
      ledger: env().MONTHLY_CREDITS,
      balance: env().MONTHLY_CREDITS,
    });

    // The last second of the month is still November; the next month grants again.
    await db().$transaction((tx) => ensureMonthlyGrant(tx, user.id, new Date("2026-11-30T23:59:59Z")));
    await db().$transaction((tx) => ensureMonthlyGrant(tx, user.id, new Date("2026-12-01T00:00:00Z")));
    const balance = await ledgerAndBalance(user.id);
    expect(balance.balance).toBe(2 * env().MONTHLY_CREDITS);
    expect(balance.ledger).toBe(balance.balance);
  });
});

describe("reserveCredits", () => {
  it("accepts exactly floor(balance / price) of 100 concurrent reservations", async () => {
    const balance = 1000;
    const price = 30;
    const user = await makeUser({ balance });
    const jobs = await Promise.all(
      Array.from({ length: 100 }, () => makeJob({ userId: user.id, pageCount: price })),
    );

    const outcomes = await Promise.allSettled(jobs.map((job) => reserve(user.id, job.id, price)));
    const accepted = outcomes.filter((outcome) => outcome.status === "fulfilled");
    const rejected = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(accepted).toHaveLength(Math.floor(balance / price));
    for (const outcome of rejected) {
      const reason = (outcome as PromiseRejectedResult).reason;
      expect(reason).toBeInstanceOf(AppError);
      expect(reason.code).toBe("insufficient_credits");
      expect(reason.status).toBe(402);
    }

    const after = await ledgerAndBalance(user.id);
    expect(after.balance).toBe(balance % price);
    expect(after.balance).toBeGreaterThanOrEqual(0);
    expect(after.ledger).toBe(after.balance);
    const reserved = await db().job.aggregate({
      where: { userId: user.id },
      _sum: { creditsReserved: true },
    });
    expect(reserved._sum.creditsReserved).toBe(Math.floor(balance / price) * price);
  });

  it("explains a shortfall with the price, the balance and what is missing", async () => {
    const user = await makeUser({ balance: 200 });
    const job = await makeJob({ userId: user.id, pageCount: 320 });
    const error = await reserve(user.id, job.id, 320).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe("This book costs 320 credits; you have 200.");
    expect((error as AppError).details).toEqual({ price: 320, balance: 200, shortfall: 120 });
    // The failed reservation left nothing behind.
    expect(await ledgerAndBalance(user.id)).toEqual({ ledger: 200, balance: 200 });
    const unchanged = await db().job.findUniqueOrThrow({ where: { id: job.id } });
    expect(unchanged.creditsReserved).toBe(0);
  });
});

describe("settleJobCredits", () => {
  it("charges finished pages, refunds the rest once, even when called many times at once", async () => {
    const user = await makeUser({ balance: 500 });
    const job = await makeJob({ userId: user.id, pageCount: 100, engine: "local" });
    const price = priceJob({ pageCount: 100, engine: "local" });
    await reserve(user.id, job.id, price);
    await makeChunks({ jobId: job.id, size: 20, statuses: ["done", "done", "failed", "done", "done"] });

    const results = await Promise.all(Array.from({ length: 10 }, () => settle(job.id)));
    const charged = priceJob({ pageCount: 80, engine: "local" });
    expect(results.every((result) => result.charged === charged)).toBe(true);
    expect(results.reduce((sum, result) => sum + result.refunded, 0)).toBe(price - charged);

    const settled = await db().job.findUniqueOrThrow({ where: { id: job.id } });
    expect(settled.creditsCharged).toBe(charged);
    expect(settled.creditsRefunded).toBe(price - charged);
    expect(settled.settledAt).not.toBeNull();
    const refunds = await db().creditLedger.findMany({ where: { jobId: job.id, kind: "refund" } });
    expect(refunds).toHaveLength(price - charged > 0 ? 1 : 0);
    const after = await ledgerAndBalance(user.id);
    expect(after.balance).toBe(500 - charged);
    expect(after.ledger).toBe(after.balance);
  });

  it("keeps the arithmetic right across a retry that fails again and one that succeeds", async () => {
    const user = await makeUser({ balance: 1000 });
    const job = await makeJob({ userId: user.id, pageCount: 60, engine: "gemini" });
    const rate = priceJob({ pageCount: 1, engine: "gemini" });
    await reserve(user.id, job.id, 60 * rate);
    await makeChunks({ jobId: job.id, size: 20, statuses: ["done", "failed", "done"] });
    expect(await settle(job.id)).toEqual({ charged: 40 * rate, refunded: 20 * rate });

    // Retry of the failed chunk: it fails again, so the new reservation comes back.
    await reserve(user.id, job.id, 20 * rate);
    expect(await settle(job.id)).toEqual({ charged: 40 * rate, refunded: 20 * rate });

    // Retry again: this time the chunk finishes, and nothing is refunded.
    await reserve(user.id, job.id, 20 * rate);
    await setChunkStatus(job.id, 1, "done");
    expect(await settle(job.id)).toEqual({ charged: 60 * rate, refunded: 0 });
    expect(await settle(job.id)).toEqual({ charged: 60 * rate, refunded: 0 });

    const final = await db().job.findUniqueOrThrow({ where: { id: job.id } });
    expect(final.creditsReserved).toBe(100 * rate);
    expect(final.creditsCharged).toBe(60 * rate);
    expect(final.creditsRefunded).toBe(40 * rate);
    expect(final.creditsReserved - final.creditsRefunded).toBe(final.creditsCharged);
    const after = await ledgerAndBalance(user.id);
    expect(after.balance).toBe(1000 - 60 * rate);
    expect(after.ledger).toBe(after.balance);
  });

  it("refunds everything for a job cancelled before any chunk existed", async () => {
    const user = await makeUser({ balance: 300 });
    const job = await makeJob({ userId: user.id, pageCount: 120 });
    const price = priceJob({ pageCount: 120, engine: "local" });
    await reserve(user.id, job.id, price);
    expect(await settle(job.id)).toEqual({ charged: 0, refunded: price });
    expect(await ledgerAndBalance(user.id)).toEqual({ ledger: 300, balance: 300 });
  });
});

describe("ledger invariant", () => {
  it("keeps the ledger sum equal to the cached balance after random operations", async () => {
    // A small deterministic generator, so a failure can be replayed.
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const user = await makeUser({ balance: 50 });
    const jobs: { id: string; chunks: number }[] = [];
    let month = 0;

    for (let step = 0; step < 120; step++) {
      const choice = random();
      if (choice < 0.15) {
        month += 1;
        const at = new Date(Date.UTC(2027, month % 12, 10));
        at.setUTCFullYear(2027 + Math.floor(month / 12));
        await db().$transaction((tx) => ensureMonthlyGrant(tx, user.id, at));
      } else if (choice < 0.55 || jobs.length === 0) {
        const chunks = 1 + Math.floor(random() * 5);
        const engine = random() < 0.5 ? "local" : "gemini";
        const job = await makeJob({ userId: user.id, pageCount: chunks * 10, engine });
        await reserve(user.id, job.id, priceJob({ pageCount: chunks * 10, engine })).catch((error) => {
          if (!(error instanceof AppError) || error.code !== "insufficient_credits") throw error;
        });
        await makeChunks({
          jobId: job.id,
          size: 10,
          statuses: Array.from({ length: chunks }, () => "running"),
        });
        jobs.push({ id: job.id, chunks });
      } else {
        const job = jobs[Math.floor(random() * jobs.length)]!;
        const index = Math.floor(random() * job.chunks);
        await setChunkStatus(job.id, index, random() < 0.7 ? "done" : "failed");
        await Promise.all([settle(job.id), settle(job.id)]);
      }
      const state = await ledgerAndBalance(user.id);
      expect(state.balance).toBeGreaterThanOrEqual(0);
      expect(state.ledger).toBe(state.balance);
    }
  });
});

describe("getCredits", () => {
  it("shows a new user their monthly credits and pages the ledger newest first", async () => {
    const user = await makeUser();
    const first = await getCredits({ userId: user.id });
    expect(first.balance).toBe(env().MONTHLY_CREDITS);
    expect(first.grantedThisMonth).toBe(env().MONTHLY_CREDITS);
    expect(first.monthlyGrant).toBe(env().MONTHLY_CREDITS);
    expect(first.ledger).toHaveLength(1);
    expect(first.nextCursor).toBeNull();

    for (let index = 0; index < 5; index++) {
      const job = await makeJob({ userId: user.id, pageCount: 10 });
      await reserve(user.id, job.id, 10);
    }
    const pageOne = await getCredits({ userId: user.id, limit: 4 });
    expect(pageOne.ledger).toHaveLength(4);
    expect(pageOne.ledger.every((entry) => entry.kind === "reserve")).toBe(true);
    expect(pageOne.nextCursor).not.toBeNull();
    const pageTwo = await getCredits({ userId: user.id, limit: 4, cursor: pageOne.nextCursor! });
    expect(pageTwo.ledger.map((entry) => entry.kind)).toEqual(["reserve", "grant"]);
    expect(pageTwo.nextCursor).toBeNull();
    const ids = [...pageOne.ledger, ...pageTwo.ledger].map((entry) => entry.id);
    expect(new Set(ids).size).toBe(6);
    expect(pageTwo.balance).toBe(env().MONTHLY_CREDITS - 50);
  });
});
