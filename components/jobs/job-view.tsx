"use client";
// The job page: live progress while the job runs, then its outcome, credits,
// exports and the sentences. The server renders it with the job it already
// loaded (fallbackData), so there is no loading flash and no second 404 check.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { formatCredits, formatDuration, formatNumber, pageRangeLabel, secondsBetween } from "@/components/ui/format";
import { LocalTime } from "@/components/ui/local-time";
import { StatusBadge } from "@/components/ui/status-badge";
import { Card, EmptyState, PageHeader, Stat, Stats } from "@/components/ui/surface";
import type { JobProgress } from "@/lib/client/api-types";
import { isApiError } from "@/lib/client/fetcher";
import { canDeleteJob, canRetryJob, isJobUnfinished, pageUnit } from "@/lib/jobs/job-states";
import { sendDeleteJob, postRetry } from "@/lib/client/mutations";
import { useJob } from "@/lib/client/use-job";
import { useJobRewriting } from "@/lib/client/use-job-rewriting";
import { ExportLinks } from "./export-links";
import { JobOutcome, JobProgressPanel } from "./job-progress";
import { SentencesTable } from "./sentences-table";
import { MissingIcon } from "@/components/ui/icons";
import layout from "@/components/ui/layout.module.css";

const engineNames = { local: "Local engine", gemini: "Gemini" } as const;

const fallbackReasons: Record<string, string> = {
  missing: "no answer for the sentence",
  duplicate: "answered twice",
  empty: "an empty piece",
  too_long: "a piece over the word limit",
  invented: "a name, number or words not in the book",
  negation_dropped: "a negation dropped",
  content_lost: "too many of the author's words lost",
  locution_split: "a fixed expression cut in two",
  locution_partial: "a fixed expression kept only in part",
  function_words_only: "a piece with only function words",
  dangling_end: "a piece ending on a word that opens a phrase",
  bad_start: "a piece starting mid-sentence",
  refused: "Gemini refused the passage (its safety or recitation filter)",
};

/** How the sentences were made, why some fell back to the local split, and what Gemini cost. */
function Rewriting({ job }: { job: JobProgress }) {
  const active = isJobUnfinished(job.status);
  const { data } = useJobRewriting(job.id, active);
  if (!data) return null;
  const fallbacks = Object.entries(data.fallbacks).sort(([, a], [, b]) => b - a);
  const fellBack = fallbacks.reduce((sum, [, count]) => sum + count, 0);
  const prompt = data.requests.reduce((sum, row) => sum + row.promptTokens, 0);
  const output = data.requests.reduce((sum, row) => sum + row.outputTokens, 0);
  const requests = data.requests.reduce((sum, row) => sum + row.requests, 0);
  if (job.engine === "local" && active) return null;
  return (
    <Card title="How the sentences were made" labelledBy="job-rewriting-title">
      <div className={layout.stack}>
        {!active ? (
          <Stats>
            <Stat label="Kept as written" value={formatNumber(data.methods.kept)} testId="stat-kept" />
            <Stat label="Rewritten by the rules" value={formatNumber(data.rewrittenBy.rules)} testId="stat-rewritten-rules" />
            {job.engine === "gemini" ? (
              <Stat label="Rewritten by the model" value={formatNumber(data.rewrittenBy.model)} testId="stat-rewritten" />
            ) : null}
            <Stat label="Split" value={formatNumber(data.methods.split)} testId="stat-split" />
            {data.methods.ocr > 0 ? (
              <Stat label="Read from scans" value={formatNumber(data.methods.ocr)} testId="stat-ocr" />
            ) : null}
          </Stats>
        ) : null}
        {job.engine === "gemini" && !active ? (
          <div data-testid="fallbacks">
            <h3>
              {fellBack === 0
                ? "Every rewrite passed the checks"
                : `${formatNumber(fellBack)} sentence${fellBack === 1 ? "" : "s"} split instead of rewritten`}
            </h3>
            {fellBack > 0 ? (
              <>
                <p className={layout.note}>
                  The model&apos;s rewrite failed a check twice, so the sentence was cut at natural breaks without
                  changing a word.
                </p>
                <ul className={layout.list}>
                  {fallbacks.map(([reason, count]) => (
                    <li key={reason} data-reason={reason}>
                      {formatNumber(count)} · {fallbackReasons[reason] ?? reason}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        ) : null}
        {job.engine === "gemini" ? (
          <Stats>
            <Stat label="Gemini requests" value={formatNumber(requests)} testId="stat-requests" />
            <Stat label="Prompt tokens" value={formatNumber(prompt)} testId="stat-prompt-tokens" />
            <Stat label="Output tokens" value={formatNumber(output)} testId="stat-output-tokens" />
          </Stats>
        ) : null}
      </div>
    </Card>
  );
}

function Summary({ job }: { job: JobProgress }) {
  const [retrying, setRetrying] = useState(false);
  const [retryError, setRetryError] = useState<string | null>(null);

  async function retry() {
    setRetrying(true);
    setRetryError(null);
    try {
      await postRetry(job.id);
    } catch (caught) {
      setRetryError(caught instanceof Error ? caught.message : "Retry failed.");
    } finally {
      setRetrying(false);
    }
  }

  return (
    <Card title="Result" labelledBy="job-result-title" actions={<StatusBadge status={job.status} />}>
      <div className={layout.stack}>
        <JobOutcome job={job} />
        {job.status === "partial" && job.failedPages.length > 0 ? (
          <div data-testid="failed-pages">
            <h3>Pages that failed</h3>
            <ul className={layout.list}>
              {job.failedPages.map((range) => (
                <li key={`${range.first}-${range.last}`}>{pageRangeLabel(range)}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {canRetryJob(job.status) ? (
          <div className={layout.row}>
            <Button variant="primary" onClick={retry} busy={retrying} data-testid="retry-job">
              {job.status === "partial" ? "Retry failed pages" : "Retry"}
            </Button>
            <span className={layout.note}>Credits are reserved again only for the pages that are retried.</span>
          </div>
        ) : null}
        {retryError ? <Alert tone="danger">{retryError}</Alert> : null}
        <Stats>
          <Stat label="Sentences" value={formatNumber(job.sentenceCount)} testId="stat-sentences" />
          {job.engine === "local" && job.finishedAt ? (
            <Stat
              label={job.includeMatter ? "Publisher's pages (kept)" : "Publisher's pages left out"}
              value={`${formatNumber(job.frontMatterPages)} before · ${formatNumber(job.backMatterPages)} after`}
              testId="stat-matter"
            />
          ) : null}
          <Stat label="Credits reserved" value={formatNumber(job.creditsReserved)} testId="stat-reserved" />
          <Stat label="Credits charged" value={formatNumber(job.creditsCharged)} testId="stat-charged" />
          <Stat label="Credits refunded" value={formatNumber(job.creditsRefunded)} testId="stat-refunded" />
          <Stat
            label="Duration"
            value={formatDuration(secondsBetween(job.startedAt, job.finishedAt) ?? job.elapsedSeconds)}
          />
        </Stats>
      </div>
    </Card>
  );
}

export function JobView({ initialJob }: { initialJob: JobProgress }) {
  const router = useRouter();
  const { data, error } = useJob(initialJob.id, { fallbackData: initialJob });
  const job = data ?? initialJob;
  const [confirmDelete, setConfirmDelete] = useState(false);
  const active = isJobUnfinished(job.status);
  const hasResults = !active && job.sentenceCount > 0;

  if (isApiError(error) && error.status === 404) {
    return (
      <EmptyState icon={<MissingIcon />} title="This job no longer exists">
        It may have been deleted. Your other books are in the history.
      </EmptyState>
    );
  }

  return (
    <div className={layout.stackLg}>
      <PageHeader
        title={job.fileName}
        description={
          <>
            {formatNumber(job.pageCount)} {pageUnit(job.format).many} · at most {job.maxWords} words per sentence · {engineNames[job.engine]}
            {job.engine === "gemini" && job.model ? ` (${job.model})` : ""} · started <LocalTime iso={job.createdAt} />
          </>
        }
        actions={
          canDeleteJob(job.status) ? (
            <Button size="sm" variant="dangerOutline" onClick={() => setConfirmDelete(true)} data-testid="delete-job">
              Delete job
            </Button>
          ) : undefined
        }
      />

      {error && !isApiError(error) ? <Alert tone="warning">Live updates paused: {String(error)}</Alert> : null}

      {active ? (
        <Card title="Progress" labelledBy="job-progress-title">
          <JobProgressPanel job={job} showOutcome={false} />
          <p className={layout.note}>
            {formatCredits(job.creditsReserved)} reserved. What is not used is refunded when the job ends.
          </p>
        </Card>
      ) : (
        <Summary job={job} />
      )}

      <Rewriting job={job} />

      {!active || job.status === "running" ? (
        <Card
          title={active ? "Sentences so far" : "Sentences"}
          labelledBy="job-sentences-title"
          actions={
            hasResults ? (
              <>
                <ExportLinks jobId={job.id} />
                <ButtonLink size="sm" href={`/study-sets?jobId=${job.id}`} data-testid="job-study-sets">
                  Study sets
                </ButtonLink>
              </>
            ) : undefined
          }
        >
          {active ? (
            <SentencesTable jobId={job.id} total={job.sentenceCount} live unitLabel={job.format === "pdf" ? "Page" : "Section"} />
          ) : job.sentenceCount > 0 ? (
            <SentencesTable jobId={job.id} total={job.sentenceCount} unitLabel={job.format === "pdf" ? "Page" : "Section"} />
          ) : (
            <EmptyState title="No sentences">
              {job.status === "cancelled"
                ? "The job was cancelled before any chunk finished."
                : "This job produced no sentences."}
            </EmptyState>
          )}
        </Card>
      ) : null}

      <ConfirmDialog
        open={confirmDelete}
        title="Delete this job?"
        confirmLabel="Delete"
        danger
        onConfirm={async () => {
          await sendDeleteJob(job.id);
          router.push("/jobs");
        }}
        onClose={() => setConfirmDelete(false)}
      >
        <p>
          “{job.fileName}” and its {formatNumber(job.sentenceCount)} sentences are removed for good. Credits already
          charged are not refunded.
        </p>
      </ConfirmDialog>
    </div>
  );
}
