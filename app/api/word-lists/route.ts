// GET /api/word-lists – the signed-in user's word lists; POST /api/word-lists – import a list (file or pasted text; WORD_LISTS_PER_MINUTE per user)
import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/api/route";
import { consumeThrottle } from "@/lib/rate-limit/throttle";
import { createWordList } from "@/lib/commands/create-word-list";
import { listWordLists } from "@/lib/study-sets/list-word-lists";
import { readWordListRequest } from "@/lib/api/read-word-list-request";

export const dynamic = "force-dynamic";

export const GET = authedRoute(async ({ user }) => {
  return NextResponse.json({ wordLists: await listWordLists({ userId: user.id }) });
});

export const POST = authedRoute(async ({ req, user }) => {
  // Each list is parsed here, on the web process: limited per user, before the body is read.
  await consumeThrottle("word-list-user", user.id);
  const input = await readWordListRequest(req);
  const list = await createWordList({ userId: user.id, ...input });
  return NextResponse.json(list, { status: 201, headers: { Location: `/api/word-lists/${list.id}` } });
});
