// The job page. The job is loaded on the server so that a missing job, or
// someone else's, answers HTTP 404 before anything streams (which is also why
// this route has no loading.tsx: a Suspense fallback would send 200 first).
import type { Metadata } from "next";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { JobView } from "@/components/jobs/job-view";
import { authOptions } from "@/lib/auth/auth-options";
import { isAppError } from "@/lib/errors";
import { getJobProgress } from "@/lib/jobs/get-job-progress";

type Props = { params: Promise<{ id: string }> };

// The title and the page need the same job: one query per request.
const loadJob = cache(async (jobId: string) => {
  const session = await getServerSession(authOptions());
  if (!session?.user?.id) redirect("/sign-in");
  try {
    return await getJobProgress({ jobId, userId: session.user.id, isAdmin: session.user.role === "admin" });
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const job = await loadJob((await params).id);
  return { title: job.fileName };
}

export default async function JobPage({ params }: Props) {
  const job = await loadJob((await params).id);
  return <JobView initialJob={job} />;
}
