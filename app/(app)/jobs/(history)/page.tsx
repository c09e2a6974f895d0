import type { Metadata } from "next";
import { HistoryView } from "@/components/jobs/history-view";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/surface";
import type { JobStatus } from "@/lib/client/api-types";
import { jobStatuses } from "@/lib/jobs/job-states";

export const metadata: Metadata = { title: "History" };

export default async function HistoryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const status =
    typeof params.status === "string" && jobStatuses.includes(params.status as JobStatus)
      ? (params.status as JobStatus)
      : "";
  const q = typeof params.q === "string" ? params.q : "";
  return (
    <>
      <PageHeader
        title="History"
        description="Every book you uploaded, newest first. Running jobs update live."
        actions={
          <ButtonLink href="/" variant="primary">
            Upload a novel
          </ButtonLink>
        }
      />
      <HistoryView initialStatus={status} initialQuery={q} />
    </>
  );
}
