// POST /api/jobs/[id]/sentences/[position]/join – the owner's correction: join a piece with the next one of the same original: { version, piece?, nextVersion?, override? }
import { NextResponse } from "next/server";
import { authedRoute, readJson } from "@/lib/api/route";
import { joinSentences } from "@/lib/commands/join-sentences";
import { joinSentencesBody, parseRowPosition } from "@/lib/validations/sentence-edit";

export const dynamic = "force-dynamic";

export const POST = authedRoute<{ id: string; position: string }>(async ({ req, params, user }) => {
  const body = await readJson(req, joinSentencesBody);
  const result = await joinSentences({ jobId: params.id, userId: user.id, position: parseRowPosition(params.position), ...body });
  return NextResponse.json(result);
});
