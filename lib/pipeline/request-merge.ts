import type { Tx } from "@/lib/db/prisma";
import { unfinishedJobStatuses } from "@/lib/jobs/job-states";
import { sendJob } from "@/lib/queue/boss";

/**
 * Queues the book's merge. Whoever finishes the last chunk calls this; the
 * queue's stately policy and singleton key keep at most one merge waiting per
 * book, and the merge itself is idempotent, so a second call is harmless.
 * A job that has already closed keeps its final step: a late caller (a chunk
 * handler racing a cancel, the sweep) must not make it read `merging` again.
 */
export async function requestMerge(tx: Tx, jobId: string): Promise<void> {
  const moved = await tx.job.updateMany({
    where: { id: jobId, status: { in: unfinishedJobStatuses } },
    data: { step: "merging" },
  });
  if (moved.count === 0) return;
  await sendJob("merge", { jobId }, { tx });
}
