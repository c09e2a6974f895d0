// GET /api/study-sets/[id] – a study set's progress, and its coverage, sentences and uncovered words once done
import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/api/route";
import { getStudySet } from "@/lib/study-sets/get-study-set";

export const dynamic = "force-dynamic";

export const GET = authedRoute<{ id: string }>(async ({ params, user }) => {
  return NextResponse.json(await getStudySet({ id: params.id, userId: user.id }), {
    headers: { "Cache-Control": "private, no-cache" },
  });
});
