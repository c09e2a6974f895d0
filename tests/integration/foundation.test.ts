// The foundation a newcomer relies on: migrations, health, sign-up and
// sign-in over HTTP on the running production server, and fail-fast
// configuration.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { readdir } from "node:fs/promises";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { applyMigrations, diffSchemaFromEmpty } from "@/lib/db/migrate";
import { anonymousClient, signIn } from "@/tests/support/http-client";
import { createFreshDatabase } from "@/tests/support/fresh-database";

const root = path.resolve(import.meta.dirname, "../..");

describe("database migrations", () => {
  it("apply to an empty database once, are recorded as Prisma records them, and re-apply as a no-op", async () => {
    const url = await createFreshDatabase(); // Applies the migrations.
    expect(await applyMigrations(url)).toEqual([]);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const applied = await client.query(
      `select migration_name, finished_at, rolled_back_at from _prisma_migrations order by migration_name`,
    );
    const tables = await client.query(
      `select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    await client.end();
    expect(applied.rows.map((row) => row.migration_name)).toEqual(await migrationNames());
    for (const row of applied.rows) {
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
    }
    expect(tables.rows.map((row) => row.table_name)).toEqual(
      expect.arrayContaining(["User", "CreditLedger", "Document", "Job", "Chunk", "Sentence"]),
    );
  });

  it("agree with schema.prisma (no drift between the schema and the migration files)", async () => {
    // The schema's own SQL (from an empty database) and the migrations, each
    // applied to a database of its own, must give the same catalog.
    const migrated = process.env.DATABASE_URL!;
    const expected = await diffSchemaFromEmpty(migrated, path.join(root, "prisma/schema.prisma"));
    const fromSchema = await createEmptyDatabase();
    const client = new pg.Client({ connectionString: fromSchema });
    await client.connect();
    await client.query(expected);
    await client.end();
    const [want, got] = await Promise.all([catalogOf(fromSchema), catalogOf(migrated)]);
    // The init migration adds one hand-written CHECK on top of what the schema describes.
    expect(got.checks).toHaveLength(1);
    expect(want.checks).toHaveLength(0);
    expect(got.columns).toEqual(want.columns);
    expect(got.enums).toEqual(want.enums);
    expect(got.indexes).toEqual(want.indexes);
    expect(got.constraints).toEqual(want.constraints);
  });
});

async function migrationNames(): Promise<string[]> {
  const entries = await readdir(path.join(root, "prisma/migrations"), { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

async function createEmptyDatabase(): Promise<string> {
  const adminUrl = process.env.TEST_PG_ADMIN_URL!;
  const name = `test_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return adminUrl.replace(/\/postgres$/, `/${name}`);
}

/** What a schema consists of, in a stable order, for comparing two databases. */
async function catalogOf(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const rows = async (sql: string) => (await client.query(sql)).rows;
  const catalog = {
    columns: await rows(`
      select table_name, column_name, data_type, udt_name, is_nullable, column_default
      from information_schema.columns
      where table_schema = 'public' and table_name <> '_prisma_migrations'
      order by table_name, column_name`),
    enums: await rows(`
      select t.typname, array_agg(e.enumlabel order by e.enumsortorder) as labels
      from pg_type t join pg_enum e on e.enumtypid = t.oid
      join pg_namespace n on n.oid = t.typnamespace where n.nspname = 'public'
      group by t.typname order by t.typname`),
    indexes: await rows(`
      select indexname, indexdef from pg_indexes
      where schemaname = 'public' and tablename <> '_prisma_migrations' order by indexname`),
    constraints: await rows(`
      select conname, pg_get_constraintdef(c.oid) as definition
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where n.nspname = 'public' and contype <> 'c' and conrelid::regclass::text <> '_prisma_migrations'
      order by conname`),
    checks: await rows(`
      select conname from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where n.nspname = 'public' and contype = 'c'`),
  };
  await client.end();
  return catalog;
}

describe("health", () => {
  it("reports the database and the queue up", async () => {
    const response = await anonymousClient().json<{ ok: boolean; database: string; queue: string }>("/api/health");
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ok: true, database: "up", queue: "up" });
  });
});

describe("sign-up and sign-in", () => {
  const anonymous = () => anonymousClient();
  const signUp = (body: unknown) =>
    anonymous().json<{ user?: { id: string; email: string }; error?: { code: string; message: string } }>(
      "/api/users",
      { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
    );

  it("creates an account, refuses the same email twice, and signs in with the password", async () => {
    const email = `Reader-${Date.now()}@Example.com`;
    const created = await signUp({ email, password: "lecture-2026" });
    expect(created.status).toBe(201);
    expect(created.body.user?.email).toBe(email.toLowerCase());
    expect(JSON.stringify(created.body)).not.toContain("password");

    const again = await signUp({ email: email.toLowerCase(), password: "lecture-2026" });
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe("conflict");

    const client = await signIn({ email, password: "lecture-2026" });
    expect(client.userId).toBe(created.body.user?.id);
    expect((await client.json("/api/credits")).status).toBe(200);

    await expect(signIn({ email, password: "wrong-password-1" })).rejects.toThrow(/sign-in failed/);
  });

  it("explains a weak password or a bad email with 422", async () => {
    const weak = await signUp({ email: `weak-${Date.now()}@example.com`, password: "short" });
    expect(weak.status).toBe(422);
    expect(weak.body.error?.message).toMatch(/at least 8 characters/);
    const badEmail = await signUp({ email: "not-an-email", password: "lecture-2026" });
    expect(badEmail.status).toBe(422);
    expect(badEmail.body.error?.message).toMatch(/valid email/);
    const notJson = await anonymous().json<{ error: { code: string } }>("/api/users", { method: "POST", body: "{" });
    expect(notJson.status).toBe(400);
  });

  it("answers 401 with the error shape on a signed-in route without a session", async () => {
    const response = await anonymous().json<{ error: { code: string; message: string } }>("/api/jobs");
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe("unauthenticated");
  });
});

describe("configuration", () => {
  function runWorker(env: Record<string, string>) {
    return spawnSync(process.execPath, ["--import", "tsx", "worker/index.ts"], {
      cwd: root,
      env: { PATH: process.env.PATH, NODE_ENV: "production", ...env } as NodeJS.ProcessEnv,
      encoding: "utf8",
      timeout: 30_000,
    });
  }

  it("stops at start-up naming a malformed variable", () => {
    const result = runWorker({ DATABASE_URL: "mysql://nope", CHUNK_PAGES: "zero" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("DATABASE_URL");
    expect(result.stderr).toContain("CHUNK_PAGES");
  });

  it("stops at start-up naming DATABASE_URL when the server cannot be reached", () => {
    const result = runWorker({ DATABASE_URL: "postgresql://nobody:secret@127.0.0.1:9/none" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("DATABASE_URL");
    expect(result.stderr).not.toContain("secret");
  });
});
