// A study set's page, loaded on the server so that someone else's set, or a
// missing one, answers HTTP 404 before anything streams.
import type { Metadata } from "next";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { StudySetView } from "@/components/study-sets/study-set-view";
import { PageHeader } from "@/components/ui/surface";
import { authOptions } from "@/lib/auth/auth-options";
import { isAppError } from "@/lib/errors";
import { getStudySet } from "@/lib/study-sets/get-study-set";

type Props = { params: Promise<{ id: string }> };

const loadStudySet = cache(async (id: string) => {
  const session = await getServerSession(authOptions());
  if (!session?.user?.id) redirect("/sign-in");
  try {
    return await getStudySet({ id, userId: session.user.id });
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const set = await loadStudySet((await params).id);
  return { title: set.name };
}

export default async function StudySetPage({ params }: Props) {
  const set = await loadStudySet((await params).id);
  return (
    <>
      <PageHeader title={set.name} description="Study set" />
      <StudySetView initialSet={set} />
    </>
  );
}
