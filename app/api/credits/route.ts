// GET /api/credits – balance, this month's grant and the ledger (newest first, cursor paged)
import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/api/route";
import { getCredits } from "@/lib/credits/get-credits";
import { creditsQuery, searchParamsObject } from "@/lib/validations/job";

export const dynamic = "force-dynamic";

export const GET = authedRoute(async ({ req, user }) => {
  const query = creditsQuery.parse(searchParamsObject(req.url));
  return NextResponse.json(await getCredits({ userId: user.id, ...query }));
});
