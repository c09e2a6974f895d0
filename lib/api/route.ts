// The one wrapper every route handler goes through: it resolves the session,
// runs the handler and maps every error to the same JSON shape
// `{ error: { code, message, details? } }`.
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { z } from "zod";
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

export function errorResponse(error: unknown): NextResponse {
  if (isAppError(error)) {
    const headers = new Headers();
    const retryAfter = error.details?.retryAfterSeconds;
    if (typeof retryAfter === "number") headers.set("Retry-After", String(retryAfter));
    return NextResponse.json(
      { error: { code: error.code, message: error.message, details: error.details } },
      { status: error.status, headers },
    );
  }
  if (error instanceof z.ZodError) {
    const message = error.issues.map((issue) => issue.message).join(" ");
    return NextResponse.json(
      { error: { code: "invalid_input", message, details: { issues: error.issues } } },
      { status: 422 },
    );
  }
  log.error({ err: error }, "unhandled route error");
  return NextResponse.json(
    { error: { code: "internal", message: "Something went wrong on our side. Please try again." } },
    { status: 500 },
  );
}

async function sessionUser(req: NextRequest): Promise<SessionUser | null> {
  const token = await getToken({ req, secret: env().NEXTAUTH_SECRET });
  if (!token?.sub) return null;
  return { id: token.sub, role: token.role === "admin" ? "admin" : "user" };
}

/** A route open to everyone (health, sign-up). */
export function publicRoute<P extends RouteParams = RouteParams>(
  handler: (context: Context<P>) => Promise<Response>,
) {
  return async (req: NextRequest, context: NextContext) => {
    try {
      return await handler({ req, params: (await context.params) as P });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** A route that needs a signed-in user (401 otherwise), optionally an admin (403). */
export function authedRoute<P extends RouteParams = RouteParams>(
  handler: (context: AuthedContext<P>) => Promise<Response>,
  options: { role?: "admin" } = {},
) {
  return async (req: NextRequest, context: NextContext) => {
    try {
      const user = await sessionUser(req);
      if (!user) throw new AppError("unauthenticated", "Sign in to continue.");
      if (options.role === "admin" && user.role !== "admin") {
        throw new AppError("forbidden", "This page is for administrators.");
      }
      return await handler({ req, params: (await context.params) as P, user });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Parses a JSON body with a zod schema; a malformed body is a 400. */
export async function readJson<T>(req: NextRequest, schema: z.ZodType<T>): Promise<T> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw new AppError("bad_request", "The request body must be JSON.");
  }
  return schema.parse(body);
}
