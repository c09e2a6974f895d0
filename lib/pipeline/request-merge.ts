import type { Tx } from "@/lib/db/prisma";
import { sendJob } from "@/lib/queue/boss";

/**
 * Queues the book's merge. Whoever finishes the last chunk calls this; the
 * queue's stately policy and singleton key keep at most one merge waiting per
 * book, and the merge itself is idempotent, so a second call is harmless.
 */
export async function requestMerge(tx: Tx, jobId: string): Promise<void> {
  await tx.job.update({ where: { id: jobId }, data: { step: "merging" } });
  await sendJob("merge", { jobId }, { tx });
}
