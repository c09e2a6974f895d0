// Loads a job its caller may see: the owner, or an admin. Anyone else gets the
// same 404 as for a job that does not exist, so ids cannot be probed.
import { db, type Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { BookFormat, JobStatus } from "@/lib/generated/prisma/client";
import { isUuid } from "@/lib/validations/uuid";

export interface AccessibleJob {
  id: string;
  userId: string;
  documentId: string;
  fileName: string;
  status: JobStatus;
  sentenceCount: number;
  /** The book's kind: its exports name the location column by its unit. */
  format: BookFormat;
}

export function jobNotFound(): AppError {
  return new AppError("not_found", "This job does not exist.");
}

/** Throws the 404 unless the caller owns the job or is an admin. */
export function assertJobVisible<T extends { userId: string }>(
  job: T | null,
  userId: string,
  isAdmin = false,
): asserts job is T {
  if (!job || (job.userId !== userId && !isAdmin)) throw jobNotFound();
}

export async function findAccessibleJob(options: {
  jobId: string;
  userId: string;
  isAdmin?: boolean;
  client?: Tx;
}): Promise<AccessibleJob> {
  const { jobId, userId, isAdmin = false, client = db() } = options;
  if (!isUuid(jobId)) throw jobNotFound();
  const job = await client.job.findUnique({
    where: { id: jobId },
    select: { id: true, userId: true, documentId: true, fileName: true, status: true, sentenceCount: true, format: true },
  });
  assertJobVisible(job, userId, isAdmin);
  return job!;
}
