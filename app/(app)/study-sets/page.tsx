import type { Metadata } from "next";
import { StudySetsView } from "@/components/study-sets/study-sets-view";
import { PageHeader } from "@/components/ui/surface";

export const metadata: Metadata = { title: "Study sets" };

type Props = { searchParams: Promise<{ jobId?: string }> };

export default async function StudySetsPage({ searchParams }: Props) {
  const { jobId } = await searchParams;
  return (
    <>
      <PageHeader
        title="Study sets"
        description="The fewest short sentences of your books that contain every word of a list."
      />
      <StudySetsView jobId={jobId} />
    </>
  );
}
