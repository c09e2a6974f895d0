// GET /api/jobs/[id]/export?format=csv|xlsx|tsv|json&rows=all|kept&source=corrected|engine
// – the book's sentences as a streamed CSV, XLSX, Anki TSV or JSON file; rows=kept keeps
// only the sentences as the author wrote them; source=engine gives the engine's rows
// without the owner's corrections.
import { authedRoute } from "@/lib/api/route";
import { createExport } from "@/lib/exports/create-export";
import { exportQuery, searchParamsObject } from "@/lib/validations/job";

export const dynamic = "force-dynamic";

export const GET = authedRoute<{ id: string }>(async ({ req, params, user }) => {
  const { format, rows, source } = exportQuery.parse(searchParamsObject(req.url));
  const file = await createExport({
    jobId: params.id,
    userId: user.id,
    isAdmin: user.role === "admin",
    format,
    rows,
    source,
  });
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": file.contentDisposition,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
