// POST /api/jobs/[id]/cancel – stop a job; finished chunks stay, unused credits are refunded
import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/api/route";
import { cancelJob } from "@/lib/pipeline/cancel-job";
import { findAccessibleJob } from "@/lib/jobs/find-accessible-job";

export const dynamic = "force-dynamic";

export const POST = authedRoute<{ id: string }>(async ({ params, user }) => {
  const isAdmin = user.role === "admin";
  // Rejects malformed ids with the same 404 as someone else's job.
  await findAccessibleJob({ jobId: params.id, userId: user.id, isAdmin });
  const result = await cancelJob({ jobId: params.id, userId: user.id, isAdmin });
  return NextResponse.json({ status: result.status });
});
