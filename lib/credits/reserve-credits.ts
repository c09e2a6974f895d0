// Takes a job's price out of the balance before any work starts. One guarded
// UPDATE decides: two concurrent reservations can never both spend the same
// credits, and the balance never goes negative (a CHECK constraint backs this).
import type { Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";

export async function reserveCredits(
  tx: Tx,
  options: { userId: string; jobId: string; amount: number; reason: string },
): Promise<void> {
  const { userId, jobId, amount, reason } = options;
  if (!Number.isInteger(amount) || amount < 0) {
    throw new RangeError(`amount must be a whole number ≥ 0, got ${amount}`);
  }
  const taken = await tx.user.updateMany({
    where: { id: userId, creditBalance: { gte: amount } },
    data: { creditBalance: { decrement: amount } },
  });
  if (taken.count === 0) {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { creditBalance: true } });
    if (!user) throw new AppError("not_found", "This account no longer exists.");
    const balance = user.creditBalance;
    throw new AppError("insufficient_credits", `This book costs ${amount} credits; you have ${balance}.`, {
      price: amount,
      balance,
      shortfall: amount - balance,
    });
  }
  await tx.creditLedger.create({ data: { userId, kind: "reserve", amount: -amount, jobId, reason } });
  await tx.job.update({ where: { id: jobId }, data: { creditsReserved: { increment: amount } } });
}
