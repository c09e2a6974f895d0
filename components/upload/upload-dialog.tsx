"use client";
// The upload flow in one modal: choose a PDF → server estimate → options →
// Start → live progress. Closing it never stops a job; the job keeps running
// and shows up on its page and in the history.
import { useEffect, useRef, useState } from "react";
import { JobProgressPanel } from "@/components/jobs/job-progress";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink, Spinner } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { formatBytes, formatCredits, formatNumber } from "@/components/ui/format";
import { Skeleton } from "@/components/ui/surface";
import type { Estimate } from "@/lib/swr/api-types";
import { isApiError } from "@/lib/swr/fetcher";
import { isActive } from "@/lib/swr/job-status";
import { createJob, estimateJob, type JobOptions } from "@/lib/swr/mutations";
import { useJob } from "@/lib/swr/use-job";
import { useSettings } from "@/lib/swr/use-settings";
import { checkPdfFile } from "./check-pdf-file";
import { FileDrop } from "./file-drop";
import { JobOptionsFields, geminiModels, maxWordsError } from "./job-options-fields";
import styles from "./upload.module.css";

type Phase =
  | { kind: "pick" }
  | { kind: "estimating"; file: File }
  | { kind: "ready"; file: File; estimate: Estimate }
  | { kind: "running"; jobId: string; fileName: string };

const defaultOptions: JobOptions = { maxWords: 8, engine: "local", model: geminiModels[0]! };

/** Turns an API refusal into one sentence the reader can act on. */
export function describeUploadError(error: unknown): string {
  if (!isApiError(error)) return error instanceof Error ? error.message : "The upload failed. Try again.";
  const details = error.details ?? {};
  switch (error.code) {
    case "insufficient_credits": {
      const price = Number(details.price);
      const balance = Number(details.balance);
      if (Number.isFinite(price) && Number.isFinite(balance)) {
        return `This book needs ${formatCredits(price)} but you have ${formatCredits(balance)} (${formatCredits(price - balance)} short).`;
      }
      return error.message;
    }
    case "rate_limited":
    case "unavailable":
      return error.retryAfterSeconds ? `${error.message} Try again in ${error.retryAfterSeconds} s.` : error.message;
    default:
      return error.message;
  }
}

function FileCard({ file, meta }: { file: File | { name: string; size?: number }; meta?: string }) {
  return (
    <div className={styles.file}>
      <span className={styles.fileBadge} aria-hidden="true">
        PDF
      </span>
      <span className={styles.fileText}>
        <span className={styles.fileName} title={file.name} data-testid="upload-file-name">
          {file.name}
        </span>
        <span className={styles.fileMeta}>{meta ?? (file.size != null ? formatBytes(file.size) : "")}</span>
      </span>
    </div>
  );
}

function RunningJob({ jobId, fileName }: { jobId: string; fileName: string }) {
  const { data: job, error } = useJob(jobId);
  if (error) return <Alert tone="danger">{describeUploadError(error)}</Alert>;
  if (!job) {
    return (
      <div className={styles.stack} aria-busy="true">
        <FileCard file={{ name: fileName }} meta="Starting…" />
        <Skeleton height="12px" />
        <Skeleton height="3.2rem" />
      </div>
    );
  }
  return (
    <div className={styles.stack}>
      <JobProgressPanel job={job} />
      {isActive(job.status) ? (
        <p className={styles.dropHint}>You can close this window: the job keeps running and stays in your history.</p>
      ) : null}
    </div>
  );
}

function RunningFooter({ jobId, onClose, onAnother }: { jobId: string; onClose: () => void; onAnother: () => void }) {
  const { data: job } = useJob(jobId);
  const done = job && !isActive(job.status);
  // Close stays in place (and focused) from start to finish, so focus is never lost.
  return (
    <>
      {done ? <Button onClick={onAnother}>Upload another</Button> : null}
      <Button onClick={onClose} autoFocus>
        Close
      </Button>
      <ButtonLink href={`/jobs/${jobId}`} variant={done ? "primary" : "secondary"} onClick={onClose}>
        {done ? "Open results" : "Open job page"}
      </ButtonLink>
    </>
  );
}

export function UploadDialog({
  maxMegabytes,
  initialFile,
  onClose,
}: {
  maxMegabytes: number;
  initialFile?: File | null;
  onClose: () => void;
}) {
  const { data: settings } = useSettings();
  const [phase, setPhase] = useState<Phase>(() =>
    initialFile && !checkPdfFile(initialFile, maxMegabytes)
      ? { kind: "estimating", file: initialFile }
      : { kind: "pick" },
  );
  const [error, setError] = useState<string | null>(() =>
    initialFile ? checkPdfFile(initialFile, maxMegabytes) : null,
  );
  const [edited, setEdited] = useState<JobOptions | null>(null);
  const [starting, setStarting] = useState(false);
  const pending = useRef<AbortController | null>(null);

  const fromSettings: JobOptions | null = settings
    ? {
        maxWords: settings.maxWords,
        engine: settings.engine,
        model: settings.model ?? defaultOptions.model,
        includeMatter: settings.includeMatter,
      }
    : null;
  const options = edited ?? fromSettings ?? defaultOptions;
  const estimate = phase.kind === "ready" ? phase.estimate : null;
  const geminiAvailable = estimate?.engineAvailable.gemini ?? settings?.engineAvailable?.gemini ?? true;
  const chosen: JobOptions = {
    ...options,
    engine: options.engine === "gemini" && !geminiAvailable ? "local" : options.engine,
  };

  /** Asks the server about a file; the caller has already shown the "estimating" state. */
  function requestEstimate(file: File) {
    pending.current?.abort();
    const controller = new AbortController();
    pending.current = controller;
    estimateJob(file, controller.signal).then(
      (result) => {
        if (!controller.signal.aborted) setPhase({ kind: "ready", file, estimate: result });
      },
      (caught: unknown) => {
        if (controller.signal.aborted) return;
        setPhase({ kind: "pick" });
        setError(describeUploadError(caught));
      },
    );
  }

  function runEstimate(file: File) {
    setPhase({ kind: "estimating", file });
    setError(null);
    requestEstimate(file);
  }

  // A file chosen on the home page arrives with the dialog: estimate it at once.
  // (Idempotent: React's development double-mount aborts and restarts it.)
  useEffect(() => {
    if (phase.kind === "estimating") requestEstimate(phase.file);
    return () => pending.current?.abort();
    // Runs on mount only; later estimates start from event handlers.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function onFile(file: File) {
    const problem = checkPdfFile(file, maxMegabytes);
    if (problem) {
      setPhase({ kind: "pick" });
      setError(problem);
      return;
    }
    runEstimate(file);
  }

  async function start() {
    if (phase.kind !== "ready") return;
    setStarting(true);
    setError(null);
    try {
      const job = await createJob(phase.file, chosen);
      setPhase({ kind: "running", jobId: job.id, fileName: phase.file.name });
    } catch (caught) {
      setError(describeUploadError(caught));
    } finally {
      setStarting(false);
    }
  }

  // The estimate prices every engine, so switching engines needs no new upload.
  const price = estimate ? estimate.prices[chosen.engine] : 0;
  const short = estimate ? price > estimate.balance : false;
  const noText = estimate ? !estimate.hasText && chosen.engine === "local" : false;
  const invalidOptions = Boolean(maxWordsError(chosen.maxWords));

  let body;
  let footer;
  switch (phase.kind) {
    case "pick":
    case "estimating":
      body = (
        <div className={styles.stack}>
          {error ? (
            <Alert tone="danger" testId="upload-error">
              {error}
            </Alert>
          ) : null}
          {phase.kind === "estimating" ? (
            <>
              <FileCard file={phase.file} />
              <p className={styles.loading} role="status">
                <Spinner /> Reading the PDF: counting pages and checking for a text layer…
              </p>
            </>
          ) : (
            <FileDrop
              onFile={onFile}
              maxMegabytes={maxMegabytes}
              onManyFiles={() => setError("Drop one PDF at a time.")}
            />
          )}
        </div>
      );
      footer = <Button onClick={onClose}>Cancel</Button>;
      break;
    case "ready":
      body = (
        <div className={styles.stack}>
          <FileCard
            file={phase.file}
            meta={`${formatBytes(phase.file.size)} · ${formatNumber(phase.estimate.pageCount)} pages`}
          />
          <dl className={styles.estimate} data-testid="estimate">
            <div>
              <dt>Pages</dt>
              <dd data-testid="estimate-pages">{formatNumber(phase.estimate.pageCount)}</dd>
            </div>
            <div>
              <dt>Chunks</dt>
              <dd>{formatNumber(phase.estimate.chunks)}</dd>
            </div>
            <div>
              <dt>Text layer</dt>
              <dd>{phase.estimate.hasText ? "Yes" : "No (scanned)"}</dd>
            </div>
            <div>
              <dt>Price</dt>
              <dd data-testid="estimate-price">{formatCredits(price)}</dd>
            </div>
            <div>
              <dt>Your balance</dt>
              <dd>{formatCredits(phase.estimate.balance)}</dd>
            </div>
            <div>
              <dt>After this job</dt>
              <dd>{formatCredits(phase.estimate.balance - price)}</dd>
            </div>
          </dl>
          {noText ? (
            <Alert tone="warning" title="No text layer">
              This PDF looks scanned: it has no selectable text, and the local engine reads only text, so it would find
              no sentences.{" "}
              {geminiAvailable
                ? "Choose the Gemini engine, or use a PDF with a text layer."
                : "Use a PDF with a text layer."}
            </Alert>
          ) : null}
          {short ? (
            <Alert tone="danger" title="Not enough credits">
              This book costs {formatCredits(price)} and your balance is {formatCredits(phase.estimate.balance)}.
            </Alert>
          ) : null}
          <h3 className={styles.optionsTitle}>Options</h3>
          <JobOptionsFields
            idPrefix="upload"
            value={chosen}
            onChange={setEdited}
            geminiAvailable={geminiAvailable}
            disabled={starting}
          />
          {error ? (
            <Alert tone="danger" testId="upload-error">
              {error}
            </Alert>
          ) : null}
        </div>
      );
      footer = (
        <>
          <Button
            onClick={() => {
              setError(null);
              setPhase({ kind: "pick" });
            }}
            disabled={starting}
          >
            Choose another file
          </Button>
          <Button
            variant="primary"
            onClick={start}
            busy={starting}
            disabled={short || noText || invalidOptions}
            data-testid="start-job"
            autoFocus
          >
            Start · {formatCredits(price)}
          </Button>
        </>
      );
      break;
    case "running":
      body = <RunningJob jobId={phase.jobId} fileName={phase.fileName} />;
      footer = (
        <RunningFooter
          jobId={phase.jobId}
          onClose={onClose}
          onAnother={() => {
            setError(null);
            setPhase({ kind: "pick" });
          }}
        />
      );
      break;
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title={phase.kind === "running" ? `Processing “${phase.fileName}”` : "Upload a novel"}
      description={
        phase.kind === "running"
          ? undefined
          : "Every sentence comes back rewritten to your word limit, linked to its original and page."
      }
      footer={footer}
      size="lg"
      testId="upload-dialog"
    >
      {body}
    </Dialog>
  );
}
