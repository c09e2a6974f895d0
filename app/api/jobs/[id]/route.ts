// GET /api/jobs/[id] – job status and progress (ETag from the job's version, 304 from one small query, the answer shared per version); DELETE /api/jobs/[id] – delete a job and its results
import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/api/route";
import { deleteJob } from "@/lib/commands/delete-job";
import { pollJobProgress } from "@/lib/jobs/poll-job-progress";

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

const cacheHeaders = { "Cache-Control": "private, no-cache" };

export const GET = authedRoute<Params>(async ({ req, params, user }) => {
  const ifNoneMatch = req.headers.get("if-none-match");
  const poll = await pollJobProgress({
    jobId: params.id,
    userId: user.id,
    isAdmin: user.role === "admin",
    matchesETag: (etag) => matchesETag(ifNoneMatch, etag),
  });
  if (poll.notModified) {
    return new Response(null, { status: 304, headers: { ...cacheHeaders, ETag: poll.etag } });
  }
  return new Response(poll.body, {
    status: 200,
    headers: { ...cacheHeaders, ETag: poll.etag, "Content-Type": "application/json" },
  });
});

export const DELETE = authedRoute<Params>(async ({ params, user }) => {
  await deleteJob({ jobId: params.id, userId: user.id, isAdmin: user.role === "admin" });
  return new NextResponse(null, { status: 204 });
});
