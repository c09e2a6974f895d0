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
    const folders = (await readdir(path.join(root, "prisma/migrations"), { withFileTypes: true })).filter((entry) =>
      entry.isDirectory(),
    );
    // Every migration folder recorded once, finished, none rolled back.
    expect(applied.rows.map((row) => row.migration_name).sort()).toEqual(folders.map((entry) => entry.name).sort());
    for (const row of applied.rows) {
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
    }
    expect(tables.rows.map((row) => row.table_name)).toEqual(
      expect.arrayContaining(["User", "CreditLedger", "Document", "Job", "Chunk", "Sentence"]),
    );
  });

  it("agree with schema.prisma (no drift between the schema and the migration files)", async () => {
    const url = process.env.DATABASE_URL!;
    const expected = await diffSchemaFromEmpty(url, path.join(root, "prisma/schema.prisma"));
    // Every migration in order: together they must build what the schema describes.
    const migrationsDir = path.join(root, "prisma/migrations");
    const folders = (await readdir(migrationsDir, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    const migration = (
      await Promise.all(folders.map((folder) => readFile(path.join(migrationsDir, folder, "migration.sql"), "utf8")))
    ).join(";\n");
    const statements = (sql: string) =>
      sql
        .split(";")
        .map((statement) => statement.replace(/--.*$/gm, "").trim())
        .filter((statement) => statement && !statement.startsWith('CREATE SCHEMA IF NOT EXISTS "public"'));
    // The migration adds one hand-written CHECK on top of what the schema describes.
    const handWritten = statements(migration).filter((statement) => statement.includes("CHECK"));
    expect(handWritten).toHaveLength(1);
    // Sorted: a later migration's statements come after the first one's, not in the diff's order.
    expect(statements(migration).filter((statement) => !statement.includes("CHECK")).sort()).toEqual(
      statements(expected).sort(),
    );
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
