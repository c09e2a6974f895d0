// GET /api/admin/dead-letters – chunks abandoned by crashed workers that are still failed (admins only)
import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/api/route";
import { listDeadLetters } from "@/lib/admin/dead-letters";

export const dynamic = "force-dynamic";

export const GET = authedRoute(
  async () => NextResponse.json({ deadLetters: await listDeadLetters() }, { headers: { "Cache-Control": "no-store" } }),
  { role: "admin" },
);
