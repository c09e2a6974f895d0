// GET /api/jobs/[id]/rewriting – sentences by method, fallbacks by reason, Gemini requests and tokens
import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/api/route";
import { getJobRewriting } from "@/lib/jobs/get-job-rewriting";

export const dynamic = "force-dynamic";

export const GET = authedRoute<{ id: string }>(async ({ params, user }) => {
  const rewriting = await getJobRewriting({ jobId: params.id, userId: user.id, isAdmin: user.role === "admin" });
  return NextResponse.json(rewriting, { headers: { "Cache-Control": "private, no-cache" } });
});
