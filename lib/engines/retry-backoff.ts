// Waiting between attempts: exponential backoff with full jitter (a random
// wait between 0 and the exponential cap, so many workers hitting the same
// quota do not retry in lockstep), never shorter than what the server asked
// for, and cut short by an abort.

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  random?: () => number;
}

/** Wait before retry number `retry` (0 for the first retry). */
export function backoffDelay(
  retry: number,
  options: BackoffOptions,
  serverDelayMs?: number,
): number {
  const cap = Math.min(options.maxMs, options.baseMs * 2 ** retry);
  const jittered = Math.round((options.random ?? Math.random)() * cap);
  return Math.max(jittered, serverDelayMs ?? 0);
}

/** Protobuf duration text as Google APIs send it in RetryInfo: "2s", "1.500s". */
export function parseDurationMs(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const match = /^(\d+(?:\.\d+)?)s$/u.exec(value.trim());
  return match ? Math.round(Number(match[1]) * 1000) : undefined;
}

/** An HTTP Retry-After header: seconds or an HTTP date. */
export function parseRetryAfterMs(
  header: string | null | undefined,
  now = Date.now(),
): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/u.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
