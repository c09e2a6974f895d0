// The one wrapper every route handler goes through: it gives the request an
// id (X-Request-Id on every answer, `requestId` in every error body, and on
// every log line about it), refuses state-changing requests from a foreign
// Origin, resolves the session, runs the handler and maps every error to the
// same JSON shape `{ error: { code, message, details?, requestId } }`.
// Internal error text (database, pdfjs, SDK) is logged, never sent.
import { randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { z } from "zod";
import { readCappedBody, smallJsonMaxBytes, type BodyLimit } from "@/lib/api/read-capped-body";
import { checkSessionUser, isSessionCheckDue } from "@/lib/auth/check-session-user";
import { decodeSessionToken } from "@/lib/auth/decode-session-token";
import { AppError, isAppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

export interface SessionUser {
  id: string;
  role: "user" | "admin";
}

type RouteParams = Record<string, string | string[]>;

interface Context<P> {
  req: NextRequest;
  params: P;
}

interface AuthedContext<P> extends Context<P> {
  user: SessionUser;
}

type NextContext = { params: Promise<RouteParams> };

export function errorResponse(error: unknown, requestId: string = randomUUID()): NextResponse {
  const headers = new Headers({ "X-Request-Id": requestId });
  if (isAppError(error)) {
    if (error.cause !== undefined) log.warn({ requestId, code: error.code, err: error.cause }, error.message);
    const retryAfter = error.details?.retryAfterSeconds;
    if (typeof retryAfter === "number") headers.set("Retry-After", String(retryAfter));
    return NextResponse.json(
      { error: { code: error.code, message: error.message, details: error.details, requestId } },
      { status: error.status, headers },
    );
  }
  if (error instanceof z.ZodError) {
    const message = error.issues.map((issue) => issue.message).join(" ");
    return NextResponse.json(
      { error: { code: "invalid_input", message, details: { issues: error.issues }, requestId } },
      { status: 422, headers },
    );
  }
  log.error({ requestId, err: error }, "unhandled route error");
  return NextResponse.json(
    {
      error: {
        code: "internal",
        message: "Something went wrong on our side. Please try again.",
        requestId,
      },
    },
    { status: 500, headers },
  );
}

const stateChanging = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Browsers send Origin with every cross-site POST, PUT, PATCH or DELETE; one
 * that names another site than the one the request was sent to is a forged
 * request (CSRF) and is refused. No Origin (curl, scripts) is allowed: the
 * session cookie is SameSite=Lax, and those clients hold their own cookie.
 */
export function assertSameOrigin(req: Request): void {
  if (!stateChanging.has(req.method)) return;
  const origin = req.headers.get("origin");
  if (origin === null) return;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    // "null" (sandboxed frames, some redirects) is refused like a foreign site.
  }
  const configured = env().NEXTAUTH_URL ? new URL(env().NEXTAUTH_URL!).host : null;
  if (originHost && (originHost === host || originHost === configured)) return;
  throw new AppError("forbidden", "This request came from another site and was refused.");
}

async function sessionUser(req: NextRequest): Promise<SessionUser | null> {
  const token = await getToken({ req, secret: env().NEXTAUTH_SECRET, decode: decodeSessionToken });
  if (!token?.sub) return null;
  if (isSessionCheckDue(token)) {
    // Deleted accounts, signed-out sessions and changed roles take effect
    // here at most SESSION_RECHECK_SECONDS after they happen.
    return checkSessionUser(token);
  }
  return { id: token.sub, role: token.role === "admin" ? "admin" : "user" };
}

function withRequestId(response: Response, requestId: string): Response {
  try {
    response.headers.set("X-Request-Id", requestId);
  } catch {
    // Redirect responses have immutable headers; they carry no error to trace.
  }
  return response;
}

/** A route open to everyone (health, sign-up). */
export function publicRoute<P extends RouteParams = RouteParams>(
  handler: (context: Context<P>) => Promise<Response>,
) {
  return async (req: NextRequest, context: NextContext) => {
    const requestId = randomUUID();
    try {
      assertSameOrigin(req);
      return withRequestId(await handler({ req, params: (await context.params) as P }), requestId);
    } catch (error) {
      return errorResponse(error, requestId);
    }
  };
}

/** A route that needs a signed-in user (401 otherwise), optionally an admin (403). */
export function authedRoute<P extends RouteParams = RouteParams>(
  handler: (context: AuthedContext<P>) => Promise<Response>,
  options: { role?: "admin" } = {},
) {
  return async (req: NextRequest, context: NextContext) => {
    const requestId = randomUUID();
    try {
      const user = await sessionUser(req);
      if (!user) throw new AppError("unauthenticated", "Sign in to continue.");
      assertSameOrigin(req);
      if (options.role === "admin" && user.role !== "admin") {
        throw new AppError("forbidden", "This page is for administrators.");
      }
      return withRequestId(await handler({ req, params: (await context.params) as P, user }), requestId);
    } catch (error) {
      return errorResponse(error, requestId);
    }
  };
}

/**
 * Parses a JSON body with a zod schema; a malformed body is a 400, one past
 * the limit (64 KB unless the route allows more) a 413.
 */
export async function readJson<T>(
  req: NextRequest,
  schema: z.ZodType<T>,
  limit: BodyLimit = { maxBytes: smallJsonMaxBytes },
): Promise<T> {
  const bytes = await readCappedBody(req, limit);
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new AppError("bad_request", "The request body must be JSON.");
  }
  return schema.parse(body);
}
