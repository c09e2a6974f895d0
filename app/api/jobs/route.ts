// GET /api/jobs – the signed-in user's job history; POST /api/jobs – upload a book (PDF, EPUB or text) and start a job (Idempotency-Key honoured)
import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/api/route";
import { env } from "@/lib/env";
import { createJob } from "@/lib/commands/create-job";
import { parseIdempotencyKey } from "@/lib/jobs/find-idempotent-job";
import { listJobs } from "@/lib/jobs/list-jobs";
import { readPdfUpload } from "@/lib/api/read-pdf-upload";
import { createJobFields, listJobsQuery, searchParamsObject } from "@/lib/validations/job";

export const dynamic = "force-dynamic";

export const GET = authedRoute(async ({ req, user }) => {
  const query = listJobsQuery.parse(searchParamsObject(req.url));
  return NextResponse.json(await listJobs({ userId: user.id, ...query }));
});

export const POST = authedRoute(async ({ req, user }) => {
  const idempotencyKey = parseIdempotencyKey(req.headers.get("idempotency-key"));
  const upload = await readPdfUpload(req, { maxBytes: env().MAX_UPLOAD_MB * 1024 * 1024 });
  const fields = createJobFields.parse(upload.fields);
  const job = await createJob({
    userId: user.id,
    fileName: upload.fileName,
    bytes: upload.bytes,
    idempotencyKey,
    ...fields,
  });
  return NextResponse.json({ job }, { status: 202, headers: { Location: `/api/jobs/${job.id}` } });
});
