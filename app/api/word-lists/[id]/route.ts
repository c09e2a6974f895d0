// GET /api/word-lists/[id] – one list with its entries and import report; DELETE – delete it
import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/api/route";
import { deleteWordList } from "@/lib/commands/delete-word-list";
import { getWordList } from "@/lib/study-sets/get-word-list";

export const dynamic = "force-dynamic";

export const GET = authedRoute<{ id: string }>(async ({ params, user }) => {
  return NextResponse.json(await getWordList({ id: params.id, userId: user.id }));
});

export const DELETE = authedRoute<{ id: string }>(async ({ params, user }) => {
  await deleteWordList({ wordListId: params.id, userId: user.id });
  return new NextResponse(null, { status: 204 });
});
