// Structured logs for web and worker. Child loggers carry ids such as jobId.
import { pino } from "pino";
import { env } from "@/lib/env";

/** Errors as type, message, code and stack: pg errors also carry their whole client. */
function serializeError(error: unknown) {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = (error as { code?: unknown }).code;
  return { type: error.name, message: error.message, ...(code ? { code } : {}), stack: error.stack };
}

export const log = pino({
  level: env().LOG_LEVEL,
  base: { pid: process.pid, role: process.env.PROCESS_ROLE ?? "web" },
  timestamp: pino.stdTimeFunctions.isoTime,
  serializers: { err: serializeError },
});

/** The logger for everything about one book: every line carries its jobId, so one grep follows it. */
export function jobLog(jobId: string, fields: Record<string, unknown> = {}) {
  return log.child({ jobId, ...fields });
}
