import type { ReactNode } from "react";
import styles from "./status-page.module.css";

/** The body of not-found and error pages. */
export function StatusPage({
  code,
  title,
  children,
  actions,
  fullHeight = false,
}: {
  code: string;
  title: string;
  children: ReactNode;
  actions: ReactNode;
  fullHeight?: boolean;
}) {
  return (
    <div className={[styles.page, fullHeight && styles.full].filter(Boolean).join(" ")}>
      <div className={styles.box}>
        <span className={styles.code} aria-hidden="true">
          {code}
        </span>
        <h1>{title}</h1>
        <p>{children}</p>
        <div className={styles.actions}>{actions}</div>
      </div>
    </div>
  );
}
