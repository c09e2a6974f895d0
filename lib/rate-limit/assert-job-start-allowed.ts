// Per-user limits on starting work: at most JOB_CREATE_PER_MINUTE jobs started
// (or retried) in any 60 seconds, and at most MAX_RUNNING_JOBS_PER_USER books
// in progress at once. Starts are counted from `reserve` ledger rows, which
// every job creation and retry writes and which outlive a deleted job, so
// deleting jobs does not reset the limit. Run it inside the creating
// transaction after locking the user row to make the limits exact. Before
// the PDF is read, the user's uploads still being read (`uploadsInFlight`)
// count as started books too: otherwise thirty parallel uploads all pass this
// check, are all inspected, and only then all but a few are refused.
import type { Tx } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { unfinishedJobStatuses } from "@/lib/jobs/job-states";

const windowMs = 60_000;

export async function assertJobStartAllowed(
  client: Tx,
  options: { userId: string; now?: Date; uploadsInFlight?: number },
): Promise<void> {
  const { userId, now = new Date(), uploadsInFlight = 0 } = options;
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

  if (recent.length + uploadsInFlight >= config.JOB_CREATE_PER_MINUTE) {
    const oldest = recent[0]?.createdAt.getTime();
    const retryAfterSeconds =
      oldest === undefined ? 5 : Math.max(1, Math.ceil((oldest + windowMs - now.getTime()) / 1000));
    throw new AppError(
      "rate_limited",
      `You can start ${config.JOB_CREATE_PER_MINUTE} books a minute. Try again in ${retryAfterSeconds} s.`,
      { retryAfterSeconds, limit: config.JOB_CREATE_PER_MINUTE },
    );
  }
  if (running + uploadsInFlight >= config.MAX_RUNNING_JOBS_PER_USER) {
    const uploads = uploadsInFlight > 0 ? ` and ${uploadsInFlight} being uploaded` : "";
    throw new AppError(
      "rate_limited",
      `You already have ${running} books in progress${uploads} (the limit is ${config.MAX_RUNNING_JOBS_PER_USER}). ` +
        "Wait for one to finish or cancel it.",
      { running, uploadsInFlight, limit: config.MAX_RUNNING_JOBS_PER_USER, retryAfterSeconds: uploadsInFlight > 0 ? 5 : undefined },
    );
  }
}
