// Creates the demo accounts a newcomer signs in with (see README).
import { hashPassword } from "@/lib/auth/password";
import { db, disconnectDb } from "@/lib/db/prisma";

export const demoAccounts = [
  { email: "demo@example.com", password: "demo-password-1", role: "user" as const },
  { email: "admin@example.com", password: "admin-password-1", role: "admin" as const },
];

export async function seedDemoUsers(): Promise<void> {
  for (const account of demoAccounts) {
    await db().user.upsert({
      where: { email: account.email },
      update: {},
      create: {
        email: account.email,
        passwordHash: await hashPassword(account.password),
        role: account.role,
        name: account.role === "admin" ? "Admin" : "Demo",
      },
    });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await seedDemoUsers();
  await disconnectDb();
  console.log(`Seeded ${demoAccounts.map((account) => account.email).join(", ")}`);
}
