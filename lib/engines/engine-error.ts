// An engine call that failed for good. It carries the tokens its attempts
// consumed, which are on the provider's bill even though no result came back,
// so the chunk step can record them on the job.
import { AppError } from "@/lib/errors";
import type { EngineUsage } from "@/lib/engines/types";

export class EngineError extends AppError {
  readonly usage: EngineUsage;

  constructor(message: string, options: { usage: EngineUsage; attempts: number; retryAfterMs?: number }) {
    const { usage, ...details } = options;
    super("engine_failed", message, details);
    this.name = "EngineError";
    this.usage = { ...usage };
  }
}
