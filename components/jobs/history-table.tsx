"use client";
// The history as a table, one row per job; on narrow screens each row becomes
// a card labelled by its cells' data-label.
import Link from "next/link";
import { formatDuration, formatNumber, secondsBetween } from "@/components/ui/format";
import { LocalTime } from "@/components/ui/local-time";
import { StatusBadge } from "@/components/ui/status-badge";
import tableStyles from "@/components/ui/table.module.css";
import type { JobSummary } from "@/lib/client/api-types";
import { isJobUnfinished, pageUnit } from "@/lib/jobs/job-states";
import { HistoryRowActions, type RowActionHandlers } from "./history-row-actions";
import { MiniProgress } from "./mini-progress";
import styles from "./history.module.css";
import { NumberHeader } from "@/components/ui/number-header";

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

function HistoryRow({ job, actions }: { job: JobSummary; actions: RowActionHandlers }) {
  return (
    <tr data-testid="history-row" data-job-id={job.id} data-status={job.status}>
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
        {job.format === "pdf" ? "" : ` ${pageUnit(job.format).many}`}
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
        <HistoryRowActions job={job} {...actions} />
      </td>
    </tr>
  );
}

export function HistoryTable({ jobs, actions }: { jobs: JobSummary[]; actions: RowActionHandlers }) {
  return (
    <div className={tableStyles.wrap}>
      <table className={`${tableStyles.table} ${tableStyles.responsive}`} data-testid="history-table">
        <caption className="visually-hidden">Your jobs, newest first</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <NumberHeader>Pages</NumberHeader>
            <th scope="col">Status</th>
            <th scope="col">Progress</th>
            <NumberHeader>Sentences</NumberHeader>
            <th scope="col">Credits</th>
            <th scope="col">Created</th>
            <NumberHeader>Duration</NumberHeader>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <HistoryRow key={job.id} job={job} actions={actions} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
