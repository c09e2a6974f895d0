// POST /api/admin/dead-letters/[id]/requeue – run a dead letter's chunk again, charged to the book's owner (admins only)
import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/api/route";
import { requeueDeadLetter } from "@/lib/commands/requeue-dead-letter";

export const dynamic = "force-dynamic";

export const POST = authedRoute<{ id: string }>(
  async ({ params, user }) => {
    const result = await requeueDeadLetter({ deadLetterId: params.id, userId: user.id, isAdmin: user.role === "admin" });
    return NextResponse.json(result, { status: 202 });
  },
  { role: "admin" },
);
