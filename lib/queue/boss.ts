// One pg-boss instance per process, started once, with every queue created
// idempotently. Web and worker send through `sendJob`; the worker also runs
// handlers through `work` (lib/queue/work.ts).
import { fromPrisma, PgBoss, type SendOptions } from "pg-boss";
import { databaseUrl } from "@/lib/db/database-url";
import type { Tx } from "@/lib/db/prisma";
import { log } from "@/lib/log";
import { queues, type Payload, type QueueKey } from "@/lib/queue/queues";

const holder = globalThis as unknown as { bossStarting?: Promise<PgBoss> };

/**
 * Maintenance runs in every process, coordinated in the database. Its
 * monitor pass is what fails a job whose heartbeat stopped (a killed worker),
 * so it runs every 5 s instead of the default 60 s: a crashed chunk is back in
 * the queue within about 15 s. The same pass counts each queue's ready jobs,
 * which every process reads back every 5 s for its workers' burst fetching
 * (fetchPacing in lib/queue/work.ts).
 */
export const maintenancePacing = {
  supervise: true,
  superviseIntervalSeconds: 5,
  monitorIntervalSeconds: 5,
  queueCacheIntervalSeconds: 5,
} as const;

async function startBoss(): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl(),
    max: 5,
    useListenNotify: true,
    ...maintenancePacing,
    // Cron (the stuck-job sweep, lib/queue/queues.ts) is checked in every
    // process and coordinated in the database: each occurrence is sent once.
    schedule: true,
    migrate: true,
  });
  boss.on("error", (error: unknown) => {
    const { queue, worker } = error as { queue?: string; worker?: string };
    log.error({ err: asError(error), queue, worker }, "pg-boss error");
  });
  await boss.start();
  for (const queue of Object.values(queues)) {
    const existing = await boss.getQueue(queue.name);
    if (existing) await boss.updateQueue(queue.name, withoutFixed(queue.options()));
    else await boss.createQueue(queue.name, queue.options());
  }
  return boss;
}

/**
 * pg-boss emits a worker's fetch and completion failures as plain objects
 * (`{ ...error, message, stack, queue, worker }`), which the log's error
 * serializer would print as "[object Object]", losing what went wrong.
 */
function asError(value: unknown): Error {
  if (value instanceof Error) return value;
  const fields = (typeof value === "object" && value !== null ? value : {}) as { message?: unknown; stack?: unknown; code?: unknown };
  const error = new Error(typeof fields.message === "string" ? fields.message : String(value));
  if (typeof fields.stack === "string") error.stack = fields.stack;
  if (fields.code !== undefined) Object.assign(error, { code: fields.code });
  return error;
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

export interface SendJobOptions extends Omit<SendOptions, "db"> {
  /**
   * The Prisma transaction that writes the rows this job describes: the job
   * is queued if and only if that transaction commits.
   */
  tx?: Tx;
}

/**
 * The one way to queue a job: the payload is validated against its queue's
 * schema before it reaches pg-boss, and the queue's own send options apply.
 */
export async function sendJob<K extends QueueKey>(
  key: K,
  payload: Payload<K>,
  options: SendJobOptions = {},
): Promise<string | null> {
  const queue = queues[key];
  const data = queue.payload.parse(payload) as Payload<K>;
  const { tx, ...sendOptions } = options;
  const queueOptions = (queue.sendOptions as ((payload: Payload<K>) => SendOptions) | undefined)?.(data);
  return (await boss()).send(queue.name, data, {
    ...queueOptions,
    ...sendOptions,
    ...(tx ? { db: fromPrisma(tx) } : {}),
  });
}

/** Removes a queue's waiting jobs whose payload contains `match`, so no worker picks them up. */
export async function cancelWaitingJobs<K extends QueueKey>(key: K, match: Partial<Payload<K>>): Promise<void> {
  const queueBoss = await boss();
  const name = queues[key].name;
  const waiting = await queueBoss.findJobs(name, { data: match, queued: true });
  if (waiting.length > 0) {
    await queueBoss.cancel(
      name,
      waiting.map((job) => job.id),
    );
  }
}
