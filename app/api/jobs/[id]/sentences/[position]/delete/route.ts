// POST /api/jobs/[id]/sentences/[position]/delete – the owner's correction: drop a row, or one piece of it: { version, piece? }
import { NextResponse } from "next/server";
import { authedRoute, readJson } from "@/lib/api/route";
import { deleteSentence } from "@/lib/commands/delete-sentence";
import { deleteSentenceBody, parseRowPosition } from "@/lib/validations/sentence-edit";

export const dynamic = "force-dynamic";

export const POST = authedRoute<{ id: string; position: string }>(async ({ req, params, user }) => {
  const body = await readJson(req, deleteSentenceBody);
  const result = await deleteSentence({ jobId: params.id, userId: user.id, position: parseRowPosition(params.position), ...body });
  return NextResponse.json(result);
});
