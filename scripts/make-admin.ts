// npm run user:admin -- EMAIL – makes an existing account an administrator
// (DATABASE_URL, or the embedded database while `npm start` runs).
import { disconnectDb } from "@/lib/db/prisma";
import { isAppError } from "@/lib/errors";
import { setUserRole } from "@/lib/users/set-user-role";

const email = process.argv[2];
if (!email) {
  console.error("Usage: npm run user:admin -- someone@example.com");
  process.exit(1);
}
try {
  await setUserRole({ email, role: "admin" });
  console.log(`${email} is now an administrator.`);
} catch (error) {
  console.error(isAppError(error) ? error.message : error);
  process.exitCode = 1;
} finally {
  await disconnectDb();
}
