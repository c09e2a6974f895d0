// The Gemini models users may choose and what a page costs with each: the
// one list (GEMINI_MODELS, parsed by lib/env.ts), used by pricing,
// validation of every route that takes a model, the estimate and the UI
// (through the settings and estimate answers).
import { env, type GeminiModel } from "@/lib/env";
import { AppError } from "@/lib/errors";

export type { GeminiModel };

export function geminiModels(): GeminiModel[] {
  return env().GEMINI_MODELS;
}

/** The model a Gemini job uses when none is chosen (GEMINI_MODEL, else the list's first). */
export function defaultGeminiModel(): string {
  return env().GEMINI_MODEL;
}

export function findGeminiModel(name: string): GeminiModel | undefined {
  return geminiModels().find((model) => model.name === name);
}

/** 422 naming the allowed models when `name` is not one of them. */
export function assertGeminiModelAllowed(name: string): GeminiModel {
  const model = findGeminiModel(name);
  if (model) return model;
  const allowed = geminiModels().map((entry) => entry.name);
  throw new AppError(
    "invalid_input",
    `The model ${name} is not offered on this server; choose one of ${allowed.join(", ")}.`,
    { field: "model", allowed },
  );
}

/**
 * A page's price with `name`. Settling a job whose model was taken off the
 * list since it started uses the dearest listed price; the charge never
 * exceeds what the job reserved anyway.
 */
export function geminiCreditsPerPage(name: string, options: { unlisted: "refuse" | "dearest" }): number {
  const model = findGeminiModel(name);
  if (model) return model.creditsPerPage;
  if (options.unlisted === "refuse") return assertGeminiModelAllowed(name).creditsPerPage;
  return Math.max(...geminiModels().map((entry) => entry.creditsPerPage));
}
