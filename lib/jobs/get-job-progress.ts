// GET /api/jobs/[id] is polled every second or two by every open tab. A poll
// that carries the last ETag is first checked with getJobVersion (one small
// query) and usually ends there with a 304; this full answer is two small
// indexed queries: the job with its chunks' statuses, and (only while queued)
// how many books are ahead of it. Its ETag is the same version tag.
import { db } from "@/lib/db/prisma";
import { jobSummarySelect } from "@/lib/jobs/to-job-summary";
import { assertJobVisible, isJobId, jobNotFound } from "@/lib/jobs/find-accessible-job";
import { computeJobProgress, type JobProgress } from "@/lib/jobs/compute-job-progress";
import { countChunkStatuses, getQueuePosition, jobVersionTag } from "@/lib/jobs/get-job-version";

export type { JobProgress } from "@/lib/jobs/compute-job-progress";

interface JobProgressOptions {
  jobId: string;
  userId: string;
  isAdmin?: boolean;
}

export async function getJobProgress(options: JobProgressOptions): Promise<JobProgress> {
  return (await getJobProgressTagged(options)).progress;
}

/** The progress answer with its version tag (the route's ETag). */
export async function getJobProgressTagged(
  options: JobProgressOptions,
): Promise<{ progress: JobProgress; etag: string }> {
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

  const queuePosition = found.status === "queued" ? await getQueuePosition(found.createdAt) : null;
  return {
    progress: computeJobProgress(found, found.chunks, queuePosition),
    etag: jobVersionTag({
      updatedAt: found.updatedAt,
      status: found.status,
      chunkStatuses: countChunkStatuses(found.chunks),
      queuePosition,
    }),
  };
}
