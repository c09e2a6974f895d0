// POST /api/admin/users/[id]/credits – add or remove credits with a reason written to the ledger (admins only)
import { NextResponse } from "next/server";
import { authedRoute, readJson } from "@/lib/api/route";
import { adjustUserCredits } from "@/lib/commands/adjust-user-credits";
import { creditAdjustmentSchema } from "@/lib/validations/admin";

export const dynamic = "force-dynamic";

export const POST = authedRoute<{ id: string }>(
  async ({ req, params, user }) => {
    const { amount, reason } = await readJson(req, creditAdjustmentSchema);
    return NextResponse.json(await adjustUserCredits({ accountId: params.id, amount, reason, userId: user.id, isAdmin: user.role === "admin" }));
  },
  { role: "admin" },
);
