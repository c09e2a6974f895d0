// POST /api/jobs/[id]/sentences/[position]/split – the owner's correction: cut a row before its at-th word: { version, piece?, at }
import { NextResponse } from "next/server";
import { authedRoute, readJson } from "@/lib/api/route";
import { splitSentence } from "@/lib/commands/split-sentence";
import { splitSentenceBody, parseRowPosition } from "@/lib/validations/sentence-edit";

export const dynamic = "force-dynamic";

export const POST = authedRoute<{ id: string; position: string }>(async ({ req, params, user }) => {
  const body = await readJson(req, splitSentenceBody);
  const result = await splitSentence({ jobId: params.id, userId: user.id, position: parseRowPosition(params.position), ...body });
  return NextResponse.json(result);
});
