"use client";
// The job history: filter by status, search by file name, page with cursors,
// and act on each row. Rows of running jobs refresh live (useJobs polls while
// any row is active).
import Link from "next/link";
import { useEffect, useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonAnchor, ButtonLink } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, controlClass } from "@/components/ui/field";
import { formatDuration, formatNumber, secondsBetween } from "@/components/ui/format";
import { LocalTime } from "@/components/ui/local-time";
import { StatusBadge } from "@/components/ui/status-badge";
import { EmptyState, Skeleton } from "@/components/ui/surface";
import tableStyles from "@/components/ui/table.module.css";
import { useDebounced } from "@/components/ui/use-debounced";
import type { JobStatus, JobSummary } from "@/lib/client/api-types";
import { canCancelJob, canDeleteJob, canRetryJob, isJobUnfinished, jobStatuses, jobStatusLabels } from "@/lib/jobs/job-states";
import { postCancel, sendDeleteJob, postRetry } from "@/lib/client/mutations";
import { useJobs } from "@/lib/client/use-jobs";
import { exportHref } from "./export-links";
import { MiniProgress } from "./mini-progress";
import styles from "./history.module.css";
import { SearchIcon } from "@/components/ui/icons";
import layout from "@/components/ui/layout.module.css";

const PAGE_SIZE = 20;

type Pending = { kind: "cancel" | "delete"; job: JobSummary } | null;

function CreditsCell({ job }: { job: JobSummary }) {
  if (isJobUnfinished(job.status)) return <>{formatNumber(job.creditsReserved)} reserved</>;
  return (
    <>
      {formatNumber(job.creditsCharged)} charged
      {job.creditsRefunded > 0 ? (
        <span className={styles.sub}>{formatNumber(job.creditsRefunded)} refunded</span>
      ) : null}
    </>
  );
}

function durationOf(job: JobSummary) {
  return formatDuration(secondsBetween(job.startedAt, job.finishedAt) ?? job.elapsedSeconds);
}

export function HistoryView({ initialStatus, initialQuery }: { initialStatus: JobStatus | ""; initialQuery: string }) {
  const statusId = useId();
  const searchId = useId();
  const [status, setStatus] = useState<JobStatus | "">(initialStatus);
  const [query, setQuery] = useState(initialQuery);
  const q = useDebounced(query.trim(), 300);
  // Cursors of the pages before the current one, so "Previous" can go back.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;
  const { data, error, isLoading } = useJobs({ status, q, cursor, limit: PAGE_SIZE });
  const [pending, setPending] = useState<Pending>(null);
  const [rowError, setRowError] = useState<string | null>(null);
  const [retrying, setRetrying] = useState<string | null>(null);

  // Keep the filter in the address bar so reload and back keep it.
  useEffect(() => {
    const params = new URLSearchParams();
    if (status) params.set("status", status);
    if (q) params.set("q", q);
    const search = params.toString();
    window.history.replaceState(null, "", search ? `/jobs?${search}` : "/jobs");
  }, [status, q]);

  function resetPaging() {
    setCursors([null]);
  }

  async function retry(job: JobSummary) {
    setRetrying(job.id);
    setRowError(null);
    try {
      await postRetry(job.id);
    } catch (caught) {
      setRowError(caught instanceof Error ? caught.message : "Retry failed.");
    } finally {
      setRetrying(null);
    }
  }

  const filtered = status !== "" || q !== "";
  const jobs = data?.jobs ?? [];

  return (
    <div className={layout.stack}>
      <div className={styles.toolbar} role="search">
        <Field id={statusId} label="Status" className={styles.status}>
          <select
            id={statusId}
            className={controlClass}
            value={status}
            onChange={(event) => {
              setStatus(event.currentTarget.value as JobStatus | "");
              resetPaging();
            }}
            data-testid="status-filter"
          >
            <option value="">All statuses</option>
            {jobStatuses.map((value) => (
              <option key={value} value={value}>
                {jobStatusLabels[value].replace("…", "")}
              </option>
            ))}
          </select>
        </Field>
        <Field id={searchId} label="File name" className={styles.search}>
          <input
            id={searchId}
            type="search"
            className={controlClass}
            placeholder="Search by file name"
            value={query}
            onChange={(event) => {
              setQuery(event.currentTarget.value);
              resetPaging();
            }}
            data-testid="history-search"
          />
        </Field>
      </div>

      {rowError ? <Alert tone="danger">{rowError}</Alert> : null}

      {error ? (
        <Alert tone="danger">{error.message}</Alert>
      ) : isLoading && !data ? (
        <div className={layout.stackSm} aria-busy="true" aria-label="Loading history">
          {Array.from({ length: 5 }, (_, index) => (
            <Skeleton key={index} height="3rem" />
          ))}
        </div>
      ) : jobs.length === 0 ? (
        <div className={tableStyles.wrap}>
          {filtered ? (
            <EmptyState icon={<SearchIcon />} title="No job matches these filters">
              Change the status or the name you searched for.
            </EmptyState>
          ) : (
            <EmptyState
              title="No books yet"
              action={
                <ButtonLink href="/" variant="primary">
                  Upload a novel
                </ButtonLink>
              }
            >
              Upload a French novel as a PDF to get its sentences back, short.
            </EmptyState>
          )}
        </div>
      ) : (
        <div className={tableStyles.wrap}>
          <table className={`${tableStyles.table} ${tableStyles.responsive}`} data-testid="history-table">
            <caption className="visually-hidden">Your jobs, newest first</caption>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col" className={tableStyles.num}>
                  Pages
                </th>
                <th scope="col">Status</th>
                <th scope="col">Progress</th>
                <th scope="col" className={tableStyles.num}>
                  Sentences
                </th>
                <th scope="col">Credits</th>
                <th scope="col">Created</th>
                <th scope="col" className={tableStyles.num}>
                  Duration
                </th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <tr key={job.id} data-testid="history-row" data-job-id={job.id} data-status={job.status}>
                  <td data-label="File">
                    <span className={styles.file}>
                      <Link href={`/jobs/${job.id}`}>{job.fileName}</Link>
                      <span className={styles.fileMeta}>
                        max {job.maxWords} words · {job.engine}
                      </span>
                    </span>
                  </td>
                  <td data-label="Pages" className={tableStyles.num}>
                    {formatNumber(job.pageCount)}
                  </td>
                  <td data-label="Status">
                    <StatusBadge status={job.status} />
                  </td>
                  <td data-label="Progress" className={styles.progress}>
                    <MiniProgress job={job} />
                  </td>
                  <td data-label="Sentences" className={tableStyles.num}>
                    {formatNumber(job.sentenceCount)}
                  </td>
                  <td data-label="Credits" className={`${styles.credits} tabular`}>
                    <CreditsCell job={job} />
                  </td>
                  <td data-label="Created" className={styles.created}>
                    <LocalTime iso={job.createdAt} />
                  </td>
                  <td data-label="Duration" className={tableStyles.num}>
                    {durationOf(job)}
                  </td>
                  <td data-label="">
                    <div className={styles.actions}>
                      <ButtonLink
                        href={`/jobs/${job.id}`}
                        size="sm"
                        variant="primary"
                        aria-label={`Open ${job.fileName}`}
                      >
                        Open
                      </ButtonLink>
                      {canCancelJob(job.status) ? (
                        <Button
                          size="sm"
                          variant="dangerOutline"
                          onClick={() => setPending({ kind: "cancel", job })}
                          aria-label={`Cancel ${job.fileName}`}
                        >
                          Cancel
                        </Button>
                      ) : null}
                      {canRetryJob(job.status) ? (
                        <Button
                          size="sm"
                          onClick={() => void retry(job)}
                          busy={retrying === job.id}
                          aria-label={`Retry ${job.fileName}`}
                        >
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
                          onClick={() => setPending({ kind: "delete", job })}
                          aria-label={`Delete ${job.fileName}`}
                          data-testid="history-delete"
                        >
                          Delete
                        </Button>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {data && (cursors.length > 1 || data.nextCursor) ? (
        <nav className={styles.pager} aria-label="Pages of history">
          <span className="tabular">Page {cursors.length}</span>
          <span className={styles.pagerButtons}>
            <Button size="sm" disabled={cursors.length <= 1} onClick={() => setCursors((list) => list.slice(0, -1))}>
              ← Previous
            </Button>
            <Button
              size="sm"
              disabled={!data.nextCursor}
              onClick={() => data.nextCursor && setCursors((list) => [...list, data.nextCursor])}
            >
              Next →
            </Button>
          </span>
        </nav>
      ) : null}

      <ConfirmDialog
        open={pending?.kind === "delete"}
        title="Delete this job?"
        confirmLabel="Delete"
        danger
        onConfirm={() => (pending ? sendDeleteJob(pending.job.id) : undefined)}
        onClose={() => setPending(null)}
      >
        <p>
          “{pending?.job.fileName}” and its sentences are removed for good. Credits already charged are not refunded.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={pending?.kind === "cancel"}
        title="Cancel this job?"
        confirmLabel="Cancel job"
        cancelLabel="Keep running"
        danger
        onConfirm={() => (pending ? postCancel(pending.job.id) : undefined)}
        onClose={() => setPending(null)}
      >
        <p>
          Processing of “{pending?.job.fileName}” stops. Finished chunks stay available and unused credits are refunded.
        </p>
      </ConfirmDialog>
    </div>
  );
}
