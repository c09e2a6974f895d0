// POST /api/jobs/[id]/cancel – stop a job; finished chunks stay, unused credits are refunded
import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/api/route";
import { cancelJob } from "@/lib/commands/cancel-job";

export const dynamic = "force-dynamic";

export const POST = authedRoute<{ id: string }>(async ({ params, user }) => {
  const result = await cancelJob({ jobId: params.id, userId: user.id, isAdmin: user.role === "admin" });
  return NextResponse.json({ status: result.status });
});
