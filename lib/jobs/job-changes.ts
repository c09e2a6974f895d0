// Which jobs changed, as Postgres tells it. Triggers (migration
// 20261206030000_job_changed_notify) make every insert, update or delete of a
// job's row or of one of its chunks' rows send NOTIFY job_changed with the
// job's id, whichever process makes it (web, worker, sweeper, admin, psql);
// `queue` when a job enters or leaves the queue (the queued jobs' places
// change) and `*` on TRUNCATE. Postgres delivers them at commit.
//
// One dedicated connection per process LISTENs (JOB_CHANGES_DATABASE_URL,
// else DATABASE_URL: it needs a session, not a transaction-mode pooler),
// opened on first use (watchJobChanges) and reopened with backoff after a
// drop. Notifications sent while it is not listening are lost, so
// `listening()` is false from the drop until the reconnect, and every
// watcher is told `*` (everything may have changed) at the drop and again
// once LISTEN is back: a cache that trusts an answer only while
// `listening()` holds and no change came since its read began (readStarts,
// keptSince) never serves a state older than the last notification received.
import pg from "pg";
import { databaseUrl } from "@/lib/db/database-url";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

export const jobChangedChannel = "job_changed";

/** A job's id; "queue": a job entered or left the queue; "*": anything may have changed. */
export type JobChange = string;
export type JobChangeWatcher = (change: JobChange) => void;

const firstRetryMs = 250;
const lastRetryMs = 10_000;
/** A connection that died without a word (no RST: the host gone) is noticed by a query every 15 s answered within 5 s. */
const heartbeatMs = 15_000;
const heartbeatTimeoutMs = 5_000;

interface ListenerState {
  client?: pg.Client;
  listening: boolean;
  /** Bumped each time listening starts or stops: a read begun in another epoch proves nothing. */
  epoch: number;
  started: boolean;
  retryMs: number;
  retryTimer?: NodeJS.Timeout;
  watchers: Set<JobChangeWatcher>;
}

// On globalThis, as the Prisma client is (lib/db/prisma.ts): one listener per
// process even if the module is loaded twice.
const holder = globalThis as unknown as { jobChanges?: ListenerState };

function state(): ListenerState {
  holder.jobChanges ??= { listening: false, epoch: 0, started: false, retryMs: firstRetryMs, watchers: new Set() };
  return holder.jobChanges;
}

function tell(s: ListenerState, change: JobChange): void {
  for (const watcher of s.watchers) {
    try {
      watcher(change);
    } catch (error) {
      log.error({ err: error, change }, "job change watcher failed");
    }
  }
}

function scheduleRetry(s: ListenerState): void {
  if (!s.started || s.retryTimer) return;
  const delay = s.retryMs;
  s.retryMs = Math.min(lastRetryMs, s.retryMs * 2);
  s.retryTimer = setTimeout(() => {
    s.retryTimer = undefined;
    void connect(s);
  }, delay);
  s.retryTimer.unref();
}

async function connect(s: ListenerState): Promise<void> {
  if (!s.started || s.client) return;
  const connectionString = env().JOB_CHANGES_DATABASE_URL ?? databaseUrl();
  const client = new pg.Client({ connectionString, application_name: "job-changes", keepAlive: true });
  s.client = client;
  let lost = false;
  const heartbeat: { timer?: NodeJS.Timeout } = {};
  const drop = (error: unknown) => {
    if (lost) return;
    lost = true;
    clearInterval(heartbeat.timer);
    client.removeAllListeners("notification");
    client.end().catch(() => undefined);
    if (s.client !== client) return; // Closed by stopJobChanges meanwhile.
    s.client = undefined;
    const wasListening = s.listening;
    s.listening = false;
    s.epoch++;
    tell(s, "*");
    log.warn(
      { err: error, wasListening, retryInMs: s.retryMs },
      "job change listener: connection lost; polls read the database every time until it is back",
    );
    scheduleRetry(s);
  };
  client.on("error", drop);
  client.on("end", () => drop(new Error("connection ended")));
  client.on("notification", (message) => {
    if (message.channel === jobChangedChannel && message.payload) tell(s, message.payload);
  });
  try {
    await client.connect();
    await client.query(`LISTEN ${jobChangedChannel}`);
  } catch (error) {
    drop(error);
    return;
  }
  if (lost) return;
  if (s.client !== client) {
    // Closed (stopJobChanges) while connecting.
    client.removeAllListeners();
    client.on("error", () => undefined);
    await client.end().catch(() => undefined);
    return;
  }
  // Changes made before LISTEN went unheard: forget everything first.
  s.epoch++;
  tell(s, "*");
  s.listening = true;
  s.retryMs = firstRetryMs;
  heartbeat.timer = setInterval(() => {
    const late = setTimeout(() => drop(new Error(`no answer to the heartbeat within ${heartbeatTimeoutMs} ms`)), heartbeatTimeoutMs);
    late.unref();
    client.query("SELECT 1").then(
      () => clearTimeout(late),
      (error: unknown) => {
        clearTimeout(late);
        drop(error);
      },
    );
  }, heartbeatMs);
  heartbeat.timer.unref();
  log.info({ channel: jobChangedChannel }, "job change listener: listening");
}

/**
 * Registers `watcher` (once, however often called) and opens the listener if
 * it is not open yet. With JOB_CHANGES_LISTEN=false it never opens: the
 * watcher hears only noteJobChanged, and `listening()` stays false.
 */
export function watchJobChanges(watcher: JobChangeWatcher): void {
  const s = state();
  s.watchers.add(watcher);
  if (s.started || !env().JOB_CHANGES_LISTEN) return;
  s.started = true;
  void connect(s);
}

/** Whether notifications are being received now: only then may a cached answer be trusted. */
export function listening(): boolean {
  return state().listening;
}

/** The listener's epoch when listening, else null: taken when a read begins, checked by keptSince when it ends. */
export function readStarts(): number | null {
  const s = state();
  return s.listening ? s.epoch : null;
}

/** Whether the listener has been listening without a break since `readStarts()` returned `epoch`. */
export function keptSince(epoch: number | null): boolean {
  const s = state();
  return epoch !== null && s.listening && s.epoch === epoch;
}

/**
 * Tells this process's watchers that a job changed, as its notification will
 * when it arrives. Commands that change a job call it once their transaction
 * has committed, so a poll in this process right after the command never gets
 * the answer from before it, however late the notification.
 */
export function noteJobChanged(jobId: string): void {
  tell(state(), jobId);
}

/** Closes the listener (tests, shutdown); watchers are told `*`. The next watchJobChanges opens it again. */
export async function stopJobChanges(): Promise<void> {
  const s = state();
  s.started = false;
  clearTimeout(s.retryTimer);
  s.retryTimer = undefined;
  s.retryMs = firstRetryMs;
  const client = s.client;
  s.client = undefined;
  s.listening = false;
  s.epoch++;
  tell(s, "*");
  if (client) {
    client.removeAllListeners();
    client.on("error", () => undefined);
    await client.end().catch(() => undefined);
  }
}

/** The listener's backend pid while it is connected (tests end it with pg_terminate_backend). */
export function listenerBackendPid(): number | null {
  const client = state().client as (pg.Client & { processID?: number | null }) | undefined;
  return client?.processID ?? null;
}
