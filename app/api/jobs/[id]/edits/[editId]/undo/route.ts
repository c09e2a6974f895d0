// POST /api/jobs/[id]/edits/[editId]/undo – the owner reverses one recorded correction
import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/api/route";
import { undoSentenceEdit } from "@/lib/commands/undo-sentence-edit";

export const dynamic = "force-dynamic";

export const POST = authedRoute<{ id: string; editId: string }>(async ({ params, user }) => {
  const result = await undoSentenceEdit({ jobId: params.id, userId: user.id, editId: params.editId });
  return NextResponse.json(result);
});
