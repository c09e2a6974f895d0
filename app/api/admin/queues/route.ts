// GET /api/admin/queues – queue counts, live workers, oldest wait, recent failures and jobs by status (admins only)
import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/api/route";
import { getQueueOverview } from "@/lib/jobs/get-queue-overview";

export const dynamic = "force-dynamic";

export const GET = authedRoute(
  async () => NextResponse.json(await getQueueOverview(), { headers: { "Cache-Control": "no-store" } }),
  { role: "admin" },
);
