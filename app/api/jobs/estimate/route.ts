// POST /api/jobs/estimate – pages (or sections), chunks and price of a book before starting a job (ESTIMATES_PER_MINUTE per user)
import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/api/route";
import { env } from "@/lib/env";
import { estimateJob } from "@/lib/jobs/estimate-job";
import { readPdfUpload } from "@/lib/api/read-pdf-upload";
import { consumeThrottle } from "@/lib/rate-limit/throttle";
import { createJobFields } from "@/lib/validations/job";

export const dynamic = "force-dynamic";

export const POST = authedRoute(async ({ req, user }) => {
  // Each estimate parses a PDF: limited per user like starting jobs.
  await consumeThrottle("estimate-user", user.id);
  const upload = await readPdfUpload(req, { maxBytes: env().MAX_UPLOAD_MB * 1024 * 1024 });
  const { engine, model } = createJobFields.parse(upload.fields);
  return NextResponse.json(await estimateJob({ userId: user.id, bytes: upload.bytes, engine, model }));
});
