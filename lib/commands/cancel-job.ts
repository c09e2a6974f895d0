// The cancel command: a user stops one of their books. Finished chunks'
// sentences stay readable and unused credits go back once merge closes it.
import type { ActingUser } from "@/lib/commands/acting-user";
import { findAccessibleJob } from "@/lib/jobs/find-accessible-job";
import { noteJobChanged } from "@/lib/jobs/job-changes";
import { stopJob, type StopResult } from "@/lib/pipeline/stop-job";

export async function cancelJob(options: ActingUser & { jobId: string }): Promise<StopResult> {
  const job = await findAccessibleJob(options);
  try {
    return await stopJob(job.id);
  } finally {
    // Committed (or not): this process's polls of the job read it again (job-changes.ts).
    noteJobChanged(job.id);
  }
}
