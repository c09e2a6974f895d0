import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/prisma";
import type { PublicUser } from "@/lib/users/create-user";

/** The user whose email and password match, or null; unknown emails take as long as wrong passwords. */
export async function authenticateUser(email: string, password: string): Promise<PublicUser | null> {
  const user = await db().user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!(await verifyPassword(password, user?.passwordHash))) return null;
  if (!user) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
