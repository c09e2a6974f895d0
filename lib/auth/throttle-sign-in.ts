// Sign-in is throttled inside next-auth's `authorize`, where next-auth hands
// over the credentials it parsed: whatever path reached it (next-auth takes
// the provider from a path segment, so `/callback/credentials/x` signs in
// too) and whatever the body's encoding (form or JSON). One attempt is
// counted per client address and per account email, before bcrypt runs.
//
// next-auth turns an error thrown by `authorize` into a 401 whose `error` is
// the error's message, and drops anything else about it. So the refusal is
// also kept for the request (AsyncLocalStorage), and the auth route, through
// `answerThrottledSignIn`, answers 429 with Retry-After like every other
// throttle, still carrying next-auth's `url` for its browser client.
import { AsyncLocalStorage } from "node:async_hooks";
import { NextResponse } from "next/server";
import { errorResponse } from "@/lib/api/route";
import { AppError, isAppError } from "@/lib/errors";
import { clientAddress } from "@/lib/rate-limit/client-address";
import { consumeThrottle } from "@/lib/rate-limit/throttle";

interface SignInRequest {
  refusal?: AppError;
}

const signInRequests = new AsyncLocalStorage<SignInRequest>();

/** Counts one sign-in attempt; throws `rate_limited` past the address's or the account's allowance. */
export async function throttleSignIn(attempt: { headers: Headers; email: string }): Promise<void> {
  try {
    await consumeThrottle("sign-in-ip", clientAddress(attempt.headers));
    if (attempt.email) await consumeThrottle("sign-in-account", attempt.email);
  } catch (error) {
    const request = signInRequests.getStore();
    if (request && isAppError(error) && error.code === "rate_limited") request.refusal = error;
    throw error;
  }
}

/** Runs next-auth's handler; a sign-in it refused for the throttle becomes 429 + Retry-After. */
export async function answerThrottledSignIn(handle: () => Promise<Response>): Promise<Response> {
  const request: SignInRequest = {};
  const response = await signInRequests.run(request, handle);
  if (!request.refusal) return response;
  const refused = errorResponse(request.refusal);
  // next-auth's browser client (`signIn`) reads the outcome from `url`,
  // whose `error` is the throttle's sentence.
  const url = response.headers.get("location") ?? (await nextAuthUrl(response));
  return NextResponse.json({ ...(await refused.json()), url }, { status: refused.status, headers: refused.headers });
}

async function nextAuthUrl(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.json()) as { url?: unknown };
    return typeof body.url === "string" ? body.url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Sign-up costs a bcrypt hash: counted per address, and per email on a
 * counter of its own. Sharing sign-in's per-email counter let anyone lock an
 * account out of signing in for 15 minutes by signing up with its email.
 */
export async function throttleSignUp(request: Request, email: string): Promise<void> {
  await consumeThrottle("sign-up-ip", clientAddress(request.headers));
  await consumeThrottle("sign-up-account", email);
}
