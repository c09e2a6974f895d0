// A manual correction of a balance (support, admin, local command-line runs),
// written to the ledger like every other movement: one signed `adjust` row and
// the same change to the cached balance. A negative adjustment is guarded like
// a reservation and cannot take the balance below zero.
import type { Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";

export async function adjustCredits(
  tx: Tx,
  options: { userId: string; amount: number; reason: string },
): Promise<void> {
  const { userId, amount, reason } = options;
  if (!Number.isInteger(amount)) throw new RangeError(`amount must be a whole number, got ${amount}`);
  if (amount === 0) return;
  const changed = await tx.user.updateMany({
    where: amount < 0 ? { id: userId, creditBalance: { gte: -amount } } : { id: userId },
    data: { creditBalance: { increment: amount } },
  });
  if (changed.count === 0) {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { creditBalance: true } });
    if (!user) throw new AppError("not_found", "This account no longer exists.");
    const balance = user.creditBalance;
    throw new AppError(
      "insufficient_credits",
      `Cannot remove ${-amount} credits; the balance is ${balance}.`,
      { price: -amount, balance, shortfall: -amount - balance },
    );
  }
  await tx.creditLedger.create({ data: { userId, kind: "adjust", amount, reason } });
}
