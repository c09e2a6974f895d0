// The history: a user's jobs newest first, filtered by status and by text in
// the file name, with a cursor on (createdAt, id) so pages follow the
// (userId, createdAt desc) index and stay stable while new jobs arrive.
import { db } from "@/lib/db/prisma";
import { jobSummarySelect } from "@/lib/jobs/to-job-summary";
import { AppError } from "@/lib/errors";
import type { JobStatus, Prisma } from "@/lib/generated/prisma/client";
import { escapeLikePattern } from "@/lib/jobs/escape-like-pattern";
import { computeJobProgress, snapshotChunks, type JobProgress } from "@/lib/jobs/compute-job-progress";

/** A history row: the progress answer without the per-chunk list (queuePosition is not computed here). */
export type JobListItem = Omit<JobProgress, "chunkStates">;

export interface JobsPage {
  jobs: JobListItem[];
  nextCursor: string | null;
}

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString("base64url");
}

/** A date Postgres can compare with (timestamp(3) spans years 4713 BC to 294276 AD; JS dates reach 275760). */
function isStoredDate(date: Date): boolean {
  const year = date.getUTCFullYear();
  return !Number.isNaN(date.getTime()) && year >= 1 && year <= 9999;
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [stamp, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(stamp ?? "");
  if (!id || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) || !isStoredDate(createdAt)) {
    throw new AppError("bad_request", "The cursor is not valid; start from the first page.");
  }
  return { createdAt, id };
}

export async function listJobs(options: {
  userId: string;
  cursor?: string;
  status?: JobStatus[];
  q?: string;
  limit?: number;
  now?: Date;
}): Promise<JobsPage> {
  const { userId, status, q, now = new Date() } = options;
  const limit = Math.min(Math.max(options.limit ?? 20, 1), 100);
  const where: Prisma.JobWhereInput = { userId };
  if (status && status.length > 0) where.status = { in: status };
  if (q) where.fileName = { contains: escapeLikePattern(q), mode: "insensitive" };
  if (options.cursor) {
    const after = decodeCursor(options.cursor);
    where.OR = [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }];
  }

  const rows = await db().job.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      ...jobSummarySelect,
      updatedAt: true,
      chunks: { select: { index: true, status: true, ownedFirst: true, ownedLast: true } },
    },
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    jobs: page.map((row) => {
      const item: Partial<JobProgress> = computeJobProgress(row, snapshotChunks(row.chunks), null, now);
      delete item.chunkStates;
      return item as JobListItem;
    }),
    nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}
