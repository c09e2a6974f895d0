// A database of its own for a test file that runs worker code in-process, so
// the shared stack's worker never picks up its jobs. Call it before the first
// use of lib/ (importing is fine): the configuration is read once, on first use.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { prepareDatabase } from "@/lib/db/prepare-database";

export async function createFreshDatabase(extraEnv: Record<string, string> = {}): Promise<string> {
  const adminUrl = process.env.TEST_PG_ADMIN_URL;
  if (!adminUrl) throw new Error("TEST_PG_ADMIN_URL is unset: run through vitest's global setup");
  const name = `test_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);
  await prepareDatabase(url);
  process.env.DATABASE_URL = url;
  Object.assign(process.env, extraEnv);
  return url;
}
