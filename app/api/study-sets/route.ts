// GET /api/study-sets – the user's study sets (?jobId= for one job's); POST /api/study-sets – start a study set
import { NextResponse } from "next/server";
import { authedRoute, readJson } from "@/lib/api/route";
import { createStudySet } from "@/lib/commands/create-study-set";
import { consumeThrottle } from "@/lib/rate-limit/throttle";
import { listStudySets } from "@/lib/study-sets/list-study-sets";
import { createStudySetBody, maxWordListRequestBytes } from "@/lib/validations/study-set";
import { isUuid } from "@/lib/validations/uuid";

export const dynamic = "force-dynamic";

export const GET = authedRoute(async ({ req, user }) => {
  const jobId = new URL(req.url).searchParams.get("jobId") ?? undefined;
  const studySets = jobId && !isUuid(jobId) ? [] : await listStudySets({ userId: user.id, jobId });
  return NextResponse.json({ studySets });
});

export const POST = authedRoute(async ({ req, user }) => {
  const body = await readJson(req, createStudySetBody, { maxBytes: maxWordListRequestBytes });
  // Pasted words are a word list parsed on the web process: the same per-user allowance as imports.
  if (body.words !== undefined) await consumeThrottle("word-list-user", user.id);
  const set = await createStudySet({ userId: user.id, isAdmin: user.role === "admin", body });
  return NextResponse.json({ id: set.id, status: set.status }, { status: 202, headers: { Location: `/api/study-sets/${set.id}` } });
});
