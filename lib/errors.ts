// One error type for the whole product. Domain code throws `AppError` with a
// code; `errorStatus` maps each code to its HTTP status, which the route
// wrapper (lib/api/route.ts) reads from `AppError.status`.

export const errorStatus = {
  bad_request: 400,
  invalid_input: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  insufficient_credits: 402,
  rate_limited: 429,
  gemini_budget_spent: 429,
  unavailable: 503,
  pdf_invalid: 422,
  pdf_encrypted: 422,
  pdf_no_text: 422,
  pdf_too_many_pages: 422,
  engine_failed: 502,
  pdf_timeout: 422,
  /** An EPUB or text file that cannot be read (broken container, garbage encoding, no text). */
  book_invalid: 422,
  /** An EPUB whose text is encrypted (DRM). */
  book_encrypted: 422,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  /**
   * `cause` is the internal error behind this one (a pdfjs or database
   * message): it goes to the log with the request id, never to the client.
   */
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/**
 * The sentence a client may see for an error stored on a job or chunk:
 * AppError messages are written for users; anything else (a database or SDK
 * message) is logged where it happens and replaced by this sentence.
 */
export function publicErrorMessage(error: unknown): string {
  return isAppError(error) ? error.message : "An internal error stopped these pages; it has been logged.";
}
