// The frame the sign-in and sign-up pages share: a card with the page's
// heading, its notices and form, and the link to the other page; and the form
// itself, its fields above one full-width submit button.
import type { FormEvent, ReactNode } from "react";
import { Button } from "@/components/ui/button";
import styles from "./auth.module.css";

export function AuthCard({
  title,
  lead,
  switchTo,
  children,
}: {
  title: string;
  lead: string;
  /** The line under the card that leads to the other page. */
  switchTo: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className={styles.card}>
      <div className={styles.heading}>
        <h1>{title}</h1>
        <p>{lead}</p>
      </div>
      {children}
      <p className={styles.switch}>{switchTo}</p>
    </div>
  );
}

export function AuthForm({
  onSubmit,
  busy,
  submitLabel,
  children,
}: {
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  busy: boolean;
  submitLabel: string;
  children: ReactNode;
}) {
  return (
    <form className={styles.form} onSubmit={onSubmit}>
      {children}
      <Button type="submit" variant="primary" block busy={busy}>
        {submitLabel}
      </Button>
    </form>
  );
}
