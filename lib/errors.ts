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
  unavailable: 503,
  pdf_invalid: 422,
  pdf_encrypted: 422,
  pdf_no_text: 422,
  pdf_too_many_pages: 422,
  engine_failed: 502,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
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
