import { db } from "@/lib/db/prisma";
import type { PublicUser } from "@/lib/users/create-user";

/** Finds or creates the account for a Google sign-in, linking by email. */
export async function upsertGoogleUser(profile: {
  googleId: string;
  email: string;
  name?: string | null;
}): Promise<PublicUser> {
  const email = profile.email.toLowerCase();
  return db().user.upsert({
    where: { email },
    update: { googleId: profile.googleId },
    create: { email, googleId: profile.googleId, name: profile.name ?? null },
    select: { id: true, email: true, name: true, role: true },
  });
}
