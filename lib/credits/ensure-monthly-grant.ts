// Every user gets MONTHLY_CREDITS once per calendar month (UTC), granted
// lazily the first time they need credits that month. Unused credits carry
// over. The ledger's unique dedupeKey makes the grant happen once however
// many requests race: the insert is `on conflict do nothing`, and only the
// request whose row went in adds the credits to the cached balance.
import type { Tx } from "@/lib/db/prisma";
import { env } from "@/lib/env";

/** "2026-11" for any instant in November 2026, UTC. */
export function grantMonth(now: Date): string {
  return now.toISOString().slice(0, 7);
}

export function grantDedupeKey(userId: string, now: Date): string {
  return `grant:${userId}:${grantMonth(now)}`;
}

/** Returns the credits granted by this call: MONTHLY_CREDITS, or 0 when this month's grant exists. */
export async function ensureMonthlyGrant(tx: Tx, userId: string, now: Date = new Date()): Promise<number> {
  const amount = env().MONTHLY_CREDITS;
  const inserted = await tx.creditLedger.createMany({
    data: [
      {
        userId,
        kind: "grant",
        amount,
        reason: `Monthly credits for ${grantMonth(now)}`,
        dedupeKey: grantDedupeKey(userId, now),
        createdAt: now,
      },
    ],
    skipDuplicates: true,
  });
  if (inserted.count === 0) return 0;
  await tx.user.update({ where: { id: userId }, data: { creditBalance: { increment: amount } } });
  return amount;
}
