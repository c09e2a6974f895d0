// A user's defaults for new jobs (User.settings), with the product's defaults
// for anything unset or no longer valid. Gemini is only ever the default when
// the server has a key for it.
import { db } from "@/lib/db/prisma";
import { findGeminiModel } from "@/lib/engines/gemini-models";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { wordLimit } from "@/lib/jobs/job-states";
import { engineName, flagValue, maxWordsValue, modelName, type JobSettings } from "@/lib/validations/job";

export function isGeminiAvailable(): boolean {
  return Boolean(env().GEMINI_API_KEY);
}

/** Reads stored settings field by field, so one stale field does not discard the others. */
export function resolveJobDefaults(stored: unknown): JobSettings {
  const settings = (stored && typeof stored === "object" ? stored : {}) as Record<string, unknown>;
  const maxWords = maxWordsValue.safeParse(settings.maxWords);
  const engine = engineName.safeParse(settings.engine);
  const model = modelName.safeParse(settings.model);
  const includeMatter = flagValue.safeParse(settings.includeMatter);
  return {
    maxWords: maxWords.success ? maxWords.data : wordLimit.default,
    engine: engine.success && engine.data === "gemini" && isGeminiAvailable() ? "gemini" : "local",
    // A model taken off the list since it was saved falls back to the default.
    model: model.success && findGeminiModel(model.data) ? model.data : null,
    includeMatter: includeMatter.success ? includeMatter.data : false,
  };
}

export async function getJobDefaults(options: { userId: string }): Promise<JobSettings> {
  const user = await db().user.findUnique({ where: { id: options.userId }, select: { settings: true } });
  if (!user) throw new AppError("not_found", "This account no longer exists.");
  return resolveJobDefaults(user.settings);
}
