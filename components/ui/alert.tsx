import type { ReactNode } from "react";
import styles from "./alert.module.css";

export type AlertTone = "info" | "success" | "warning" | "danger";

// Drawn, not typed, so the icon never leaks into the message's text.
const paths: Record<AlertTone, string> = {
  info: "M12 11v6M12 7.5v.01",
  success: "M7 12.5l3.2 3.2L17 9",
  warning: "M12 7v6.5M12 16.8v.01",
  danger: "M12 7v6.5M12 16.8v.01",
};

/** An inline message; warnings and errors are announced to screen readers. */
export function Alert({
  tone = "info",
  title,
  children,
  testId,
}: {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  testId?: string;
}) {
  const urgent = tone === "danger" || tone === "warning";
  return (
    <div className={`${styles.alert} ${styles[tone]}`} role={urgent ? "alert" : "status"} data-testid={testId}>
      <span className={styles.icon} aria-hidden="true">
        <svg
          viewBox="0 0 24 24"
          width="14"
          height="14"
          fill="none"
          stroke="currentColor"
          strokeWidth={2.6}
          strokeLinecap="round"
          strokeLinejoin="round"
          focusable="false"
        >
          <path d={paths[tone]} />
        </svg>
      </span>
      <div className={styles.content}>
        {title ? <p className={styles.title}>{title}</p> : null}
        {children ? <div>{children}</div> : null}
      </div>
    </div>
  );
}
