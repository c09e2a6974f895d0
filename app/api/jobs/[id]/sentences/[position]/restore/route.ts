// POST /api/jobs/[id]/sentences/[position]/restore – the owner's correction: show the engine's text again: { version }
import { NextResponse } from "next/server";
import { authedRoute, readJson } from "@/lib/api/route";
import { restoreSentence } from "@/lib/commands/restore-sentence";
import { restoreSentenceBody, parseRowPosition } from "@/lib/validations/sentence-edit";

export const dynamic = "force-dynamic";

export const POST = authedRoute<{ id: string; position: string }>(async ({ req, params, user }) => {
  const body = await readJson(req, restoreSentenceBody);
  const result = await restoreSentence({ jobId: params.id, userId: user.id, position: parseRowPosition(params.position), ...body });
  return NextResponse.json(result);
});
