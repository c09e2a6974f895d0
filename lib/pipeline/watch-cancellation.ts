import { db } from "@/lib/db/prisma";

/**
 * Aborts `controller` when the book's job leaves the running state (cancel
 * requested, or deleted). pg-boss cannot stop a running handler, so the
 * handler polls the job row and aborts its engine call itself.
 */
export function watchCancellation(jobId: string, controller: AbortController, intervalMs = 500) {
  const timer = setInterval(async () => {
    try {
      const job = await db().job.findUnique({ where: { id: jobId }, select: { status: true } });
      if (!job || job.status === "cancelling" || job.status === "cancelled") {
        controller.abort();
      }
    } catch {
      // A failed poll says nothing about the job; the next one will tell.
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
