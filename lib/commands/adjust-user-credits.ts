// The admin command that corrects a user's balance: one `adjust` ledger row
// whose reason says why and which administrator, and the same change to the
// cached balance. The acting user is the administrator; `accountId` is the
// account whose balance changes.
import { assertAdmin, type ActingUser } from "@/lib/commands/acting-user";
import { db } from "@/lib/db/prisma";
import { adjustCredits } from "@/lib/credits/adjust-credits";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/validations/uuid";

export async function adjustUserCredits(
  options: ActingUser & { accountId: string; amount: number; reason: string },
): Promise<{ balance: number }> {
  assertAdmin(options);
  const { accountId: userId, amount, userId: adminId } = options;
  const reason = options.reason.trim();
  if (!isUuid(userId)) throw new AppError("not_found", "This account does not exist.");
  if (amount === 0) throw new AppError("invalid_input", "An adjustment must add or remove at least one credit.");
  return db().$transaction(async (tx) => {
    const admin = await tx.user.findUniqueOrThrow({ where: { id: adminId }, select: { email: true } });
    await adjustCredits(tx, { userId, amount, reason: `${reason} (adjusted by ${admin.email})` });
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { creditBalance: true } });
    return { balance: user.creditBalance };
  });
}
