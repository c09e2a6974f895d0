import type { JobWithMetadata } from "pg-boss";
import { queues, type Payload } from "@/lib/jobs/queues";
import { failAbandonedChunk, processChunk } from "@/lib/pipeline/process-chunk";

export async function handleChunk([job]: JobWithMetadata<Payload<"chunk">>[]): Promise<void> {
  const { jobId, chunkId } = queues.chunk.payload.parse(job.data);
  await processChunk({
    jobId,
    chunkId,
    signal: job.signal,
    willRetry: job.retryCount < job.retryLimit,
  });
}

export async function handleAbandonedChunk([job]: JobWithMetadata<Payload<"chunk">>[]): Promise<void> {
  const { jobId, chunkId } = queues.chunkAbandoned.payload.parse(job.data);
  await failAbandonedChunk(jobId, chunkId);
}
