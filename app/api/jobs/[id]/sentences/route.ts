// GET /api/jobs/[id]/sentences – a page of the book's sentences in reading order, optionally searched
import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/api/route";
import { listSentences } from "@/lib/jobs/list-sentences";
import { listSentencesQuery, searchParamsObject } from "@/lib/validations/job";

export const dynamic = "force-dynamic";

export const GET = authedRoute<{ id: string }>(async ({ req, params, user }) => {
  const query = listSentencesQuery.parse(searchParamsObject(req.url));
  const page = await listSentences({
    jobId: params.id,
    userId: user.id,
    isAdmin: user.role === "admin",
    ...query,
  });
  return NextResponse.json(page);
});
