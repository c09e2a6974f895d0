// GET /api/health – database and queue status
import { NextResponse } from "next/server";
import { publicRoute } from "@/lib/api/route";
import { checkHealth } from "@/lib/health/check-health";

export const dynamic = "force-dynamic";

export const GET = publicRoute(async () => {
  const health = await checkHealth();
  return NextResponse.json(health, { status: health.ok ? 200 : 503 });
});
