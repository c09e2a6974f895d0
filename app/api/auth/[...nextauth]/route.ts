// GET/POST /api/auth/* – next-auth (sign-in, sign-out, session, csrf); credentials sign-in is throttled first
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { errorResponse } from "@/lib/api/route";
import { authOptions } from "@/lib/auth/auth-options";
import { isCredentialsSignIn, throttleSignIn } from "@/lib/auth/throttle-sign-in";

const handler = NextAuth(authOptions());

type NextAuthContext = { params: Promise<{ nextauth: string[] }> };

async function post(req: NextRequest, context: NextAuthContext) {
  if (isCredentialsSignIn(req)) {
    try {
      await throttleSignIn(req);
    } catch (error) {
      return errorResponse(error);
    }
  }
  return handler(req, context);
}

export { handler as GET, post as POST };
