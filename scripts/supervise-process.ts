// Keeps one child process of `npm start` running. A child that exits when
// nobody asked it to (a crash, an out-of-memory kill, `kill -9`) is started
// again after a backoff that doubles from 1 s up to a cap and resets once the
// child has stayed up for a minute, so a crash loop neither spins the CPU nor
// gives up. Docker Compose's `restart:` policy plays this part in containers.
import type { ChildProcess } from "node:child_process";

export interface RestartPolicy {
  /** The wait before the first restart. */
  initialDelayMs: number;
  /** The longest wait: a child that keeps crashing is retried at this interval, forever. */
  maxDelayMs: number;
  /** A child that ran this long before exiting was healthy: the backoff starts again from the first delay. */
  healthyAfterMs: number;
  /** This many exits within `crashWindowMs` are reported as a crash loop. */
  crashLoopCount: number;
  crashWindowMs: number;
}

export const defaultRestartPolicy: RestartPolicy = {
  initialDelayMs: 1000,
  maxDelayMs: 30_000,
  healthyAfterMs: 60_000,
  crashLoopCount: 5,
  crashWindowMs: 5 * 60_000,
};

/** Time as the supervisor sees it: the real clock, or a test's. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface RestartDecision {
  delayMs: number;
  /** Exits within the crash window, this one included. */
  recentExits: number;
  crashLoop: boolean;
}

/** The backoff policy alone: each unexpected exit in, the wait before the next start out. */
export class RestartBackoff {
  private attempt = 0;
  private exits: number[] = [];

  constructor(private readonly policy: RestartPolicy = defaultRestartPolicy) {}

  afterExit(startedAt: number, exitedAt: number): RestartDecision {
    if (exitedAt - startedAt >= this.policy.healthyAfterMs) this.attempt = 0;
    const delayMs = Math.min(this.policy.initialDelayMs * 2 ** this.attempt, this.policy.maxDelayMs);
    this.attempt++;
    this.exits = [...this.exits, exitedAt].filter((at) => exitedAt - at < this.policy.crashWindowMs);
    return {
      delayMs,
      recentExits: this.exits.length,
      crashLoop: this.exits.length >= this.policy.crashLoopCount,
    };
  }
}

export type LogLevel = "info" | "warn" | "error";

export interface SuperviseOptions {
  /** How the child is named in the log ("worker", "web"). */
  name: string;
  /** Starts one child; called again for every restart. */
  start: () => ChildProcess;
  policy?: RestartPolicy;
  clock?: Clock;
  log?: (level: LogLevel, message: string) => void;
  /** How long `stop` waits after SIGTERM before SIGKILL. */
  stopTimeoutMs?: number;
}

export interface SupervisedProcess {
  /** The running child; undefined while a restart is pending or after stop. */
  current(): ChildProcess | undefined;
  /** Stops supervising: cancels a pending restart, SIGTERMs the child (SIGKILL past the timeout), resolves once it exited. */
  stop(): Promise<void>;
  /** SIGKILLs the child at once and stops supervising (a second Ctrl-C). */
  kill(): void;
}

const defaultLog = (level: LogLevel, message: string) =>
  (level === "info" ? console.log : console.error)(message);

function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `was killed by ${signal}` : `exited with code ${code}`;
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

export function superviseProcess(options: SuperviseOptions): SupervisedProcess {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? defaultLog;
  const policy = options.policy ?? defaultRestartPolicy;
  const backoff = new RestartBackoff(policy);
  let child: ChildProcess | undefined;
  let restartTimer: unknown;
  let stopping = false;
  let exited: Promise<void> = Promise.resolve();

  function launch() {
    restartTimer = undefined;
    const startedAt = clock.now();
    const started = options.start();
    child = started;
    let settle!: () => void;
    exited = new Promise((resolve) => (settle = resolve));
    let done = false;
    const onEnd = (code: number | null, signal: NodeJS.Signals | null, error?: Error) => {
      if (done) return;
      done = true;
      if (child === started) child = undefined;
      settle();
      if (stopping) return;
      const decision = backoff.afterExit(startedAt, clock.now());
      const why = error ? `could not start (${error.message})` : describeExit(code, signal);
      log("error", `The ${options.name} process ${why}; restarting it in ${seconds(decision.delayMs)}.`);
      if (decision.crashLoop) {
        log(
          "error",
          `The ${options.name} process has stopped ${decision.recentExits} times in the last ` +
            `${Math.round(policy.crashWindowMs / 60_000)} minutes: it is crash-looping (see its errors above). ` +
            `Still retrying, at most every ${seconds(policy.maxDelayMs)}; the rest of the product keeps running.`,
        );
      }
      restartTimer = clock.setTimeout(launch, decision.delayMs);
    };
    started.once("exit", (code, signal) => onEnd(code, signal));
    started.once("error", (error) => onEnd(null, null, error));
    if (started.pid !== undefined) log("info", `The ${options.name} process started (pid ${started.pid}).`);
  }

  launch();

  return {
    current: () => child,
    async stop() {
      stopping = true;
      if (restartTimer !== undefined) clock.clearTimeout(restartTimer);
      restartTimer = undefined;
      const running = child;
      if (!running) return;
      const killTimer = clock.setTimeout(() => {
        log("warn", `The ${options.name} process did not stop in time; killing it.`);
        running.kill("SIGKILL");
      }, options.stopTimeoutMs ?? 10_000);
      running.kill("SIGTERM");
      await exited;
      clock.clearTimeout(killTimer);
    },
    kill() {
      stopping = true;
      if (restartTimer !== undefined) clock.clearTimeout(restartTimer);
      restartTimer = undefined;
      child?.kill("SIGKILL");
    },
  };
}
