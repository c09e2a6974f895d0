import { db } from "@/lib/db/prisma";
import type { PublicUser } from "@/lib/users/create-user";

const select = { id: true, email: true, name: true, role: true } as const;

/**
 * The account for a Google sign-in: the one already linked to this Google id,
 * or a new one. Null when Google has not verified the email, or when the
 * email belongs to an account that is not linked to this Google id: password
 * sign-up never proves the address, so linking by email would hand that
 * account to whoever controls the Google identity (and vice versa).
 */
export async function upsertGoogleUser(profile: {
  googleId: string;
  email: string;
  emailVerified: boolean;
  name?: string | null;
}): Promise<PublicUser | null> {
  if (!profile.emailVerified) return null;
  const linked = await db().user.findUnique({ where: { googleId: profile.googleId }, select });
  if (linked) return linked;
  const email = profile.email.trim().toLowerCase();
  const created = await db().user.createManyAndReturn({
    data: [{ email, googleId: profile.googleId, name: profile.name ?? null }],
    skipDuplicates: true,
    select,
  });
  return created[0] ?? null;
}
