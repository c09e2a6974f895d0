// GET /api/admin/accounts?email= – one account's balance, latest books and ledger rows (admins only)
import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/api/route";
import { getUserAccount } from "@/lib/admin/get-user-account";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export const GET = authedRoute(
  async ({ req }) => {
    const email = req.nextUrl.searchParams.get("email");
    if (!email) throw new AppError("bad_request", "Give the account's email (?email=).");
    return NextResponse.json(await getUserAccount({ email }), { headers: { "Cache-Control": "no-store" } });
  },
  { role: "admin" },
);
