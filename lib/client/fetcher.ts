// The one way the browser talks to the JSON API. Every failure becomes an
// `ApiError` carrying the server's `{ code, message }` and the HTTP status, so
// components can branch on `code` and show `message` as is.
import type { ErrorCode } from "@/lib/errors";

/**
 * The server's error codes (lib/errors.ts), so a switch on one is checked;
 * `network` when no answer came, `http_<status>` when the answer had no code
 * (a proxy's HTML page, a crash).
 */
export type ApiErrorCode = ErrorCode | "network" | `http_${number}`;

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly details?: Record<string, unknown>;
  /** Seconds from a Retry-After header (429/503), when the server sent one. */
  readonly retryAfterSeconds?: number;

  constructor(init: {
    code: ApiErrorCode;
    message: string;
    status: number;
    details?: Record<string, unknown>;
    retryAfterSeconds?: number;
  }) {
    super(init.message);
    this.name = "ApiError";
    this.code = init.code;
    this.status = init.status;
    this.details = init.details;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

const fallbackMessages: Record<number, string> = {
  401: "Your session has ended. Sign in again.",
  403: "You are not allowed to do this.",
  404: "This was not found.",
  413: "The file is too large.",
  429: "Too many requests. Wait a moment and try again.",
  503: "The service is busy. Try again in a moment.",
};

async function toApiError(response: Response): Promise<ApiError> {
  let code: ApiErrorCode = `http_${response.status}`;
  let message = fallbackMessages[response.status] ?? `The server answered ${response.status}.`;
  let details: Record<string, unknown> | undefined;
  try {
    const body = (await response.json()) as {
      error?: { code?: ErrorCode; message?: string; details?: Record<string, unknown> };
    };
    if (body.error?.code) code = body.error.code;
    if (body.error?.message) message = body.error.message;
    details = body.error?.details;
  } catch {
    // A proxy or a crash can answer with HTML; the status-based message stands.
  }
  const retryAfter = Number(response.headers.get("Retry-After"));
  return new ApiError({
    code,
    message,
    status: response.status,
    details,
    retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  });
}

async function send(url: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: { accept: "application/json", ...init.headers },
      credentials: "same-origin",
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError({
      code: "network",
      message: "Cannot reach the server. Check your connection and try again.",
      status: 0,
    });
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

/** SWR's fetcher: GET a JSON resource. */
export async function fetcher<T>(url: string): Promise<T> {
  const response = await send(url, { method: "GET" });
  return (await response.json()) as T;
}

/** A mutation: JSON or multipart body; an empty answer (204) resolves to undefined. */
export async function apiRequest<T = unknown>(
  url: string,
  options: { method: "POST" | "PUT" | "PATCH" | "DELETE"; json?: unknown; form?: FormData; signal?: AbortSignal },
): Promise<T> {
  const init: RequestInit = { method: options.method, signal: options.signal };
  if (options.form) {
    init.body = options.form;
  } else if (options.json !== undefined) {
    init.body = JSON.stringify(options.json);
    init.headers = { "content-type": "application/json" };
  }
  const response = await send(url, init);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
