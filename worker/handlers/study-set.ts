import type { Job } from "pg-boss";
import { queues, type Payload } from "@/lib/jobs/queues";
import { runStudySet } from "@/lib/study-sets/run-study-set";

export async function handleStudySet([job]: Job<Payload<"studySet">>[]): Promise<void> {
  const { studySetId } = queues.studySet.payload.parse(job.data);
  await runStudySet(studySetId);
}
