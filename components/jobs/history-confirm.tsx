"use client";
// The confirmations a history row asks for before it deletes or cancels a job.
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { JobSummary } from "@/lib/client/api-types";
import { postCancel, sendDeleteJob } from "@/lib/client/mutations";

export type PendingAction = { kind: "cancel" | "delete"; job: JobSummary } | null;

export function HistoryConfirm({ pending, onClose }: { pending: PendingAction; onClose: () => void }) {
  return (
    <>
      <ConfirmDialog
        open={pending?.kind === "delete"}
        title="Delete this job?"
        confirmLabel="Delete"
        danger
        onConfirm={() => (pending ? sendDeleteJob(pending.job.id) : undefined)}
        onClose={onClose}
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
        onClose={onClose}
      >
        <p>
          Processing of “{pending?.job.fileName}” stops. Finished chunks stay available and unused credits are refunded.
        </p>
      </ConfirmDialog>
    </>
  );
}
