// The `plan` step: writes the book's Chunk rows and queues the first window.
import { lockJob } from "@/lib/db/lock-rows";
import { db } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { dispatchChunks } from "@/lib/pipeline/dispatch-chunks";
import { planChunks } from "@/lib/pipeline/plan-chunks";
import { requestMerge } from "@/lib/pipeline/request-merge";

export async function planJob(jobId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    // Locked before it is read: a cancel committed between the read and the
    // update below would otherwise be overwritten by "running", and the
    // cancelled book would run to the end.
    if (!(await lockJob(tx, jobId))) return log.warn({ jobId }, "plan: job no longer exists");
    const job = await tx.job.findUniqueOrThrow({ where: { id: jobId } });
    if (job.status === "cancelling") {
      // Cancelled before any chunk existed: let merge close it and refund.
      return requestMerge(tx, jobId);
    }
    if (job.status !== "queued") return; // Planned already (a retried plan job).

    const plans = planChunks({
      pageCount: job.pageCount,
      chunkPages: env().CHUNK_PAGES,
      overlapPages: env().CHUNK_OVERLAP_PAGES,
    });
    await tx.chunk.createMany({
      data: plans.map((plan) => ({ jobId, ...plan })),
      skipDuplicates: true,
    });
    await tx.job.update({
      where: { id: jobId },
      data: { status: "running", step: "processing", chunksTotal: plans.length, startedAt: new Date() },
    });
    await dispatchChunks(tx, jobId);
    log.info({ jobId, chunks: plans.length }, "job planned");
  });
}
