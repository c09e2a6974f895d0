// A user's daily budget of unpaid Gemini tokens (GEMINI_UNPAID_TOKENS_PER_USER_DAY).
// The per-book allowance (GEMINI_MAX_TOKENS_PER_PAGE) resets with every new
// upload; this one follows the user: the tokens of requests made in the last
// 24 hours for pages nobody paid for, i.e. whose chunk is not done (it failed
// and was refunded, or it is still trying). Past it, new Gemini books and
// retries are refused (429) and a failing chunk is not tried again.
//
// Deleting a book deletes its GeminiRequest rows, so its tokens leave the
// count; the start rate (JOB_CREATE_PER_MINUTE) still bounds how fast that
// can be repeated.
import type { Tx } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

const dayMs = 24 * 60 * 60 * 1000;

export interface UnpaidGeminiTokens {
  tokens: number;
  /** When the oldest counted request leaves the 24-hour window. */
  oldestAt: Date | null;
}

export async function countUnpaidGeminiTokens(
  client: Tx,
  options: { userId: string; now?: Date },
): Promise<UnpaidGeminiTokens> {
  const since = new Date((options.now ?? new Date()).getTime() - dayMs);
  const [row] = await client.$queryRaw<Array<{ tokens: bigint | null; oldest: Date | null }>>`
    select sum(r."promptTokens" + r."outputTokens")::bigint as tokens, min(r."createdAt") as oldest
    from "GeminiRequest" r
    join "Job" j on j.id = r."jobId"
    left join "Chunk" c on c."jobId" = r."jobId" and c.index = r."chunkIndex"
    where j."userId" = ${options.userId}::uuid
      and r."createdAt" > ${since}
      and (c.status is null or c.status::text <> 'done')`;
  return { tokens: Number(row?.tokens ?? 0), oldestAt: row?.oldest ?? null };
}

/** The sentence a user reads once the budget is spent; null while some is left. */
export async function unpaidGeminiBudgetRefusal(
  client: Tx,
  options: { userId: string; now?: Date },
): Promise<{ message: string; retryAfterSeconds: number } | null> {
  const now = options.now ?? new Date();
  const budget = env().GEMINI_UNPAID_TOKENS_PER_USER_DAY;
  const { tokens, oldestAt } = await countUnpaidGeminiTokens(client, { userId: options.userId, now });
  if (tokens < budget) return null;
  const retryAfterSeconds = Math.max(1, Math.ceil(((oldestAt?.getTime() ?? now.getTime()) + dayMs - now.getTime()) / 1000));
  const hours = Math.ceil(retryAfterSeconds / 3600);
  return {
    message:
      `Gemini has spent ${tokens.toLocaleString("en")} tokens on your pages that failed in the last 24 hours, ` +
      `past the daily limit of ${budget.toLocaleString("en")}. Use the offline engine, or try Gemini again ` +
      `in ${hours} hour${hours === 1 ? "" : "s"}.`,
    retryAfterSeconds,
  };
}

/** Throws 429 `gemini_budget_spent` (with Retry-After) once the user's budget is spent. */
export async function assertGeminiBudgetLeft(client: Tx, options: { userId: string; now?: Date }): Promise<void> {
  const refusal = await unpaidGeminiBudgetRefusal(client, options);
  if (refusal) {
    throw new AppError("gemini_budget_spent", refusal.message, {
      retryAfterSeconds: refusal.retryAfterSeconds,
      limit: env().GEMINI_UNPAID_TOKENS_PER_USER_DAY,
    });
  }
}
