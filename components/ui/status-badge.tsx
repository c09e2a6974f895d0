import type { ReactNode } from "react";
import type { JobStatus } from "@/lib/client/api-types";
import { jobStatusLabels } from "@/lib/jobs/job-states";
import styles from "./badge.module.css";

export type BadgeTone = "neutral" | "info" | "success" | "warning" | "danger";

const tones: Record<JobStatus, BadgeTone> = {
  queued: "neutral",
  running: "info",
  cancelling: "warning",
  cancelled: "neutral",
  succeeded: "success",
  partial: "warning",
  failed: "danger",
};

export function Badge({ tone, children, pulse }: { tone: BadgeTone; children: ReactNode; pulse?: boolean }) {
  return (
    <span className={[styles.badge, styles[tone], pulse && styles.pulse].filter(Boolean).join(" ")}>
      <span className={styles.dot} aria-hidden="true" />
      {children}
    </span>
  );
}

/** A job's status as a coloured pill; the text carries the meaning, not the colour. */
export function StatusBadge({ status }: { status: JobStatus }) {
  return (
    <span data-testid="job-status" data-status={status}>
      <Badge tone={tones[status]} pulse={status === "running" || status === "cancelling"}>
        {jobStatusLabels[status]}
      </Badge>
    </span>
  );
}
