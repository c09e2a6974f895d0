// What a book will cost before the user commits: pages, chunks (the planner's
// own formula), the price for each engine and the user's balance. Nothing is
// stored; the price is computed again, on the server, when the job is created.
import { db } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { BookFormat, Engine } from "@/lib/generated/prisma/client";
import { ensureMonthlyGrant } from "@/lib/credits/ensure-monthly-grant";
import { priceJob } from "@/lib/credits/price-job";
import { assertGeminiModelAllowed, defaultGeminiModel, geminiModels } from "@/lib/engines/gemini-models";
import { getJobDefaults, isGeminiAvailable } from "@/lib/jobs/get-job-defaults";
import { inspectBook } from "@/lib/books/inspect-book";
import { planChunks } from "@/lib/pipeline/plan-chunks";

export interface JobEstimate {
  /** Pages of a PDF; sections of about 300 words of an EPUB or a text file (see `format`). */
  pageCount: number;
  format: BookFormat;
  chunks: number;
  /** The engine this estimate prices: the one asked for, else the user's default. */
  engine: Engine;
  price: number;
  /** Each engine's price; Gemini's with the model asked for, else the default model. */
  prices: Record<Engine, number>;
  /** The Gemini model `prices.gemini` is for. */
  model: string;
  /** The book's price with each model on offer. */
  modelPrices: { model: string; creditsPerPage: number; price: number }[];
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
  model?: string;
}): Promise<JobEstimate> {
  const { userId, bytes } = options;
  const config = env();
  if (options.model) assertGeminiModelAllowed(options.model);
  const defaults = await getJobDefaults({ userId });
  const engine = options.engine ?? defaults.engine;
  const model = options.model ?? defaults.model ?? defaultGeminiModel();
  const pdf = await inspectBook(
    bytes,
    { maxBytes: config.MAX_UPLOAD_MB * 1024 * 1024, maxPages: config.MAX_PAGES },
    userId,
  );
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
    gemini: priceJob({ pageCount: pdf.pageCount, engine: "gemini", model }),
  };
  const modelPrices = geminiModels().map((entry) => ({
    model: entry.name,
    creditsPerPage: entry.creditsPerPage,
    price: priceJob({ pageCount: pdf.pageCount, engine: "gemini", model: entry.name }),
  }));
  return {
    pageCount: pdf.pageCount,
    format: pdf.format,
    chunks,
    engine,
    price: prices[engine],
    prices,
    model,
    modelPrices,
    balance,
    affordable: balance >= prices[engine],
    hasText: pdf.hasText,
    engineAvailable: { local: true, gemini: isGeminiAvailable() },
  };
}
