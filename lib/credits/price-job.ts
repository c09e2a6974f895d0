// What a book costs, computed on the server from the configured rates; a
// price sent by the client is never trusted.
//
// Defaults (lib/env.ts): every user gets MONTHLY_CREDITS=1000 credits a month.
// The local engine costs CREDITS_PER_PAGE_LOCAL=1 credit per page, so a
// 300-page novel costs 300 credits and a month's grant covers three of them.
// Gemini costs CREDITS_PER_PAGE_GEMINI=3 credits per page (900 for the same
// novel), because every page is a paid model call.
import { env } from "@/lib/env";
import type { Engine } from "@/lib/generated/prisma/client";

export function priceJob(options: { pageCount: number; engine: Engine }): number {
  const { pageCount, engine } = options;
  if (!Number.isInteger(pageCount) || pageCount < 0) {
    throw new RangeError(`pageCount must be a whole number ≥ 0, got ${pageCount}`);
  }
  const rate = engine === "gemini" ? env().CREDITS_PER_PAGE_GEMINI : env().CREDITS_PER_PAGE_LOCAL;
  return pageCount * rate;
}
