import type { Job } from "pg-boss";
import { queues, type Payload } from "@/lib/jobs/queues";
import { planJob } from "@/lib/pipeline/plan-job";

export async function handlePlan([job]: Job<Payload<"plan">>[]): Promise<void> {
  const { jobId } = queues.plan.payload.parse(job.data);
  await planJob(jobId);
}
