// Creates the demo account a newcomer signs in with (see README). Only a
// plain user, and only on the embedded database outside production: a known
// password must never open a real deployment, and no admin is ever seeded
// (`npm run user:admin -- EMAIL` promotes an account).
import { hashPassword } from "@/lib/auth/password";
import { db, disconnectDb } from "@/lib/db/prisma";
import { env, type Env } from "@/lib/env";
import { demoAccount } from "@/lib/users/demo-account";

export { demoAccount };

export function shouldSeedDemoUser(options: { embedded: boolean; config?: Env }): boolean {
  const config = options.config ?? env();
  return config.SEED_DEMO_USER && options.embedded && config.NODE_ENV !== "production";
}

export async function seedDemoUser(): Promise<void> {
  await db().user.upsert({
    where: { email: demoAccount.email },
    update: {},
    create: {
      email: demoAccount.email,
      passwordHash: await hashPassword(demoAccount.password),
      role: "user",
      name: "Demo",
    },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // npm run db:seed targets DATABASE_URL or the embedded server: embedded only.
  if (!shouldSeedDemoUser({ embedded: !env().DATABASE_URL })) {
    console.error("The demo account is only seeded on the embedded database outside production.");
    process.exit(1);
  }
  await seedDemoUser();
  await disconnectDb();
  console.log(`Seeded ${demoAccount.email}`);
}
