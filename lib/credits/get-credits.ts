// The credits page: balance, this month's grant and the ledger, newest first.
// Reading it grants the month's credits first, so a new user sees them at once.
import { db } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { Prisma, type LedgerKind } from "@/lib/generated/prisma/client";
import { ensureMonthlyGrant, grantDedupeKey } from "@/lib/credits/ensure-monthly-grant";

export interface LedgerEntry {
  id: string;
  kind: LedgerKind;
  amount: number;
  jobId: string | null;
  reason: string;
  createdAt: string;
}

export interface CreditsSummary {
  balance: number;
  /** Credits every user receives each calendar month. */
  monthlyGrant: number;
  /** Credits granted for the current month (0 only if the grant was somehow skipped). */
  grantedThisMonth: number;
  /** When the next monthly grant becomes available (first day of next month, UTC). */
  nextGrantAt: string;
  ledger: LedgerEntry[];
  nextCursor: string | null;
}

// The cursor is the last row's (createdAt, id), so pages follow the
// (userId, createdAt desc) index and stay stable while new rows arrive.
function encodeCursor(createdAt: Date, id: bigint): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: bigint } {
  const [stamp, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(stamp ?? "");
  const year = createdAt.getUTCFullYear();
  // Ledger ids are bigint: more than 18 digits could overflow it in the query.
  if (!id || !/^\d{1,18}$/.test(id) || Number.isNaN(createdAt.getTime()) || year < 1 || year > 9999) {
    throw new AppError("bad_request", "The cursor is not valid; start from the first page.");
  }
  return { createdAt, id: BigInt(id) };
}

export async function getCredits(options: {
  userId: string;
  cursor?: string;
  limit?: number;
  now?: Date;
}): Promise<CreditsSummary> {
  const { userId, now = new Date() } = options;
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const after = options.cursor ? decodeCursor(options.cursor) : null;

  await db().$transaction(async (tx) => {
    const exists = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!exists) throw new AppError("not_found", "This account no longer exists.");
    await ensureMonthlyGrant(tx, userId, now);
  });

  const where: Prisma.CreditLedgerWhereInput = { userId };
  if (after) {
    where.OR = [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }];
  }
  const [user, grant, rows] = await Promise.all([
    db().user.findUniqueOrThrow({ where: { id: userId }, select: { creditBalance: true } }),
    db().creditLedger.findUnique({
      where: { dedupeKey: grantDedupeKey(userId, now) },
      select: { amount: true },
    }),
    db().creditLedger.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit + 1 }),
  ]);

  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return {
    balance: user.creditBalance,
    monthlyGrant: env().MONTHLY_CREDITS,
    grantedThisMonth: grant?.amount ?? 0,
    nextGrantAt: nextMonth.toISOString(),
    ledger: page.map((row) => ({
      id: row.id.toString(),
      kind: row.kind,
      amount: row.amount,
      jobId: row.jobId,
      reason: row.reason,
      createdAt: row.createdAt.toISOString(),
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}
