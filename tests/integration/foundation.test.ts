// The foundation a newcomer relies on: migrations, health, sign-up and
// sign-in over HTTP on the running production server, and fail-fast
// configuration.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { readdir, readFile } from "node:fs/promises";
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
      `select migration_name, finished_at, rolled_back_at from _prisma_migrations`,
    );
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

  it("keep the one hand-written CHECK that the schema cannot describe", async () => {
    const migration = await readFile(
      path.join(root, "prisma/migrations/20261123000000_init/migration.sql"),
      "utf8",
    );
    const statements = migration
      .split(";")
      .map((statement) => statement.replace(/--.*$/gm, "").trim())
      .filter(Boolean);
    expect(statements.filter((statement) => statement.includes("CHECK"))).toHaveLength(1);
  });

  it("agree with schema.prisma: every folder applied in turn builds what the schema describes", async () => {
    const migrated = await createFreshDatabase();
    const fromSchema = await createEmptyDatabase();
    const sql = await diffSchemaFromEmpty(fromSchema, path.join(root, "prisma/schema.prisma"));
    await withClient(fromSchema, (client) => client.query(sql));
    const [expected, actual] = await Promise.all([describeSchema(fromSchema), describeSchema(migrated)]);
    expect(expected.length).toBeGreaterThan(50);
    // The migrations add one hand-written CHECK that the schema cannot describe.
    expect(actual.filter((line) => line.includes("CHECK"))).toHaveLength(1);
    expect(actual.filter((line) => !line.includes("CHECK"))).toEqual(expected);
  });
});

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function createEmptyDatabase(): Promise<string> {
  const adminUrl = process.env.TEST_PG_ADMIN_URL!;
  const name = `drift_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  await withClient(adminUrl, (client) => client.query(`create database ${name}`));
  return adminUrl.replace(/\/postgres$/, `/${name}`);
}

/** Columns, indexes, constraints and enums of the public schema, one sorted line each. */
async function describeSchema(url: string): Promise<string[]> {
  return withClient(url, async (client) => {
    const queries = [
      `select format('column %s.%s %s %s %s', table_name, column_name, data_type, is_nullable, coalesce(column_default, ''))
         from information_schema.columns where table_schema = 'public' and table_name <> '_prisma_migrations'`,
      `select format('index %s', indexdef) from pg_indexes where schemaname = 'public' and tablename <> '_prisma_migrations'`,
      `select format('constraint %s %s', conname, pg_get_constraintdef(oid)) from pg_constraint
         where connamespace = 'public'::regnamespace and conrelid <> coalesce(to_regclass('public._prisma_migrations'), 0)::oid`,
      `select format('enum %s %s', t.typname, string_agg(e.enumlabel, ',' order by e.enumsortorder))
         from pg_type t join pg_enum e on e.enumtypid = t.oid group by t.typname`,
    ];
    const lines: string[] = [];
    for (const query of queries) lines.push(...(await client.query<{ format: string }>(query)).rows.map((row) => row.format));
    return lines.sort();
  });
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
