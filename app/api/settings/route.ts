// GET /api/settings – the user's defaults for new jobs; PUT /api/settings – save them
import { NextResponse } from "next/server";
import { authedRoute, readJson } from "@/lib/api/route";
import { defaultGeminiModel, geminiModels } from "@/lib/engines/gemini-models";
import { getJobDefaults, isGeminiAvailable } from "@/lib/jobs/get-job-defaults";
import { updateJobDefaults } from "@/lib/commands/update-job-defaults";
import { jobSettings } from "@/lib/validations/job";

export const dynamic = "force-dynamic";

/** What the options offer: the engines this server runs and the Gemini models with their prices. */
const offer = () => ({
  engineAvailable: { local: true, gemini: isGeminiAvailable() },
  models: geminiModels(),
  defaultModel: defaultGeminiModel(),
});

export const GET = authedRoute(async ({ user }) => {
  const settings = await getJobDefaults({ userId: user.id });
  return NextResponse.json({ ...settings, ...offer() });
});

export const PUT = authedRoute(async ({ req, user }) => {
  const input = await readJson(req, jobSettings);
  const settings = await updateJobDefaults({ userId: user.id, settings: input });
  return NextResponse.json({ ...settings, ...offer() });
});
