// POST /api/admin/jobs/[id]/retry – re-run the failed chunks of any user's partial or failed book (admins only)
import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/api/route";
import { retryFailedChunks } from "@/lib/commands/retry-failed-chunks";

export const dynamic = "force-dynamic";

export const POST = authedRoute<{ id: string }>(
  async ({ params, user }) =>
    NextResponse.json(await retryFailedChunks({ jobId: params.id, userId: user.id, isAdmin: true }), { status: 202 }),
  { role: "admin" },
);
