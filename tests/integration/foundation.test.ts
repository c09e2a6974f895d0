// The foundation a newcomer relies on: migrations, health, sign-up and
// sign-in over HTTP on the running production server, and fail-fast
// configuration.
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { readFile, readdir } from "node:fs/promises";
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
    const applied = await client.query(`select migration_name, finished_at, rolled_back_at from _prisma_migrations`);
    const tables = await client.query(
      `select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    await client.end();
    const folders = (await readdir(path.join(root, "prisma/migrations"), { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(applied.rows.map((row) => row.migration_name).sort()).toEqual(folders.sort());
    for (const row of applied.rows) {
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
    }
    expect(tables.rows.map((row) => row.table_name)).toEqual(
      expect.arrayContaining(["User", "CreditLedger", "Document", "Job", "Chunk", "Sentence"]),
    );
  });

  it("agree with schema.prisma (no drift between the schema and the migration files)", async () => {
    // One database built by the migrations, one by the schema alone: their
    // catalogues must match. Only the init migration's hand-written CHECK is
    // extra, since Prisma's schema cannot describe it.
    const migrated = await createFreshDatabase();
    const fromSchema = await createEmptyDatabase();
    await withClient(fromSchema, async (client) =>
      client.query(await diffSchemaFromEmpty(fromSchema, path.join(root, "prisma/schema.prisma"))),
    );
    const migratedCatalogue = await withClient(migrated, describeSchema);
    const schemaCatalogue = await withClient(fromSchema, describeSchema);
    expect(migratedCatalogue.checks).toEqual(['User_creditBalance_nonnegative CHECK (("creditBalance" >= 0))']);
    expect(schemaCatalogue.checks).toEqual([]);
    expect({ ...migratedCatalogue, checks: [] }).toEqual({ ...schemaCatalogue, checks: [] });
  });
});

async function createEmptyDatabase(): Promise<string> {
  const adminUrl = process.env.TEST_PG_ADMIN_URL!;
  const name = `test_${randomUUID().replaceAll("-", "")}`;
  await withClient(adminUrl, (admin) => admin.query(`create database ${name}`));
  return adminUrl.replace(/\/postgres$/, `/${name}`);
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Tables, columns, enums, indexes and constraints of the public schema, in a stable order. */
async function describeSchema(client: pg.Client) {
  const rows = async (sql: string) => (await client.query<{ line: string }>(sql)).rows.map((row) => row.line);
  return {
    columns: await rows(`select concat_ws(' ', table_name, column_name, udt_name, is_nullable, column_default) as line
      from information_schema.columns where table_schema = 'public' and table_name <> '_prisma_migrations'
      order by table_name, column_name`),
    enums: await rows(`select t.typname || ' ' || string_agg(e.enumlabel, ',' order by e.enumsortorder) as line
      from pg_type t join pg_enum e on e.enumtypid = t.oid join pg_namespace n on n.oid = t.typnamespace
      where n.nspname = 'public' group by t.typname order by t.typname`),
    indexes: await rows(`select indexdef as line from pg_indexes
      where schemaname = 'public' and tablename <> '_prisma_migrations' order by indexname`),
    constraints: await rows(`select conname || ' ' || pg_get_constraintdef(c.oid) as line
      from pg_constraint c join pg_class r on r.oid = c.conrelid join pg_namespace n on n.oid = r.relnamespace
      where n.nspname = 'public' and r.relname <> '_prisma_migrations' and c.contype <> 'c' order by conname`),
    checks: await rows(`select conname || ' ' || pg_get_constraintdef(c.oid) as line
      from pg_constraint c join pg_class r on r.oid = c.conrelid join pg_namespace n on n.oid = r.relnamespace
      where n.nspname = 'public' and c.contype = 'c' order by conname`),
  };
}

describe("the JobStep migration", () => {
  it("keeps every existing job row, turning steps nothing writes any more into the step of its status", async () => {
    const client = new pg.Client({ connectionString: await createEmptyDatabase() });
    await client.connect();
    const migration = (folder: string) =>
      readFile(path.join(root, "prisma/migrations", folder, "migration.sql"), "utf8");
    await client.query(await migration("20261123000000_init"));
    await client.query(
      `insert into "User" (id, email) values ('00000000-0000-4000-8000-000000000001', 'a@example.test')`,
    );
    await client.query(`insert into "Document" (id, "userId", "fileName", sha256, "byteSize", "pageCount", "hasText", bytes)
      values ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'b.pdf', 'x', 1, 1, true, '')`);
    const rows: [string, string][] = [
      ["running", "processing"],
      ["running", "planning"],
      ["running", "settling"],
      ["succeeded", "done"],
      ["partial", "partial"],
      ["cancelling", "cancelling"],
      ["queued", "queued"],
    ];
    for (const [index, [status, step]] of rows.entries()) {
      await client.query(
        `insert into "Job" (id, "userId", "documentId", "fileName", "pageCount", status, "maxWords", engine, step, "updatedAt")
         values ($1, '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', 'b.pdf', 1, $2, 8, 'local', $3, now())`,
        [`00000000-0000-4000-8000-00000000010${index}`, status, step],
      );
    }
    await client.query(await migration("20261128010000_job_step_enum"));
    const after = await client.query<{ status: string; step: string }>(
      `select status::text, step::text from "Job" order by id`,
    );
    const defaultStep = await client.query(`select column_default from information_schema.columns
      where table_name = 'Job' and column_name = 'step'`);
    await client.end();
    expect(after.rows.map((row) => [row.status, row.step])).toEqual([
      ["running", "processing"],
      ["running", "processing"],
      ["running", "processing"],
      ["succeeded", "succeeded"],
      ["partial", "partial"],
      ["cancelling", "cancelling"],
      ["queued", "queued"],
    ]);
    expect(defaultStep.rows[0].column_default).toBe(`'queued'::"JobStep"`);
  });
});

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
      env: { PATH: process.env.PATH, NODE_ENV: "production", TRUSTED_PROXIES: "0", ...env } as NodeJS.ProcessEnv,
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
