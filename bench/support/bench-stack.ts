// The product for a benchmark: the test stack (embedded Postgres with the
// migrations, the fake Gemini, optionally the production Next server) with
// the fixed-latency Gemini in front, and the product's lib loaded in this
// process against that database for creating users and jobs.
import path from "node:path";
import { benchOut } from "@/bench/support/book";
import { startMemoGemini, type MemoGemini } from "@/bench/support/memo-gemini";
import { startBenchWorkers, type BenchWorker } from "@/bench/support/workers";
import type { FakeGeminiOptions } from "@/tests/support/fake-gemini-server";
import { startStack, type Stack } from "@/tests/support/stack";
import { createJob } from "@/lib/commands/create-job";
import { adjustCredits } from "@/lib/credits/adjust-credits";
import { db, disconnectDb } from "@/lib/db/prisma";
import { isJobEnded } from "@/lib/jobs/job-states";
import { stopBoss } from "@/lib/queue/boss";

const lib = { db, disconnectDb, createJob, adjustCredits, stopBoss };

export type BenchLib = typeof lib;

export interface BenchStack {
  stack: Stack;
  memo: MemoGemini;
  lib: BenchLib;
  /** The environment worker processes get, plus `extra`. */
  workerEnv(extra?: Record<string, string>): Record<string, string>;
  startWorkers(count: number, extra?: Record<string, string>): Promise<BenchWorker[]>;
  /** A user with plenty of credits, created in the database. */
  createUser(credits?: number): Promise<{ id: string }>;
  stop(): Promise<void>;
}

export async function startBenchStack(options: {
  web?: boolean;
  latencyMs: number;
  /** Where remembered Gemini answers are kept, under bench/out/. */
  answersFile: string;
  /** For this process and every worker (limits, chunk size...). */
  env?: Record<string, string>;
  /** The fake behind the memo (how often its rewrites are refused, for instance). */
  gemini?: FakeGeminiOptions;
}): Promise<BenchStack> {
  const stack = await startStack({
    workers: 0,
    web: options.web ?? false,
    gemini: options.gemini,
    env: { LOG_LEVEL: "warn", ...options.env },
  });
  const memo = await startMemoGemini({
    upstreamUrl: stack.geminiUrl,
    latencyMs: options.latencyMs,
    cacheFile: path.join(benchOut, options.answersFile),
  });
  const shared = { ...stack.env, GEMINI_BASE_URL: memo.url, ...options.env };
  // lib reads its configuration once, on first use: set it before using lib.
  Object.assign(process.env, shared);
  const workers: BenchWorker[] = [];
  let users = 0;

  return {
    stack,
    memo,
    lib,
    workerEnv: (extra = {}) => ({ ...shared, ...extra }),
    async startWorkers(count, extra = {}) {
      const started = await startBenchWorkers(count, { ...shared, ...extra });
      workers.push(...started);
      return started;
    },
    async createUser(credits = 1_000_000) {
      const user = await lib.db().user.create({
        data: { email: `bench-${process.pid}-${users++}-${Date.now()}@example.test` },
        select: { id: true },
      });
      await lib.db().$transaction((tx) => lib.adjustCredits(tx, { userId: user.id, amount: credits, reason: "benchmark" }));
      return user;
    },
    async stop() {
      await Promise.all(workers.map((worker) => worker.stop()));
      await lib.stopBoss({ graceful: false, timeout: 2000 }).catch(() => {});
      await lib.disconnectDb();
      await memo.close();
      await stack.stop();
    },
  };
}

/** Polls the job row until it reaches a final status. */
export async function waitForJobEnd(lib: BenchLib, jobId: string, timeoutMs = 600_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await lib.db().job.findUniqueOrThrow({ where: { id: jobId } });
    if (isJobEnded(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
