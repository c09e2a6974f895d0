// What a poll of GET /api/jobs/[id] checks before loading anything: one
// indexed query for the job's owner, its last change and how many of its
// chunks are in each state. Everything the progress answer shows follows from
// these (the clock is the browser's: it counts from `startedAt` towards
// `estimatedFinishAt`), so an unchanged version answers 304 without reading
// the job's other columns or its chunk rows.
import { db } from "@/lib/db/prisma";
import type { ChunkStatus, JobStatus } from "@/lib/generated/prisma/client";
import { chunkStatuses } from "@/lib/jobs/job-states";

export interface JobVersionInput {
  updatedAt: Date;
  status: JobStatus;
  chunkStatuses: Partial<Record<ChunkStatus, number>>;
  queuePosition: number | null;
}

/** The progress answer's ETag: it changes exactly when what the answer shows can change. */
export function jobVersionTag(input: JobVersionInput): string {
  const counts = chunkStatuses.map((status) => input.chunkStatuses[status] ?? 0).join(".");
  return `W/"v1-${input.updatedAt.getTime().toString(36)}-${input.status}-${counts}-${input.queuePosition ?? ""}"`;
}

/** Where a queued job stands: 1 = next to start. */
export async function getQueuePosition(createdAt: Date): Promise<number> {
  const ahead = await db().job.count({ where: { status: "queued", createdAt: { lt: createdAt } } });
  return ahead + 1;
}

interface VersionRow {
  userId: string;
  updatedAt: Date;
  createdAt: Date;
  status: JobStatus;
  chunkStatuses: Partial<Record<ChunkStatus, number>> | null;
}

export interface JobVersion {
  userId: string;
  etag: string;
}

/** The job's owner and version tag, or null when there is no such job. */
export async function getJobVersion(jobId: string): Promise<JobVersion | null> {
  const rows = await db().$queryRaw<VersionRow[]>`
    SELECT j."userId", j."updatedAt", j."createdAt", j.status::text AS status,
      (SELECT json_object_agg(s.status, s.n)
         FROM (SELECT c.status::text AS status, count(*)::int AS n
                 FROM "Chunk" c WHERE c."jobId" = j.id GROUP BY c.status) s) AS "chunkStatuses"
    FROM "Job" j WHERE j.id = ${jobId}::uuid`;
  const row = rows[0];
  if (!row) return null;
  const queuePosition = row.status === "queued" ? await getQueuePosition(row.createdAt) : null;
  return {
    userId: row.userId,
    etag: jobVersionTag({
      updatedAt: row.updatedAt,
      status: row.status,
      chunkStatuses: row.chunkStatuses ?? {},
      queuePosition,
    }),
  };
}
