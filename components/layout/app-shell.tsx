import type { ReactNode } from "react";
import { AppHeader } from "./app-header";
import styles from "./app-shell.module.css";

/** The signed-in frame: header navigation and the page's main landmark. */
export function AppShell({
  email,
  isAdmin,
  children,
}: {
  email: string | null;
  isAdmin: boolean;
  children: ReactNode;
}) {
  return (
    <>
      <AppHeader email={email} isAdmin={isAdmin} />
      <main id="main" tabIndex={-1} className={styles.main}>
        {children}
      </main>
    </>
  );
}
