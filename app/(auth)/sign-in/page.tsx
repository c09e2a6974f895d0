import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";
import { isGoogleEnabled } from "@/lib/auth/auth-options";
import { env } from "@/lib/env";
import { demoAccount } from "@/lib/users/demo-account";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  return (
    <SignInForm
      callbackUrl={first(params.callbackUrl)}
      initialError={first(params.error)}
      googleEnabled={isGoogleEnabled()}
      demoAccount={env().SHOW_DEMO_ACCOUNT ? demoAccount : undefined}
    />
  );
}
