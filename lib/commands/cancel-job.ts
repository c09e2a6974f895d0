// The cancel command: a user stops one of their books. Finished chunks'
// sentences stay readable and unused credits go back once merge closes it.
import type { ActingUser } from "@/lib/commands/acting-user";
import { findAccessibleJob } from "@/lib/jobs/find-accessible-job";
import { stopJob, type StopResult } from "@/lib/pipeline/stop-job";

export async function cancelJob(options: ActingUser & { jobId: string }): Promise<StopResult> {
  const job = await findAccessibleJob(options);
  return stopJob(job.id);
}
