"use client";
import { getSession, signIn } from "next-auth/react";

/** `refused` carries the server's sentence for a throttled sign-in ("Try again in 12 minutes."). */
export type SignInOutcome = "ok" | "invalid" | "failed" | { refused: string };

/**
 * Email + password sign-in that confirms a session exists. next-auth v4
 * answers a CSRF mismatch (two first requests racing to set the CSRF cookie)
 * with "ok" and no session; a second attempt uses the settled cookie.
 */
export async function signInWithCredentials(email: string, password: string): Promise<SignInOutcome> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const result = await signIn("credentials", { email, password, redirect: false });
    if (!result) return "failed";
    // The throttle answers 429 and its sentence arrives as next-auth's `error`.
    if (result.status === 429 && result.error) return { refused: result.error };
    if (result.error) return result.error === "CredentialsSignin" ? "invalid" : "failed";
    const session = await getSession();
    if (session?.user) return "ok";
  }
  return "failed";
}
