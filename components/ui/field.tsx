import type { ReactNode } from "react";
import styles from "./field.module.css";

/** Class name for inputs and selects, so every control looks the same. */
export const controlClass = styles.control;

export function hintId(id: string) {
  return `${id}-hint`;
}

export function errorId(id: string) {
  return `${id}-error`;
}

/** `aria-describedby` for a control given which helper texts are shown. */
export function describedBy(id: string, parts: { hint?: unknown; error?: unknown }) {
  const ids = [parts.hint ? hintId(id) : null, parts.error ? errorId(id) : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

/** A visible label above its control, with optional hint and error text. */
export function Field({
  id,
  label,
  hint,
  error,
  children,
  className,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={[styles.field, className].filter(Boolean).join(" ")}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      {children}
      {hint ? (
        <p id={hintId(id)} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId(id)} className={styles.error} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
