// The worker process: starts pg-boss, registers the handlers, and on SIGTERM
// or SIGINT stops fetching, lets running chunks finish within the grace
// period (pg-boss hands unfinished ones to another worker), then exits 0.
import { databaseUrl } from "@/lib/db/database-url";
import { checkDatabaseReachable } from "@/lib/db/prepare-database";
import { disconnectDb } from "@/lib/db/prisma";
import { env, EnvError, type Env } from "@/lib/env";
import { log } from "@/lib/log";
import { boss, stopBoss } from "@/lib/queue/boss";
import type { QueueKey } from "@/lib/queue/queues";
import { countRunningJobs } from "@/lib/queue/work";
import { registerHandlers } from "@/worker/register-handlers";
import { serveWorkerHealth, type WorkerHealth } from "@/worker/serve-health";

// Before the first log line, which is when the logger reads it.
process.env.PROCESS_ROLE ??= "worker";

let config: Env;
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
let health: WorkerHealth | undefined;
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

/** "3 chunks and 1 other job", or undefined when nothing runs. */
function describeRunningJobs(running: ReadonlyMap<QueueKey, number>): string | undefined {
  const chunks = running.get("chunk") ?? 0;
  const others = [...running].reduce((sum, [key, count]) => (key === "chunk" ? sum : sum + count), 0);
  const parts = [
    chunks > 0 ? `${chunks} chunk${chunks === 1 ? "" : "s"}` : "",
    others > 0 ? `${others} ${chunks > 0 ? "other " : ""}job${others === 1 ? "" : "s"}` : "",
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(" and ") : undefined;
}

// A graceful stop waits for the running chunks, which can take up to the
// grace period: past a few seconds, whoever is watching the terminal (or the
// container's log) is told what the worker is waiting for.
const stopProgressAfterMs = 3000;
const stopProgressEveryMs = 5000;

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "worker stopping");
  health?.markStopping();
  const stoppingSince = Date.now();
  const reportProgress = () => {
    const running = describeRunningJobs(countRunningJobs());
    if (!running) return;
    const seconds = Math.round((config.WORKER_SHUTDOWN_GRACE_MS - (Date.now() - stoppingSince)) / 1000);
    log.info(
      { running: Object.fromEntries(countRunningJobs()) },
      `waiting for ${running} to finish (at most ${Math.max(seconds, 0)} s more)`,
    );
  };
  let progress: NodeJS.Timeout | undefined;
  const firstReport = setTimeout(() => {
    reportProgress();
    progress = setInterval(reportProgress, stopProgressEveryMs);
  }, stopProgressAfterMs);
  try {
    await stopBoss({ graceful: true, timeout: config.WORKER_SHUTDOWN_GRACE_MS });
    clearTimeout(firstReport);
    clearInterval(progress);
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
