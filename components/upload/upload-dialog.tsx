"use client";
// The upload flow in one modal: choose a PDF → server estimate → options →
// Start → live progress. This component owns the flow's state; each step
// renders itself (file-step, options-step, progress-step). Closing it never
// stops a job; the job keeps running and shows up on its page and in the
// history.
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { Estimate } from "@/lib/client/api-types";
import { postEstimate, postJob, type JobOptions } from "@/lib/client/mutations";
import { useSettings } from "@/lib/client/use-settings";
import { wordLimit } from "@/lib/jobs/job-states";
import { checkPdfFile } from "./check-pdf-file";
import { describeUploadError } from "./describe-upload-error";
import { FileStep } from "./file-step";
import { OptionsStep, OptionsStepFooter } from "./options-step";
import { ProgressStep, ProgressStepFooter } from "./progress-step";

type Phase =
  | { kind: "pick" }
  | { kind: "estimating"; file: File }
  | { kind: "ready"; file: File; estimate: Estimate }
  | { kind: "running"; jobId: string; fileName: string };

const defaultOptions: JobOptions = {
  maxWords: wordLimit.default,
  engine: "local",
  model: null,
  includeMatter: false,
};

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
        model: settings.model ?? settings.defaultModel ?? null,
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
    postEstimate(file, controller.signal).then(
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
      const job = await postJob(phase.file, chosen);
      setPhase({ kind: "running", jobId: job.id, fileName: phase.file.name });
    } catch (caught) {
      setError(describeUploadError(caught));
    } finally {
      setStarting(false);
    }
  }

  function pickAgain() {
    setError(null);
    setPhase({ kind: "pick" });
  }

  let body;
  let footer;
  switch (phase.kind) {
    case "pick":
    case "estimating":
      body = (
        <FileStep
          estimating={phase.kind === "estimating" ? phase.file : null}
          error={error}
          maxMegabytes={maxMegabytes}
          onFile={onFile}
          onManyFiles={() => setError("Drop one book at a time.")}
        />
      );
      footer = <Button onClick={onClose}>Cancel</Button>;
      break;
    case "ready":
      body = (
        <OptionsStep
          file={phase.file}
          estimate={phase.estimate}
          options={chosen}
          onOptionsChange={setEdited}
          geminiAvailable={geminiAvailable}
          starting={starting}
          error={error}
        />
      );
      footer = (
        <OptionsStepFooter
          estimate={phase.estimate}
          options={chosen}
          starting={starting}
          onChooseAnother={pickAgain}
          onStart={start}
        />
      );
      break;
    case "running":
      body = <ProgressStep jobId={phase.jobId} fileName={phase.fileName} />;
      footer = <ProgressStepFooter jobId={phase.jobId} onClose={onClose} onAnother={pickAgain} />;
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
