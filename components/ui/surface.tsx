// Layout pieces every page uses: cards, page headers, stats, empty states and
// loading skeletons.
import type { CSSProperties, ReactNode } from "react";
import { BookIcon } from "./icons";
import styles from "./surface.module.css";

export function Card({
  title,
  actions,
  children,
  className,
  labelledBy,
  testId,
}: {
  title?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  labelledBy?: string;
  testId?: string;
}) {
  return (
    <section
      className={[styles.card, className].filter(Boolean).join(" ")}
      aria-labelledby={labelledBy}
      data-testid={testId}
    >
      {title || actions ? (
        <div className={styles.cardHeader}>
          {title ? <h2 id={labelledBy}>{title}</h2> : <span />}
          {actions}
        </div>
      ) : null}
      <div className={styles.cardBody}>{children}</div>
    </section>
  );
}

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className={styles.pageHeader}>
      <div className={styles.pageTitles}>
        <h1>{title}</h1>
        {description ? <p className={styles.pageDescription}>{description}</p> : null}
      </div>
      {actions ? <div className={styles.pageActions}>{actions}</div> : null}
    </div>
  );
}

export function Stats({ children }: { children: ReactNode }) {
  return <dl className={styles.stats}>{children}</dl>;
}

export function Stat({
  label,
  value,
  note,
  testId,
}: {
  label: ReactNode;
  value: ReactNode;
  note?: ReactNode;
  testId?: string;
}) {
  return (
    <div className={styles.stat}>
      <dt className={styles.statLabel}>{label}</dt>
      <dd className={styles.statValue} data-testid={testId}>
        {value}
      </dd>
      {note ? <dd className={styles.statNote}>{note}</dd> : null}
    </div>
  );
}

export function EmptyState({
  icon = <BookIcon />,
  title,
  children,
  action,
}: {
  icon?: ReactNode;
  title: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className={styles.empty}>
      <span className={styles.emptyIcon} aria-hidden="true">
        {icon}
      </span>
      <p className={styles.emptyTitle}>{title}</p>
      {children ? <div>{children}</div> : null}
      {action ? <div className={styles.emptyAction}>{action}</div> : null}
    </div>
  );
}

export function Skeleton({
  width = "100%",
  height = "1rem",
  style,
}: {
  width?: string;
  height?: string;
  style?: CSSProperties;
}) {
  return <span className={styles.skeleton} style={{ width, height, ...style }} aria-hidden="true" />;
}
