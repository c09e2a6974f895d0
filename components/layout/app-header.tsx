"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { formatNumber } from "@/components/ui/format";
import { useCredits } from "@/lib/client/use-credits";
import styles from "./app-header.module.css";

interface NavItem {
  href: string;
  label: string;
  match: (path: string) => boolean;
}

const items: NavItem[] = [
  { href: "/", label: "Upload", match: (path) => path === "/" },
  { href: "/jobs", label: "History", match: (path) => path.startsWith("/jobs") },
  { href: "/study-sets", label: "Study sets", match: (path) => path.startsWith("/study-sets") },
  { href: "/credits", label: "Credits", match: (path) => path.startsWith("/credits") },
  { href: "/settings", label: "Settings", match: (path) => path.startsWith("/settings") },
];

const adminItem: NavItem = { href: "/admin", label: "Admin", match: (path) => path.startsWith("/admin") };

function Balance() {
  const { data } = useCredits();
  return (
    <span className={styles.balance} data-testid="header-balance">
      {data ? formatNumber(data.balance) : "…"}
    </span>
  );
}

export function AppHeader({ email, isAdmin }: { email: string | null; isAdmin: boolean }) {
  const pathname = usePathname();
  const [signingOut, setSigningOut] = useState(false);
  const nav = isAdmin ? [...items, adminItem] : items;

  return (
    <>
      <a href="#main" className={styles.skip}>
        Skip to content
      </a>
      <header className={styles.header}>
        <div className={styles.inner}>
          <Link href="/" className={styles.brand}>
            <span className={styles.mark} aria-hidden="true">
              Pc
            </span>
            Phrases courtes
          </Link>
          <nav className={styles.nav} aria-label="Main">
            <ul className={styles.links}>
              {nav.map((item) => (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    className={styles.link}
                    aria-current={item.match(pathname) ? "page" : undefined}
                  >
                    {item.label}
                    {item.href === "/credits" ? <Balance /> : null}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className={styles.user}>
            {email ? (
              <span className={styles.email} title={email}>
                {email}
              </span>
            ) : null}
            <Button
              size="sm"
              variant="secondary"
              busy={signingOut}
              onClick={() => {
                setSigningOut(true);
                void signOut({ callbackUrl: "/sign-in" });
              }}
            >
              Sign out
            </Button>
          </div>
        </div>
      </header>
    </>
  );
}
