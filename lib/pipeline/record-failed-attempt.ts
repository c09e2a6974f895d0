// Tokens a failed attempt consumed are still on the provider's bill, whatever
// stopped it (an engine error, a cancel, an expiry, a database error after
// the answers came back): they are kept on the chunk and the job, with one
// GeminiRequest row per request, and they count against the book's token
// allowance (GEMINI_MAX_TOKENS_PER_PAGE × its pages). Once a book has used
// it, a chunk that fails stops for good instead of trying again, so a book
// whose pages keep failing cannot run up paid calls without end (each chunk
// attempt can make several requests of GEMINI_MAX_RETRIES + 1 calls each).
// Checked here, where a failed attempt's usage arrives, because only failed
// attempts are free to the user: finished chunks are paid for by the page.
// The same goes for the owner's daily budget of unpaid tokens
// (GEMINI_UNPAID_TOKENS_PER_USER_DAY, lib/jobs/unpaid-gemini-tokens.ts),
// which a new upload does not reset.
import { db } from "@/lib/db/prisma";
import type { GeminiUsage } from "@/lib/engines/gemini-call";
import { env } from "@/lib/env";
import { unpaidGeminiBudgetRefusal } from "@/lib/jobs/unpaid-gemini-tokens";
import { recordGeminiRequests } from "@/lib/pipeline/record-gemini-requests";

/**
 * Records the tokens of a failed attempt (`usage`: every request it made,
 * filled as each ended); returns why the chunk must not be tried again (the
 * book is over its allowance), or null.
 */
export async function recordFailedAttempt(
  jobId: string,
  chunkId: string,
  chunkIndex: number,
  usage: GeminiUsage,
): Promise<string | null> {
  const { records } = usage;
  const tokens = {
    promptTokens: { increment: usage.promptTokens },
    outputTokens: { increment: usage.outputTokens },
  };
  if (usage.promptTokens > 0 || usage.outputTokens > 0 || records.length > 0) {
    await db().$transaction(async (tx) => {
      // updateMany: a job deleted meanwhile is no error here.
      const moved = await tx.job.updateMany({ where: { id: jobId }, data: tokens });
      if (moved.count === 0) return;
      await tx.chunk.updateMany({ where: { id: chunkId }, data: tokens });
      await recordGeminiRequests(tx, jobId, chunkIndex, records);
    });
  }
  const job = await db().job.findUnique({
    where: { id: jobId },
    select: { promptTokens: true, outputTokens: true, pageCount: true, engine: true, userId: true },
  });
  if (!job) return null;
  const allowance = job.pageCount * env().GEMINI_MAX_TOKENS_PER_PAGE;
  const used = job.promptTokens + job.outputTokens;
  if (used < allowance) {
    if (job.engine !== "gemini") return null;
    const refusal = await unpaidGeminiBudgetRefusal(db(), { userId: job.userId });
    return refusal ? `Stopped: ${refusal.message} These pages' credits are refunded.` : null;
  }
  return (
    `Stopped: this book has used ${used.toLocaleString("en")} Gemini tokens, its allowance of ` +
    `${allowance.toLocaleString("en")}, and these pages kept failing. Their credits are refunded; retry them later.`
  );
}
