// GET /api/jobs/[id] is polled every second or two by every open tab. A poll
// that carries the last ETag is first checked with getJobVersion (one small
// query) and usually ends there with a 304. The full answer reads the job row
// and, at the same time, one aggregate over the chunk index (a state letter
// per chunk and the failed chunks' pages: no chunk rows are loaded), plus,
// only while queued, how many books are ahead of it. Its ETag is the same
// version tag.
import { db } from "@/lib/db/prisma";
import { jobSummarySelect } from "@/lib/jobs/to-job-summary";
import { assertJobVisible, isJobId, jobNotFound } from "@/lib/jobs/find-accessible-job";
import { countChunkStates } from "@/lib/jobs/chunk-state-runs";
import { computeJobProgress, type ChunkSnapshot, type JobProgress } from "@/lib/jobs/compute-job-progress";
import { getQueuePosition, jobVersionTag } from "@/lib/jobs/get-job-version";

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
  const [job, chunks] = await Promise.all([
    db().job.findUnique({ where: { id: jobId }, select: { ...jobSummarySelect, userId: true, updatedAt: true } }),
    getChunkSnapshot(jobId),
  ]);
  assertJobVisible(job, userId, isAdmin);
  const found = job!;

  const queuePosition = found.status === "queued" ? await getQueuePosition(found.createdAt) : null;
  return {
    progress: computeJobProgress(found, chunks, queuePosition),
    etag: jobVersionTag({
      updatedAt: found.updatedAt,
      status: found.status,
      chunkStatuses: countChunkStates(chunks.letters),
      queuePosition,
    }),
  };
}

/** The book's chunk states in order and its failed page ranges, from the (jobId, …) index. */
async function getChunkSnapshot(jobId: string): Promise<ChunkSnapshot> {
  const rows = await db().$queryRaw<{ letters: string | null; failedRanges: ChunkSnapshot["failedRanges"] | null }[]>`
    SELECT string_agg(left(c.status::text, 1), '' ORDER BY c.index) AS letters,
           json_agg(json_build_object('first', c."ownedFirst", 'last', c."ownedLast") ORDER BY c.index)
             FILTER (WHERE c.status = 'failed') AS "failedRanges"
    FROM "Chunk" c WHERE c."jobId" = ${jobId}::uuid`;
  return { letters: rows[0]?.letters ?? "", failedRanges: rows[0]?.failedRanges ?? [] };
}
