// Sign-in and sign-up: a centred card, no app navigation. A visitor who is
// already signed in goes straight to the app.
import { getServerSession } from "next-auth";
import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import styles from "@/components/auth/auth.module.css";
import { authOptions } from "@/lib/auth/auth-options";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const session = await getServerSession(authOptions());
  if (session?.user?.id) redirect("/");
  return (
    <main className={styles.page}>
      <div className={styles.column}>
        <Link href="/sign-in" className={styles.brand}>
          <span className={styles.mark} aria-hidden="true">
            Pc
          </span>
          Phrases courtes
        </Link>
        {children}
        <p className={styles.tagline}>French novels, one short sentence at a time.</p>
      </div>
    </main>
  );
}
