// POST /api/study-sets/[id]/cancel – stop a study set that is queued or running
import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/api/route";
import { cancelStudySet } from "@/lib/commands/cancel-study-set";

export const dynamic = "force-dynamic";

export const POST = authedRoute<{ id: string }>(async ({ params, user }) => {
  return NextResponse.json(await cancelStudySet({ studySetId: params.id, userId: user.id }));
});
