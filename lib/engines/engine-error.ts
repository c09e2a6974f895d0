// An engine call that failed for good. It carries the tokens its attempts
// consumed, which are on the provider's bill even though no result came back,
// so the chunk step can record them on the job.
//
// Its message is what the user reads on the chunk and the job (it is an
// AppError, so publicErrorMessage passes it on): one fixed sentence per kind
// of failure. The provider's own text (an error body of up to 300
// characters, which can name keys, projects, quotas or URLs) and our
// diagnosis are kept in `detail`, an own property that pino's error
// serializer writes to the log with the error, and never stored on a row.
import { AppError } from "@/lib/errors";

export const engineErrorSentences = {
  quota: "Gemini's usage limit was reached; retry these pages later.",
  unavailable: "Gemini was unavailable or overloaded; retry these pages later.",
  timeout: "Gemini did not answer in time; retry these pages later.",
  network: "Gemini could not be reached; retry these pages later.",
  access: "Gemini refused this service's access (API key or permission); these pages cannot run until an administrator fixes it.",
  no_model: "The chosen Gemini model is not available; retry these pages with another model.",
  too_large: "These pages are too large for one Gemini request.",
  rejected: "Gemini rejected the request for these pages.",
  refused: "Gemini refused to process these pages (its safety filter).",
  unusable: "Gemini's answers for these pages were unusable; retry them, or use the offline engine.",
  other: "An unexpected error stopped Gemini on these pages; it has been logged.",
} as const;

/** Tokens billed by the provider. */
export interface EngineUsage {
  promptTokens: number;
  outputTokens: number;
}

export type EngineErrorKind = keyof typeof engineErrorSentences;

export class EngineError extends AppError {
  readonly usage: EngineUsage;
  readonly kind: EngineErrorKind;
  /** For the log only: our diagnosis and the provider's text. */
  readonly detail: string;

  constructor(
    kind: EngineErrorKind,
    detail: string,
    options: { usage: EngineUsage; attempts: number; retryAfterMs?: number },
  ) {
    const { usage, ...details } = options;
    super("engine_failed", engineErrorSentences[kind], { ...details, kind });
    this.name = "EngineError";
    this.kind = kind;
    this.detail = detail;
    this.usage = { ...usage };
  }
}
