// What a book will cost before the user commits: pages, chunks (the planner's
// own formula), the price for each engine and the user's balance. Nothing is
// stored; the price is computed again, on the server, when the job is created.
import { db } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Engine } from "@/lib/generated/prisma/client";
import { ensureMonthlyGrant } from "@/lib/credits/ensure-monthly-grant";
import { priceJob } from "@/lib/credits/price-job";
import { getJobDefaults, isGeminiAvailable } from "@/lib/jobs/get-job-defaults";
import { inspectPdfSafely } from "@/lib/pdf/inspect-pdf-safely";
import { planChunks } from "@/lib/pipeline/plan-chunks";

export interface JobEstimate {
  pageCount: number;
  chunks: number;
  /** The engine this estimate prices: the one asked for, else the user's default. */
  engine: Engine;
  price: number;
  prices: Record<Engine, number>;
  balance: number;
  /** balance ≥ price */
  affordable: boolean;
  hasText: boolean;
  engineAvailable: { local: true; gemini: boolean };
}

export async function estimateJob(options: {
  userId: string;
  bytes: Uint8Array;
  engine?: Engine;
}): Promise<JobEstimate> {
  const { userId, bytes } = options;
  const config = env();
  const engine = options.engine ?? (await getJobDefaults({ userId })).engine;
  const pdf = await inspectPdfSafely(bytes, {
    maxBytes: config.MAX_UPLOAD_MB * 1024 * 1024,
    maxPages: config.MAX_PAGES,
  });
  const chunks = planChunks({
    pageCount: pdf.pageCount,
    chunkPages: config.CHUNK_PAGES,
    overlapPages: config.CHUNK_OVERLAP_PAGES,
  }).length;

  const balance = await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) throw new AppError("not_found", "This account no longer exists.");
    await ensureMonthlyGrant(tx, userId);
    const { creditBalance } = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { creditBalance: true },
    });
    return creditBalance;
  });

  const prices = {
    local: priceJob({ pageCount: pdf.pageCount, engine: "local" }),
    gemini: priceJob({ pageCount: pdf.pageCount, engine: "gemini" }),
  };
  return {
    pageCount: pdf.pageCount,
    chunks,
    engine,
    price: prices[engine],
    prices,
    balance,
    affordable: balance >= prices[engine],
    hasText: pdf.hasText,
    engineAvailable: { local: true, gemini: isGeminiAvailable() },
  };
}
