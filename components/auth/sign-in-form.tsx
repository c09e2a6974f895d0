"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, controlClass } from "@/components/ui/field";
import { AuthCard, AuthForm } from "./auth-card";
import styles from "./auth.module.css";
import { signInWithCredentials } from "./sign-in-with-credentials";

/** Where to go after signing in: only a path on this site, never another origin. */
function safeCallbackUrl(value: string | undefined): string {
  if (!value) return "/";
  try {
    const url = new URL(value, window.location.origin);
    if (url.origin !== window.location.origin || /^\/sign-(in|up)/.test(url.pathname)) return "/";
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return "/";
  }
}

export function SignInForm({
  callbackUrl,
  initialError,
  googleEnabled,
  demoAccount,
}: {
  callbackUrl?: string;
  initialError?: string;
  googleEnabled: boolean;
  /** Shown while `npm start` seeds the demo account, so nobody mistakes this server for a closed one. */
  demoAccount?: { email: string; password: string };
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(
    initialError ? "Sign-in failed. Check your email and password and try again." : null,
  );
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const outcome = await signInWithCredentials(String(form.get("email") ?? ""), String(form.get("password") ?? ""));
      if (outcome !== "ok") {
        setError(
          typeof outcome === "object"
            ? outcome.refused
            : outcome === "invalid"
              ? "The email or password is not right. Try again."
              : "Sign-in did not complete. Try again in a moment.",
        );
        setBusy(false);
        return;
      }
      router.replace(safeCallbackUrl(callbackUrl));
      router.refresh();
    } catch {
      setError("Cannot reach the server. Check your connection and try again.");
      setBusy(false);
    }
  }

  return (
    <AuthCard
      title="Sign in"
      lead="Welcome back. Your books and results are waiting."
      switchTo={
        <>
          New here? <Link href="/sign-up">Create an account</Link>
        </>
      }
    >
      {demoAccount ? (
        <Alert tone="info" testId="demo-account">
          Demo account: {demoAccount.email} / {demoAccount.password}. This server was started with <code>npm start</code>
          outside production, which creates it; anyone who reaches this page can use it.
        </Alert>
      ) : null}
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <AuthForm onSubmit={onSubmit} busy={busy} submitLabel="Sign in">
        <Field id="email" label="Email">
          <input id="email" name="email" type="email" autoComplete="email" required className={controlClass} />
        </Field>
        <Field id="password" label="Password">
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            className={controlClass}
          />
        </Field>
      </AuthForm>
      {googleEnabled ? (
        <>
          <div className={styles.divider}>or</div>
          <Button block onClick={() => void signIn("google", { callbackUrl: safeCallbackUrl(callbackUrl) })}>
            Continue with Google
          </Button>
        </>
      ) : null}
    </AuthCard>
  );
}
