// PATCH /api/jobs/[id]/sentences/[position] – the owner rewrites a row: { text, version, piece?, override? }
import { NextResponse } from "next/server";
import { authedRoute, readJson } from "@/lib/api/route";
import { editSentence } from "@/lib/commands/edit-sentence";
import { editSentenceBody, parseRowPosition } from "@/lib/validations/sentence-edit";

export const dynamic = "force-dynamic";

export const PATCH = authedRoute<{ id: string; position: string }>(async ({ req, params, user }) => {
  const body = await readJson(req, editSentenceBody);
  const result = await editSentence({ jobId: params.id, userId: user.id, position: parseRowPosition(params.position), ...body });
  return NextResponse.json(result);
});
