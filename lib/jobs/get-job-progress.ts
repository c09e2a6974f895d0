// GET /api/jobs/[id] is polled every second or two by every open tab, so this
// is two small indexed queries: the job with its chunks' statuses, and (only
// while queued) how many books are ahead of it.
import { db } from "@/lib/db/prisma";
import { jobSummarySelect } from "@/lib/jobs/to-job-summary";
import { assertJobVisible, isJobId, jobNotFound } from "@/lib/jobs/find-accessible-job";
import { computeJobProgress, type JobProgress } from "@/lib/jobs/compute-job-progress";

export type { JobProgress } from "@/lib/jobs/compute-job-progress";

export async function getJobProgress(options: {
  jobId: string;
  userId: string;
  isAdmin?: boolean;
}): Promise<JobProgress> {
  const { jobId, userId, isAdmin = false } = options;
  if (!isJobId(jobId)) throw jobNotFound();
  const job = await db().job.findUnique({
    where: { id: jobId },
    select: {
      ...jobSummarySelect,
      userId: true,
      updatedAt: true,
      chunks: {
        select: { index: true, status: true, ownedFirst: true, ownedLast: true },
        orderBy: { index: "asc" },
      },
    },
  });
  assertJobVisible(job, userId, isAdmin);
  const found = job!;

  let queuePosition: number | null = null;
  if (found.status === "queued") {
    const ahead = await db().job.count({ where: { status: "queued", createdAt: { lt: found.createdAt } } });
    queuePosition = ahead + 1;
  }
  return computeJobProgress(found, found.chunks, queuePosition);
}
