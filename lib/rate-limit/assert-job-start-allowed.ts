// Per-user limits on starting work: at most JOB_CREATE_PER_MINUTE jobs started
// (or retried) in any 60 seconds, and at most MAX_RUNNING_JOBS_PER_USER books
// in progress at once. Starts are counted from `reserve` ledger rows, which
// every job creation and retry writes and which outlive a deleted job, so
// deleting jobs does not reset the limit. Run it inside the creating
// transaction after locking the user row to make the limits exact.
import type { Tx } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { unfinishedJobStatuses } from "@/lib/jobs/job-states";

const windowMs = 60_000;

export async function assertJobStartAllowed(
  client: Tx,
  options: { userId: string; now?: Date },
): Promise<void> {
  const { userId, now = new Date() } = options;
  const config = env();
  const since = new Date(now.getTime() - windowMs);

  const [recent, running] = await Promise.all([
    client.creditLedger.findMany({
      where: { userId, kind: "reserve", createdAt: { gt: since } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
      take: config.JOB_CREATE_PER_MINUTE,
    }),
    client.job.count({ where: { userId, status: { in: unfinishedJobStatuses } } }),
  ]);

  if (recent.length >= config.JOB_CREATE_PER_MINUTE) {
    const oldest = recent[0]!.createdAt.getTime();
    const retryAfterSeconds = Math.max(1, Math.ceil((oldest + windowMs - now.getTime()) / 1000));
    throw new AppError(
      "rate_limited",
      `You can start ${config.JOB_CREATE_PER_MINUTE} books a minute. Try again in ${retryAfterSeconds} s.`,
      { retryAfterSeconds, limit: config.JOB_CREATE_PER_MINUTE },
    );
  }
  if (running >= config.MAX_RUNNING_JOBS_PER_USER) {
    throw new AppError(
      "rate_limited",
      `You already have ${running} books in progress (the limit is ${config.MAX_RUNNING_JOBS_PER_USER}). ` +
        "Wait for one to finish or cancel it.",
      { running, limit: config.MAX_RUNNING_JOBS_PER_USER },
    );
  }
}
