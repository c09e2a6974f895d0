// What a book costs, computed on the server from the configured rates; a
// price sent by the client is never trusted.
//
// Defaults (lib/env.ts): every user gets MONTHLY_CREDITS=1000 credits a month.
// The local engine costs CREDITS_PER_PAGE_LOCAL=1 credit per page, so a
// 300-page novel costs 300 credits and a month's grant covers three of them.
// Gemini's price depends on the model (GEMINI_MODELS, by default 3 credits a
// page with gemini-2.5-flash, 900 for the same novel, and 10 with
// gemini-2.5-pro), because every page is a paid model call.
import { env } from "@/lib/env";
import { defaultGeminiModel, geminiCreditsPerPage } from "@/lib/engines/gemini-models";
import type { Engine } from "@/lib/generated/prisma/client";

export function priceJob(options: {
  pageCount: number;
  engine: Engine;
  /** Gemini only; unset: the default model. */
  model?: string | null;
  /** A model no longer listed: refused (422, a new price) or priced at the dearest (settling). */
  unlisted?: "refuse" | "dearest";
}): number {
  const { pageCount, engine } = options;
  if (!Number.isInteger(pageCount) || pageCount < 0) {
    throw new RangeError(`pageCount must be a whole number ≥ 0, got ${pageCount}`);
  }
  const rate =
    engine === "gemini"
      ? geminiCreditsPerPage(options.model ?? defaultGeminiModel(), { unlisted: options.unlisted ?? "refuse" })
      : env().CREDITS_PER_PAGE_LOCAL;
  return pageCount * rate;
}
