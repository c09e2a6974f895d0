// Structured logs for web and worker. Child loggers carry ids such as jobId.
import { pino } from "pino";
import { env } from "@/lib/env";

export const log = pino({
  level: env().LOG_LEVEL,
  base: { pid: process.pid, role: process.env.PROCESS_ROLE ?? "web" },
  timestamp: pino.stdTimeFunctions.isoTime,
});
