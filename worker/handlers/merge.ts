import type { Job } from "pg-boss";
import { queues, type Payload } from "@/lib/jobs/queues";
import { mergeJob } from "@/lib/pipeline/merge-job";

export async function handleMerge([job]: Job<Payload<"merge">>[]): Promise<void> {
  const { jobId } = queues.merge.payload.parse(job.data);
  await mergeJob(jobId);
}
