import { db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";

/** Gives an existing account a role (`npm run user:admin -- EMAIL`); its sessions pick it up at their next check. */
export async function setUserRole(options: { email: string; role: "user" | "admin" }): Promise<{ id: string }> {
  const email = options.email.trim().toLowerCase();
  const updated = await db().user.updateManyAndReturn({
    where: { email },
    data: { role: options.role },
    select: { id: true },
  });
  if (!updated[0]) throw new AppError("not_found", `No account uses ${email}. Sign up first, then run this again.`);
  return updated[0];
}
