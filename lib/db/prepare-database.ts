import pg from "pg";
import { applyMigrations } from "@/lib/db/migrate";

/** Fails with a message naming DATABASE_URL when the server cannot be reached. */
export async function checkDatabaseReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const shown = url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
    throw new Error(`Cannot connect to DATABASE_URL (${shown}): ${reason}`);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Reachability check, then every pending migration. */
export async function prepareDatabase(url: string): Promise<string[]> {
  await checkDatabaseReachable(url);
  return applyMigrations(url);
}
