// A manual correction of a balance (support, or local command-line runs),
// written to the ledger like every other movement.
import type { Tx } from "@/lib/db/prisma";

export async function adjustCredits(
  tx: Tx,
  options: { userId: string; amount: number; reason: string },
): Promise<void> {
  const { userId, amount, reason } = options;
  await tx.creditLedger.create({ data: { userId, kind: "adjust", amount, reason } });
  await tx.user.update({ where: { id: userId }, data: { creditBalance: { increment: amount } } });
}
