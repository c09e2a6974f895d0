import type { Tx } from "@/lib/db/prisma";
import { queues, singletonFor } from "@/lib/jobs/queues";
import { boss } from "@/lib/queue/boss";
import { transactionDb } from "@/lib/queue/transaction-db";

/**
 * Queues the book's merge. Whoever finishes the last chunk calls this; the
 * queue's stately policy keeps at most one merge waiting per book, and the
 * merge itself is idempotent, so a second call is harmless.
 */
export async function requestMerge(tx: Tx, jobId: string): Promise<void> {
  await tx.job.update({ where: { id: jobId }, data: { step: "merging" } });
  await (await boss()).send(queues.merge.name, queues.merge.payload.parse({ jobId }), {
    ...singletonFor(jobId),
    db: transactionDb(tx),
  });
}
