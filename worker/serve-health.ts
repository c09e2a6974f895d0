// The worker's health, for Docker's health check and for anyone watching
// `npm start`: an HTTP server on WORKER_HEALTH_PORT (loopback only) answering
// 200 while the worker's heartbeat is recent, 503 otherwise. The heartbeat is
// a round trip to Postgres through pg-boss's own connection pool, made every
// few seconds on the worker's event loop, so a worker whose database is out
// of reach, whose pool is stuck or whose event loop is blocked (a runaway
// parse) stops beating and turns unhealthy. A port rather than a heartbeat
// row in Postgres: it needs no schema, no clean-up of rows left by dead
// replicas, and no database client in the health-check command.
import http from "node:http";

export interface WorkerHealth {
  /** From now on the worker answers 503: it is draining and should get no traffic. */
  markStopping(): void;
  close(): Promise<void>;
}

export interface WorkerHealthOptions {
  port: number;
  /** One heartbeat: resolves when the worker reached its queue. */
  beat: () => Promise<unknown>;
  intervalMs?: number;
  /** No successful beat for this long: unhealthy. */
  staleAfterMs?: number;
  now?: () => number;
}

export async function serveWorkerHealth(options: WorkerHealthOptions): Promise<WorkerHealth> {
  const now = options.now ?? Date.now;
  const intervalMs = options.intervalMs ?? 5000;
  const staleAfterMs = options.staleAfterMs ?? 4 * intervalMs;
  let lastBeat: number | undefined;
  let lastError: string | undefined;
  let beating = false;
  let stopping = false;

  async function beat() {
    if (beating) return;
    beating = true;
    try {
      await options.beat();
      lastBeat = now();
      lastError = undefined;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    } finally {
      beating = false;
    }
  }
  await beat();
  const timer = setInterval(() => void beat(), intervalMs);
  timer.unref();

  const server = http.createServer((_request, response) => {
    const ageMs = lastBeat === undefined ? null : now() - lastBeat;
    const ok = !stopping && ageMs !== null && ageMs <= staleAfterMs;
    response.writeHead(ok ? 200 : 503, { "content-type": "application/json", "cache-control": "no-store" });
    response.end(JSON.stringify({ ok, pid: process.pid, stopping, lastBeatAgeMs: ageMs, error: lastError ?? null }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  server.unref();

  return {
    markStopping() {
      stopping = true;
    },
    close() {
      clearInterval(timer);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      return closed;
    },
  };
}
