"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Field, controlClass, describedBy } from "@/components/ui/field";
import { isApiError } from "@/lib/client/fetcher";
import { postUser } from "@/lib/client/mutations";
import { AuthCard, AuthForm } from "./auth-card";
import { signInWithCredentials } from "./sign-in-with-credentials";

const passwordHint = "At least 8 characters, with letters and at least one digit or symbol.";

export function SignUpForm() {
  const router = useRouter();
  const [error, setError] = useState<{ field?: "email" | "password"; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const confirm = String(form.get("confirm") ?? "");
    if (password !== confirm) {
      setError({ field: "password", message: "The two passwords are different." });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await postUser({ email, password });
    } catch (caught) {
      if (isApiError(caught) && caught.status === 409) {
        setError({ field: "email", message: caught.message });
      } else if (isApiError(caught) && caught.status === 422) {
        const onEmail = /email/i.test(caught.message);
        setError({ field: onEmail ? "email" : "password", message: caught.message });
      } else {
        setError({ message: caught instanceof Error ? caught.message : "Sign-up failed. Try again." });
      }
      setBusy(false);
      return;
    }
    if ((await signInWithCredentials(email, password)) !== "ok") {
      // The account exists; let the reader sign in by hand.
      router.replace("/sign-in");
      return;
    }
    router.replace("/");
    router.refresh();
  }

  const emailError = error?.field === "email" ? error.message : undefined;
  const passwordError = error?.field === "password" ? error.message : undefined;

  return (
    <AuthCard
      title="Create your account"
      lead="Upload a French novel and get every sentence back, short and linked to its page."
      switchTo={
        <>
          Already have an account? <Link href="/sign-in">Sign in</Link>
        </>
      }
    >
      {error && !error.field ? <Alert tone="danger">{error.message}</Alert> : null}
      <AuthForm onSubmit={onSubmit} busy={busy} submitLabel="Create account">
        <Field id="email" label="Email" error={emailError}>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="email"
            required
            className={controlClass}
            aria-invalid={emailError ? true : undefined}
            aria-describedby={describedBy("email", { error: emailError })}
          />
        </Field>
        <Field id="password" label="Password" hint={passwordHint} error={passwordError}>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={8}
            className={controlClass}
            aria-invalid={passwordError ? true : undefined}
            aria-describedby={describedBy("password", { hint: true, error: passwordError })}
          />
        </Field>
        <Field id="confirm" label="Repeat password">
          <input
            id="confirm"
            name="confirm"
            type="password"
            autoComplete="new-password"
            required
            className={controlClass}
          />
        </Field>
      </AuthForm>
    </AuthCard>
  );
}
