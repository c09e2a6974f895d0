// Applies prisma/migrations with Prisma's WebAssembly schema engine, which
// works offline and records `_prisma_migrations` exactly as
// `prisma migrate deploy` does. The engine is Prisma's internal API, so its
// package version is pinned in package.json.
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

const migrationsDir = path.resolve(process.cwd(), "prisma/migrations");
const noFilters = { externalTables: [], externalEnums: [] };

type SchemaEngineModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

async function loadSchemaEngine(connectionString: string) {
  const engineModule: SchemaEngineModule = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const require = createRequire(import.meta.url);
  const wasmPath = path.join(
    path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
    "schema_engine_bg.wasm",
  );
  const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
    "./schema_engine_bg.js": engineModule as unknown as WebAssembly.ModuleImports,
  });
  const exports = instance.exports as unknown as { __wbindgen_start(): void };
  engineModule.__wbg_set_wasm(exports);
  exports.__wbindgen_start();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString }));
  const logs: string[] = [];
  const engine = await engineModule.SchemaEngine.new(
    { datamodels: undefined },
    (line: string) => logs.push(line),
    adapter,
  );
  return engine;
}

async function readMigrationsList() {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const directories = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrationDirectories = await Promise.all(
    directories.map(async (name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: {
          tag: "ok" as const,
          value: await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8"),
        },
      },
    })),
  );
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: lockPath, content: await readFile(lockPath, "utf8") },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

/** Applies every migration not yet applied; returns the names it applied. */
export async function applyMigrations(connectionString: string): Promise<string[]> {
  const engine = await loadSchemaEngine(connectionString);
  try {
    const output = await engine.applyMigrations({
      migrationsList: await readMigrationsList(),
      filters: noFilters,
    });
    return output.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/** SQL that takes an empty database to the given Prisma schema. */
export async function diffSchemaFromEmpty(connectionString: string, schemaPath: string) {
  const engine = await loadSchemaEngine(connectionString);
  try {
    const result = await engine.diff({
      from: { tag: "empty" },
      to: {
        tag: "schemaDatamodel",
        files: [{ path: schemaPath, content: await readFile(schemaPath, "utf8") }],
      },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return result.stdout ?? "";
  } finally {
    engine.free();
  }
}
