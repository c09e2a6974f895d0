// One row per Gemini request, failed attempts included: the job page and the
// admin view add them up. Written with the chunk's result when it finishes,
// and with a failed attempt's usage when it does not.
import type { Tx } from "@/lib/db/prisma";
import type { GeminiTokenRecord } from "@/lib/engines/gemini-call";

export async function recordGeminiRequests(
  tx: Tx,
  jobId: string,
  chunkIndex: number,
  records: readonly GeminiTokenRecord[],
): Promise<void> {
  if (records.length === 0) return;
  await tx.geminiRequest.createMany({
    data: records.map((record) => ({
      jobId,
      chunkIndex,
      purpose: record.purpose,
      model: record.model,
      promptTokens: record.promptTokens,
      outputTokens: record.outputTokens,
      code: record.code,
    })),
  });
}
