// npm run db:migrate – applies prisma/migrations to DATABASE_URL (offline).
import { env } from "@/lib/env";
import { prepareDatabase } from "@/lib/db/prepare-database";

if (!env().DATABASE_URL) {
  console.error("Set DATABASE_URL, or run `npm start`, which migrates its embedded database itself.");
  process.exit(1);
}
const applied = await prepareDatabase(env().DATABASE_URL!);
console.log(applied.length ? `Applied ${applied.join(", ")}` : "Database is up to date.");
