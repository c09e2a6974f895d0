// Closes a job's bill: it is charged for the pages its finished chunks own
// and gets the rest of what it reserved back. Safe to call any number of
// times (merge retries, a retried job settling again): the job row is locked,
// and what was already refunded is subtracted, so a second call with nothing
// new to refund writes nothing. A job retried later reserves more
// (creditsReserved grows) and settles again with the same arithmetic.
//
// Lock order: the job row here, then the owner's row (the refund's balance
// update). Every transaction that locks both takes them in this order
// (merge, delete, retry), so none can wait on another in a cycle.
import type { Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { Engine } from "@/lib/generated/prisma/client";
import { priceJob } from "@/lib/credits/price-job";

export interface Settlement {
  /** Credits this job costs in total so far. */
  charged: number;
  /** Credits given back by this call (0 when nothing was left to refund). */
  refunded: number;
}

export async function settleJobCredits(tx: Tx, jobId: string): Promise<Settlement> {
  const [job] = await tx.$queryRaw<
    {
      userId: string;
      fileName: string;
      pageCount: number;
      engine: Engine;
      creditsReserved: number;
      creditsRefunded: number;
      model: string | null;
    }[]
  >`select "userId", "fileName", "pageCount", engine, model, "creditsReserved", "creditsRefunded"
    from "Job" where id = ${jobId}::uuid for update`;
  if (!job) throw new AppError("not_found", "This job does not exist.");

  const [owned] = await tx.$queryRaw<{ pages: bigint | null }[]>`
    select sum("ownedLast" - "ownedFirst" + 1) as pages
    from "Chunk" where "jobId" = ${jobId}::uuid and status = 'done'`;
  const pages = Number(owned?.pages ?? 0);
  // Never charge beyond what was taken, even if the rates changed since.
  const charged = Math.min(priceJob({ pageCount: pages, engine: job.engine, model: job.model, unlisted: "dearest" }), job.creditsReserved);
  const due = job.creditsReserved - charged - job.creditsRefunded;

  let refunded = 0;
  if (due > 0) {
    const inserted = await tx.creditLedger.createMany({
      data: [
        {
          userId: job.userId,
          kind: "refund",
          amount: due,
          jobId,
          reason: `Refund for ${job.fileName}: ${pages} of ${job.pageCount} pages processed`,
          dedupeKey: `refund:${jobId}:${job.creditsRefunded + due}`,
        },
      ],
      skipDuplicates: true,
    });
    if (inserted.count === 1) {
      await tx.user.update({ where: { id: job.userId }, data: { creditBalance: { increment: due } } });
      refunded = due;
    }
  }

  await tx.job.update({
    where: { id: jobId },
    data: { creditsCharged: charged, creditsRefunded: { increment: refunded }, settledAt: new Date() },
  });
  return { charged, refunded };
}
