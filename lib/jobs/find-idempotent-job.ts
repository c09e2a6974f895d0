// `Idempotency-Key` on POST /api/jobs: a client that resends the same upload
// with the same key (a network retry) within 24 hours gets the job the first
// request created, and nothing more is stored or reserved. createJob checks
// once before the PDF is parsed and again inside its transaction, after it
// holds the user's row lock, so concurrent duplicates also end on one job.
import type { Db, Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { jobSummarySelect, toJobSummary, type JobSummary } from "@/lib/jobs/to-job-summary";

export const idempotencyWindowMs = 24 * 3600 * 1000;

/** Printable ASCII, as the IETF draft and Stripe-style clients send it (UUIDs and the like). */
export function parseIdempotencyKey(header: string | null): string | undefined {
  if (header === null) return undefined;
  const key = header.trim();
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new AppError("bad_request", "The Idempotency-Key header must be 1 to 255 printable ASCII characters.");
  }
  return key;
}

export async function findIdempotentJob(
  client: Db | Tx,
  options: { userId: string; key: string; now?: Date },
): Promise<JobSummary | null> {
  const { userId, key, now = new Date() } = options;
  const found = await client.idempotencyKey.findUnique({
    where: { userId_key: { userId, key } },
    select: { createdAt: true, job: { select: jobSummarySelect } },
  });
  if (!found || now.getTime() - found.createdAt.getTime() >= idempotencyWindowMs) return null;
  return toJobSummary(found.job);
}

/** Records the key for the job just created (replacing an expired use of the same key). */
export async function recordIdempotencyKey(
  tx: Tx,
  options: { userId: string; key: string; jobId: string },
): Promise<void> {
  const { userId, key, jobId } = options;
  await tx.idempotencyKey.upsert({
    where: { userId_key: { userId, key } },
    create: { userId, key, jobId },
    update: { jobId, createdAt: new Date() },
  });
}
