// POST /api/jobs/[id]/retry – re-run the failed chunks of a partial or failed job
import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/api/route";
import { findAccessibleJob } from "@/lib/jobs/find-accessible-job";
import { retryFailedChunks } from "@/lib/pipeline/retry-failed-chunks";

export const dynamic = "force-dynamic";

export const POST = authedRoute<{ id: string }>(async ({ params, user }) => {
  const isAdmin = user.role === "admin";
  await findAccessibleJob({ jobId: params.id, userId: user.id, isAdmin });
  const result = await retryFailedChunks({ jobId: params.id, userId: user.id, isAdmin });
  return NextResponse.json(result, { status: 202 });
});
