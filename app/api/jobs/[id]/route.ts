// GET /api/jobs/[id] – job status and progress (ETag from the job's version, 304 from one small query); DELETE /api/jobs/[id] – delete a job and its results
import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/api/route";
import { deleteJob } from "@/lib/commands/delete-job";
import { assertJobVisible, isJobId } from "@/lib/jobs/find-accessible-job";
import { getJobProgressTagged } from "@/lib/jobs/get-job-progress";
import { getJobVersion } from "@/lib/jobs/get-job-version";

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
  const isAdmin = user.role === "admin";
  const ifNoneMatch = req.headers.get("if-none-match");
  if (ifNoneMatch && isJobId(params.id)) {
    // Most polls change nothing: one small query decides, before the job is loaded.
    const version = await getJobVersion(params.id);
    assertJobVisible(version, user.id, isAdmin);
    if (matchesETag(ifNoneMatch, version.etag)) {
      return new Response(null, { status: 304, headers: { ...cacheHeaders, ETag: version.etag } });
    }
  }
  const { progress, etag } = await getJobProgressTagged({ jobId: params.id, userId: user.id, isAdmin });
  return new Response(JSON.stringify(progress), {
    status: 200,
    headers: { ...cacheHeaders, ETag: etag, "Content-Type": "application/json" },
  });
});

export const DELETE = authedRoute<Params>(async ({ params, user }) => {
  await deleteJob({ jobId: params.id, userId: user.id, isAdmin: user.role === "admin" });
  return new NextResponse(null, { status: 204 });
});
