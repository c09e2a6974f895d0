// The settings command: a user saves their defaults for new jobs on User.settings.
import type { ActingUser } from "@/lib/commands/acting-user";
import { db } from "@/lib/db/prisma";
import { assertGeminiModelAllowed } from "@/lib/engines/gemini-models";
import { AppError } from "@/lib/errors";
import { isGeminiAvailable, resolveJobDefaults } from "@/lib/jobs/get-job-defaults";
import type { JobSettings } from "@/lib/validations/job";

export async function updateJobDefaults(options: ActingUser & { settings: JobSettings }): Promise<JobSettings> {
  const { userId, settings } = options;
  if (settings.engine === "gemini" && !isGeminiAvailable()) {
    throw new AppError(
      "invalid_input",
      "Gemini is not available on this server (no GEMINI_API_KEY is configured). Choose the local engine.",
      { field: "engine" },
    );
  }
  if (settings.model) assertGeminiModelAllowed(settings.model);
  const stored = {
    maxWords: settings.maxWords,
    engine: settings.engine,
    model: settings.model ?? null,
    includeMatter: settings.includeMatter,
  };
  const updated = await db()
    .user.update({ where: { id: userId }, data: { settings: stored }, select: { settings: true } })
    .catch((error: unknown) => {
      if ((error as { code?: string }).code === "P2025") {
        throw new AppError("not_found", "This account no longer exists.");
      }
      throw error;
    });
  return resolveJobDefaults(updated.settings);
}
