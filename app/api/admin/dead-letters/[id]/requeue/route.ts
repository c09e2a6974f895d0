// POST /api/admin/dead-letters/[id]/requeue – run a dead letter's chunk again, charged to the book's owner (admins only)
import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/api/route";
import { requeueDeadLetter } from "@/lib/admin/dead-letters";

export const dynamic = "force-dynamic";

export const POST = authedRoute<{ id: string }>(
  async ({ params, user }) =>
    NextResponse.json(await requeueDeadLetter({ id: params.id, adminId: user.id }), { status: 202 }),
  { role: "admin" },
);
