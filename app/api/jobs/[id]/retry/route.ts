// POST /api/jobs/[id]/retry – re-run the failed chunks of a partial or failed job
import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/api/route";
import { retryFailedChunks } from "@/lib/commands/retry-failed-chunks";

export const dynamic = "force-dynamic";

export const POST = authedRoute<{ id: string }>(async ({ params, user }) => {
  const result = await retryFailedChunks({ jobId: params.id, userId: user.id, isAdmin: user.role === "admin" });
  return NextResponse.json(result, { status: 202 });
});
