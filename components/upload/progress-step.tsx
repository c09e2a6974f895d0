"use client";
// Step 3 of the upload: the started job's live progress. Closing the dialog
// here never stops the job.
import { JobProgressPanel } from "@/components/jobs/job-progress";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/surface";
import { useJob } from "@/lib/client/use-job";
import { isJobUnfinished } from "@/lib/jobs/job-states";
import { describeUploadError } from "./describe-upload-error";
import { FileCard } from "./file-card";
import styles from "./upload.module.css";

export function ProgressStep({ jobId, fileName }: { jobId: string; fileName: string }) {
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
      {isJobUnfinished(job.status) ? (
        <p className={styles.dropHint}>You can close this window: the job keeps running and stays in your history.</p>
      ) : null}
    </div>
  );
}

export function ProgressStepFooter({
  jobId,
  onClose,
  onAnother,
}: {
  jobId: string;
  onClose: () => void;
  onAnother: () => void;
}) {
  const { data: job } = useJob(jobId);
  const done = job && !isJobUnfinished(job.status);
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
