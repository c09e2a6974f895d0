"use client";
// Live progress of one job: bar, step, counters, chunk grid and Cancel. Used
// both in the upload dialog and on the job page; the parent owns the polling
// (useJob) and passes the latest snapshot.
import { useEffect, useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import factTiles from "@/components/ui/fact-tiles.module.css";
import { formatCredits, formatDuration, formatNumber, pageRangeLabel } from "@/components/ui/format";
import { StatusBadge } from "@/components/ui/status-badge";
import { useNow } from "@/components/ui/use-now";
import type { JobProgress } from "@/lib/client/api-types";
import { canCancelJob, isJobUnfinished, jobStatusLabels, jobStepLabels } from "@/lib/jobs/job-states";
import { postCancel, refreshAfterJobEnded } from "@/lib/client/mutations";
import { tickJobClock } from "@/lib/client/tick-job-clock";
import { ChunkGrid } from "./chunk-grid";
import styles from "./job-progress.module.css";

const barTone: Partial<Record<JobProgress["status"], string>> = {
  succeeded: styles.toneSuccess,
  partial: styles.toneWarning,
  cancelling: styles.toneWarning,
  failed: styles.toneDanger,
  cancelled: styles.toneNeutral,
};

function clampPercent(job: JobProgress): number {
  if (job.status === "succeeded") return 100;
  const value = Number.isFinite(job.percent) ? job.percent : 0;
  return Math.max(0, Math.min(100, Math.round(value)));
}

export function JobOutcome({ job }: { job: JobProgress }) {
  switch (job.status) {
    case "succeeded":
      return (
        <Alert tone="success" title="Finished" testId="job-outcome">
          {formatNumber(job.sentenceCount)} sentences, none longer than {job.maxWords} words.
        </Alert>
      );
    case "partial":
      return (
        <Alert tone="warning" title="Finished with gaps" testId="job-outcome">
          {job.failedPages.length > 0
            ? `These pages could not be processed: ${job.failedPages.map(pageRangeLabel).join(", ")}. `
            : `${job.chunksFailed} chunk${job.chunksFailed === 1 ? "" : "s"} failed. `}
          The other {formatNumber(job.sentenceCount)} sentences are ready; retry to fill the gaps.
        </Alert>
      );
    case "failed":
      return (
        <Alert tone="danger" title="This job failed" testId="job-outcome">
          {job.error ?? "The book could not be processed."} Unused credits were refunded.
        </Alert>
      );
    case "cancelled":
      return (
        <Alert tone="info" title="Cancelled" testId="job-outcome">
          {formatCredits(job.creditsRefunded)} refunded.{" "}
          {job.sentenceCount > 0
            ? `The ${formatNumber(job.sentenceCount)} sentences from finished chunks are kept.`
            : "No chunk had finished, so there are no sentences."}
        </Alert>
      );
    default:
      return null;
  }
}

export function JobProgressPanel({ job, showOutcome = true }: { job: JobProgress; showOutcome?: boolean }) {
  const labelId = useId();
  const [confirming, setConfirming] = useState(false);
  const percent = clampPercent(job);
  const active = isJobUnfinished(job.status);
  // Elapsed time and time left tick here; the polled answer changes only with the job.
  const { elapsedSeconds, etaSeconds } = tickJobClock(job, useNow(active ? 1000 : 0));

  // When the job ends its credits are settled: refresh the balance and lists once.
  const previous = useRef(job.status);
  useEffect(() => {
    if (isJobUnfinished(previous.current) && !isJobUnfinished(job.status)) refreshAfterJobEnded();
    previous.current = job.status;
  }, [job.status]);

  const chunksText = job.chunksTotal > 0 ? `${formatNumber(job.chunksDone)} / ${formatNumber(job.chunksTotal)}` : "—";

  return (
    <div
      className={[styles.panel, barTone[job.status], job.status === "running" && styles.active]
        .filter(Boolean)
        .join(" ")}
      data-testid="job-progress"
      data-status={job.status}
    >
      <div className={styles.top}>
        <div className={styles.state}>
          <StatusBadge status={job.status} />
          <span className={styles.step} id={labelId} data-testid="job-step">
            {job.status === "queued" && job.queuePosition
              ? `Waiting in the queue (position ${job.queuePosition})`
              : active
                ? jobStepLabels[job.step]
                : jobStatusLabels[job.status]}
          </span>
        </div>
        <span className={styles.percent} aria-hidden="true" data-testid="job-percent">
          {percent} %
        </span>
      </div>

      <div
        className={styles.bar}
        role="progressbar"
        aria-label={`Progress of ${job.fileName}`}
        aria-describedby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent} %, ${chunksText} chunks done`}
      >
        <div className={styles.fill} style={{ transform: `scaleX(${percent / 100})` }} />
      </div>

      <dl className={`${factTiles.tiles} ${styles.facts}`}>
        <div className={`${factTiles.tile} ${styles.fact}`}>
          <dt>Chunks</dt>
          <dd data-testid="job-chunks">
            {chunksText}
            {job.chunksFailed > 0 ? ` · ${job.chunksFailed} failed` : ""}
          </dd>
        </div>
        <div className={`${factTiles.tile} ${styles.fact}`}>
          <dt>{job.format === "pdf" ? "Pages" : "Sections (about 300 words)"}</dt>
          <dd>{formatNumber(job.pageCount)}</dd>
        </div>
        <div className={`${factTiles.tile} ${styles.fact}`}>
          <dt>Elapsed</dt>
          <dd data-testid="job-elapsed">{formatDuration(elapsedSeconds)}</dd>
        </div>
        <div className={`${factTiles.tile} ${styles.fact}`}>
          <dt>{active ? "Time left" : "Sentences"}</dt>
          <dd data-testid="job-eta">
            {active
              ? etaSeconds == null
                ? "Estimating…"
                : `≈ ${formatDuration(etaSeconds)}`
              : formatNumber(job.sentenceCount)}
          </dd>
        </div>
      </dl>

      <ChunkGrid chunkStates={job.chunkStates} />

      {/* Status changes (not every percent) are read out to screen-reader users. */}
      <p className="visually-hidden" aria-live="polite">
        {`Job ${jobStatusLabels[job.status].toLowerCase()}.`}
      </p>

      {showOutcome ? <JobOutcome job={job} /> : null}

      {active ? (
        <div className={styles.actions}>
          {job.status === "cancelling" ? (
            <Button variant="dangerOutline" busy disabled data-testid="cancel-job">
              Cancelling…
            </Button>
          ) : canCancelJob(job.status) ? (
            <Button variant="dangerOutline" onClick={() => setConfirming(true)} data-testid="cancel-job">
              Cancel job
            </Button>
          ) : null}
        </div>
      ) : null}

      <ConfirmDialog
        open={confirming}
        title="Cancel this job?"
        confirmLabel="Cancel job"
        cancelLabel="Keep running"
        danger
        onConfirm={() => postCancel(job.id)}
        onClose={() => setConfirming(false)}
      >
        <p>
          Processing of “{job.fileName}” stops. Sentences from chunks that already finished stay available, and credits
          for the unprocessed pages are refunded.
        </p>
      </ConfirmDialog>
    </div>
  );
}
