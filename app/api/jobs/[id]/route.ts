// GET /api/jobs/[id] – job status and progress (ETag, 304); DELETE /api/jobs/[id] – delete a job and its results
import { createHash } from "node:crypto";
import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/api/route";
import { deleteJob } from "@/lib/commands/delete-job";
import { getJobProgress } from "@/lib/jobs/get-job-progress";

export const dynamic = "force-dynamic";

type Params = { id: string };

function matchesETag(header: string | null, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((candidate) => {
    const value = candidate.trim();
    return value === "*" || value.replace(/^W\//, "") === bare;
  });
}

export const GET = authedRoute<Params>(async ({ req, params, user }) => {
  const progress = await getJobProgress({
    jobId: params.id,
    userId: user.id,
    isAdmin: user.role === "admin",
  });
  const body = JSON.stringify(progress);
  const etag = `W/"${createHash("sha1").update(body).digest("base64url")}"`;
  const headers = { ETag: etag, "Cache-Control": "private, no-cache" };
  if (matchesETag(req.headers.get("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { status: 200, headers: { ...headers, "Content-Type": "application/json" } });
});

export const DELETE = authedRoute<Params>(async ({ params, user }) => {
  await deleteJob({ jobId: params.id, userId: user.id, isAdmin: user.role === "admin" });
  return new NextResponse(null, { status: 204 });
});
