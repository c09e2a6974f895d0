// One pg-boss instance per process, started once, with every queue created
// idempotently. Web uses it to send; the worker also to work.
import { PgBoss, type SendOptions } from "pg-boss";
import { databaseUrl } from "@/lib/db/database-url";
import { log } from "@/lib/log";
import { queues, type Payload, type QueueKey } from "@/lib/jobs/queues";

const holder = globalThis as unknown as { bossStarting?: Promise<PgBoss> };

async function startBoss(): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl(),
    max: 5,
    useListenNotify: true,
    // Maintenance runs in every process, coordinated in the database. Its
    // monitor pass is what fails a job whose heartbeat stopped (a killed
    // worker), so it runs every 5 s instead of the default 60 s: a crashed
    // chunk is back in the queue within about 15 s.
    supervise: true,
    superviseIntervalSeconds: 5,
    monitorIntervalSeconds: 5,
    schedule: false,
    migrate: true,
  });
  boss.on("error", (error) => log.error({ err: error }, "pg-boss error"));
  await boss.start();
  for (const queue of Object.values(queues)) {
    const existing = await boss.getQueue(queue.name);
    if (existing) await boss.updateQueue(queue.name, withoutFixed(queue.options()));
    else await boss.createQueue(queue.name, queue.options());
  }
  return boss;
}

// A queue's policy is fixed when it is created; everything else follows the code.
function withoutFixed(options: ReturnType<(typeof queues)[QueueKey]["options"]>) {
  const rest = { ...options };
  delete rest.policy;
  return rest;
}

export function boss(): Promise<PgBoss> {
  holder.bossStarting ??= startBoss().catch((error) => {
    holder.bossStarting = undefined;
    throw error;
  });
  return holder.bossStarting;
}

export async function stopBoss(options: { graceful: boolean; timeout: number }): Promise<void> {
  const starting = holder.bossStarting;
  holder.bossStarting = undefined;
  if (starting) await (await starting).stop({ ...options, close: true });
}

/** Sends a typed job; the payload is validated before it reaches the queue. */
export async function sendJob<K extends QueueKey>(
  key: K,
  payload: Payload<K>,
  options: SendOptions = {},
): Promise<string | null> {
  const queue = queues[key];
  const data = queue.payload.parse(payload);
  return (await boss()).send(queue.name, data, options);
}
