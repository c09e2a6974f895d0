// GET /api/study-sets/[id]/export?format=csv|tsv – the chosen sentences as CSV, or Anki cloze notes as TSV
import { authedRoute } from "@/lib/api/route";
import { exportStudySet } from "@/lib/study-sets/export-study-set";
import { studySetExportQuery } from "@/lib/validations/study-set";

export const dynamic = "force-dynamic";

export const GET = authedRoute<{ id: string }>(async ({ req, params, user }) => {
  const { format } = studySetExportQuery.parse({ format: new URL(req.url).searchParams.get("format") ?? undefined });
  const file = await exportStudySet({ id: params.id, userId: user.id, format });
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": file.contentDisposition,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
