// The worker process: starts pg-boss, registers the handlers, and on SIGTERM
// or SIGINT stops fetching, lets running chunks finish within the grace
// period (pg-boss hands unfinished ones to another worker), then exits 0.
// Modules load after PROCESS_ROLE is set, so every log line names its process.
process.env.PROCESS_ROLE ??= "worker";

const { env, EnvError } = await import("@/lib/env");
const { log } = await import("@/lib/log");
const { boss, stopBoss } = await import("@/lib/queue/boss");
const { disconnectDb } = await import("@/lib/db/prisma");
const { databaseUrl } = await import("@/lib/db/database-url");
const { checkDatabaseReachable } = await import("@/lib/db/prepare-database");
const { registerHandlers } = await import("@/worker/register-handlers");
const { serveWorkerHealth } = await import("@/worker/serve-health");

let config: import("@/lib/env").Env;
try {
  config = env();
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(error.message);
  process.exit(1);
}
try {
  await checkDatabaseReachable(databaseUrl(config));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
const queue = await boss();
await registerHandlers(queue);
let health: import("@/worker/serve-health").WorkerHealth | undefined;
if (config.WORKER_HEALTH_PORT) {
  try {
    health = await serveWorkerHealth({
      port: config.WORKER_HEALTH_PORT,
      beat: () => queue.getDb().executeSql("select 1"),
    });
  } catch (error) {
    console.error(`WORKER_HEALTH_PORT ${config.WORKER_HEALTH_PORT} cannot be used: ${error instanceof Error ? error.message : error}`);
    await stopBoss({ graceful: false, timeout: 1000 });
    process.exit(1);
  }
}
log.info({ concurrency: config.WORKER_CONCURRENCY, healthPort: config.WORKER_HEALTH_PORT }, "worker started");

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "worker stopping");
  health?.markStopping();
  try {
    await stopBoss({ graceful: true, timeout: config.WORKER_SHUTDOWN_GRACE_MS });
    await disconnectDb();
    await health?.close();
    log.info("worker stopped");
    process.exit(0);
  } catch (error) {
    log.error({ err: error }, "worker did not stop cleanly");
    process.exit(1);
  }
}

process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

export {};
