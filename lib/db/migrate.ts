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

let engineModuleReady: Promise<SchemaEngineModule> | undefined;

// The wasm module's glue keeps one instance in module state, so it is
// instantiated once per process; each call then makes its own engine.
function loadEngineModule(): Promise<SchemaEngineModule> {
  engineModuleReady ??= (async () => {
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
    return engineModule;
  })();
  return engineModuleReady;
}

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;

/**
 * The adapter's executeScript splits a migration at every ";", even inside a
 * function's dollar-quoted body (a trigger's, say), and runs the pieces one
 * by one. `prisma migrate deploy` sends the script to Postgres whole, as one
 * simple query whose statements run as one transaction; so does this.
 */
function runsScriptsWhole(adapter: PgAdapter): PgAdapter {
  const pool = adapter.underlyingDriver() as { query(text: string): Promise<unknown> };
  const convert = adapter as unknown as { onError(error: unknown): never };
  adapter.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      convert.onError(error);
    }
  };
  return adapter;
}

/**
 * Runs `work` with a schema engine, then closes the engine's connections:
 * Prisma's migration advisory lock lives as long as its connection, and a
 * connection left open would make the next migration wait for it.
 */
async function withSchemaEngine<T>(
  connectionString: string,
  work: (engine: Awaited<ReturnType<SchemaEngineModule["SchemaEngine"]["new"]>>) => Promise<T>,
): Promise<T> {
  const engineModule = await loadEngineModule();
  const factory = new PrismaPg({ connectionString });
  const opened: { dispose(): Promise<void> }[] = [];
  const tracked = Object.assign(Object.create(factory) as PrismaPg, {
    connect: async () => {
      const adapter = await factory.connect();
      opened.push(adapter);
      return runsScriptsWhole(adapter);
    },
    connectToShadowDb: async () => {
      const adapter = await factory.connectToShadowDb();
      opened.push(adapter);
      return runsScriptsWhole(adapter);
    },
  });
  const engine = await engineModule.SchemaEngine.new(
    { datamodels: undefined },
    () => {},
    bindMigrationAwareSqlAdapterFactory(tracked),
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((adapter) => adapter.dispose()));
  }
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
  const migrationsList = await readMigrationsList();
  return withSchemaEngine(connectionString, async (engine) => {
    const output = await engine.applyMigrations({ migrationsList, filters: noFilters });
    return output.appliedMigrationNames;
  });
}

/** SQL that takes an empty database to the given Prisma schema. */
export async function diffSchemaFromEmpty(connectionString: string, schemaPath: string) {
  const content = await readFile(schemaPath, "utf8");
  return withSchemaEngine(connectionString, async (engine) => {
    const result = await engine.diff({
      from: { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return result.stdout ?? "";
  });
}
