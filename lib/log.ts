// Structured logs for web and worker. The logger is built on the first line
// logged, not on import, so importing any module never reads configuration:
// entry points set PROCESS_ROLE and tests set LOG_LEVEL after their imports.
import { pino, type LogFn, type Logger } from "pino";
import { env } from "@/lib/env";

/**
 * Errors as type, message, code, detail and stack: pg errors also carry their
 * whole client. `detail` is what an error keeps from its user-facing message
 * (EngineError: the provider's own text), so the log is where it is read.
 */
function serializeError(error: unknown) {
  if (!(error instanceof Error)) return { message: String(error) };
  const { code, detail } = error as { code?: unknown; detail?: unknown };
  return {
    type: error.name,
    message: error.message,
    ...(code ? { code } : {}),
    ...(typeof detail === "string" ? { detail } : {}),
    stack: error.stack,
  };
}

let instance: Logger | undefined;

function logger(): Logger {
  instance ??= pino({
    level: env().LOG_LEVEL,
    base: { pid: process.pid, role: process.env.PROCESS_ROLE ?? "web" },
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: { err: serializeError },
  });
  return instance;
}

type Level = "fatal" | "error" | "warn" | "info" | "debug" | "trace";

function atLevel(level: Level): LogFn {
  return ((...args: unknown[]) => {
    const target = logger();
    (target[level] as (...args: unknown[]) => void).apply(target, args);
  }) as LogFn;
}

export const log = {
  fatal: atLevel("fatal"),
  error: atLevel("error"),
  warn: atLevel("warn"),
  info: atLevel("info"),
  debug: atLevel("debug"),
  trace: atLevel("trace"),
};

/** The logger for everything about one book: every line carries its jobId, so one grep follows it. */
export function jobLog(jobId: string, fields: Record<string, unknown> = {}): Logger {
  return logger().child({ jobId, ...fields });
}
