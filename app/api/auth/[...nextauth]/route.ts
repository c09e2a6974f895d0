// GET/POST /api/auth/* – next-auth (sign-in, sign-out, session, csrf); a POST's body is capped before next-auth reads it, and a throttled sign-in answers 429
// next-auth's `_log` (its browser client's error reporter) is refused: it let anyone write error-level lines to the server's log.
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { withCappedBody } from "@/lib/api/read-capped-body";
import { errorResponse } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { authBodyMaxBytes, authOptions } from "@/lib/auth/auth-options";
import { answerThrottledSignIn } from "@/lib/auth/throttle-sign-in";

const handler = NextAuth(authOptions());

type NextAuthContext = { params: Promise<{ nextauth: string[] }> };

async function post(req: NextRequest, context: NextAuthContext) {
  try {
    if ((await context.params).nextauth[0] === "_log") throw new AppError("not_found", "Not found.");
    const capped = await withCappedBody(req, { maxBytes: authBodyMaxBytes });
    return await answerThrottledSignIn(() => handler(capped, context));
  } catch (error) {
    return errorResponse(error);
  }
}

export { handler as GET, post as POST };
