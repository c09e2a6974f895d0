// Every page in this group needs a signed-in user; the check runs on the
// server before anything is sent, so a signed-out visitor gets a redirect.
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { authOptions } from "@/lib/auth/auth-options";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const session = await getServerSession(authOptions());
  if (!session?.user?.id) redirect("/sign-in");
  return (
    <AppShell email={session.user.email ?? null} isAdmin={session.user.role === "admin"}>
      {children}
    </AppShell>
  );
}
