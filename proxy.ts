// Runs before every page is rendered: gives the page a Content-Security-Policy
// with a nonce of its own (lib/api/content-security-policy.ts). Next.js
// finds the nonce in the request's policy and writes it on its scripts; the
// root layout renders every page per request so that each gets a fresh one.
// API routes and build files are left out: they run no script, and
// next.config.mjs gives them the policy without a nonce.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, createNonce } from "@/lib/api/content-security-policy";

export function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy({ nonce: createNonce(), dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: ["/((?!api/|_next/static/|_next/image).*)"],
};
