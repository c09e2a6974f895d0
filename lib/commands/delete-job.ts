// The delete command: a user deletes a book and everything made from it. An
// unfinished job is stopped first, and the job is settled in the deleting
// transaction, so credits for pages never processed go back to the user
// before the job disappears. The ledger keeps its rows (their jobId becomes
// null). The stored PDF goes too unless another of the user's jobs still uses it.
import type { ActingUser } from "@/lib/commands/acting-user";
import { db } from "@/lib/db/prisma";
import { settleJobCredits } from "@/lib/credits/settle-job-credits";
import { findAccessibleJob, jobNotFound, type AccessibleJob } from "@/lib/jobs/find-accessible-job";
import { isJobUnfinished } from "@/lib/jobs/job-states";
import { stopJob } from "@/lib/pipeline/stop-job";
import { lockJob, lockUser } from "@/lib/db/lock-rows";
import { noteJobChanged } from "@/lib/jobs/job-changes";

export async function deleteJob(options: ActingUser & { jobId: string }): Promise<void> {
  const job = await findAccessibleJob(options);
  try {
    await stopAndDelete(job);
  } finally {
    // Committed (or not): this process's polls of the job read it again (job-changes.ts).
    noteJobChanged(job.id);
  }
}

async function stopAndDelete(job: AccessibleJob): Promise<void> {
  if (isJobUnfinished(job.status)) {
    await stopJob(job.id);
  }

  await db().$transaction(
    async (tx) => {
      // Lock order, the same in every transaction that takes both: the job
      // row, then its owner's row (merge, retry and settlement do the same;
      // creation locks only the user, its job being new). Taking them the
      // other way round here deadlocked against a merge settling this job.
      if (!(await lockJob(tx, job.id))) throw jobNotFound(); // Deleted by a concurrent request.
      // The owner's row serialises this with job creation, which may be
      // reusing the same stored PDF at this moment.
      await lockUser(tx, job.userId);
      await settleJobCredits(tx, job.id);
      await tx.job.delete({ where: { id: job.id } });
      await tx.document.deleteMany({ where: { id: job.documentId, jobs: { none: {} } } });
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}
