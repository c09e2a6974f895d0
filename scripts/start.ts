// npm start – the whole product on one machine: the database (embedded when
// DATABASE_URL is unset), the Next.js web app and one worker process.
// Ctrl-C stops the web app and the worker, then the embedded database.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { EnvError, env, type Env } from "@/lib/env";
import { ensureWebBuild } from "@/scripts/web-build";

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

const { openLocalDatabase } = await import("@/lib/db/local-database");
const { seedDemoUser, shouldSeedDemoUser, demoAccount } = await import("@/prisma/seed");
const { disconnectDb } = await import("@/lib/db/prisma");

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
};

if (!dev && !ensureWebBuild(process.cwd())) fail("The web app did not build; see the errors above.");

const children: ChildProcess[] = [
  spawn("next", [dev ? "dev" : "start", "-p", String(config.PORT)], {
    stdio: "inherit",
    env: { ...childEnv, PROCESS_ROLE: "web" },
  }),
  spawn("tsx", ["worker/index.ts"], { stdio: "inherit", env: { ...childEnv, PROCESS_ROLE: "worker" } }),
];
console.log(`\nOpen http://localhost:${config.PORT}  (Ctrl-C to stop)\n`);

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
        }),
    ),
  );
  await database.stop();
  process.exit(code);
}

for (const child of children) {
  child.once("exit", (code) => {
    if (!stopping) {
      console.error(`A process exited (code ${code}); stopping everything.`);
      void stop(code ?? 1);
    }
  });
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
