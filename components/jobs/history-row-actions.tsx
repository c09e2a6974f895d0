"use client";
// What a user can do with one history row; each button appears only when the
// job's status allows it.
import { Button, ButtonAnchor, ButtonLink } from "@/components/ui/button";
import type { JobSummary } from "@/lib/client/api-types";
import { canCancelJob, canDeleteJob, canRetryJob, isJobUnfinished } from "@/lib/jobs/job-states";
import { exportHref } from "./export-links";
import styles from "./history.module.css";

export interface RowActionHandlers {
  onCancel: (job: JobSummary) => void;
  onRetry: (job: JobSummary) => void;
  onDelete: (job: JobSummary) => void;
  /** The id of the job whose retry is in flight. */
  retrying: string | null;
}

export function HistoryRowActions({
  job,
  onCancel,
  onRetry,
  onDelete,
  retrying,
}: { job: JobSummary } & RowActionHandlers) {
  return (
    <div className={styles.actions}>
      <ButtonLink href={`/jobs/${job.id}`} size="sm" variant="primary" aria-label={`Open ${job.fileName}`}>
        Open
      </ButtonLink>
      {canCancelJob(job.status) ? (
        <Button size="sm" variant="dangerOutline" onClick={() => onCancel(job)} aria-label={`Cancel ${job.fileName}`}>
          Cancel
        </Button>
      ) : null}
      {canRetryJob(job.status) ? (
        <Button size="sm" onClick={() => onRetry(job)} busy={retrying === job.id} aria-label={`Retry ${job.fileName}`}>
          Retry
        </Button>
      ) : null}
      {!isJobUnfinished(job.status) && job.sentenceCount > 0 ? (
        <ButtonAnchor
          size="sm"
          href={exportHref(job.id, "csv")}
          download
          aria-label={`Download ${job.fileName} as CSV`}
        >
          CSV
        </ButtonAnchor>
      ) : null}
      {canDeleteJob(job.status) ? (
        <Button
          size="sm"
          variant="ghost"
          onClick={() => onDelete(job)}
          aria-label={`Delete ${job.fileName}`}
          data-testid="history-delete"
        >
          Delete
        </Button>
      ) : null}
    </div>
  );
}
