// The study set state machine as data, beside lib/jobs/job-states.ts: every
// status and step, the groups the code asks about, and the words the UI
// shows, defined once for the server, the worker and the browser. It imports
// only Prisma's generated enums file (plain constants), so client components
// can import it without the database client.
import { StudySetStatus, StudySetStep } from "@/lib/generated/prisma/enums";

export { StudySetStatus, StudySetStep };

/** The set can still change by itself: queued, being built, or stopping. Counted by the per-user cap. */
export const inProgressStudySetStatuses: StudySetStatus[] = [
  StudySetStatus.queued,
  StudySetStatus.running,
  StudySetStatus.cancelling,
];

/** The set will not change any more. */
export const endedStudySetStatuses: StudySetStatus[] = [
  StudySetStatus.succeeded,
  StudySetStatus.failed,
  StudySetStatus.cancelled,
];

/** The worker may (re)start it: a retried job picks up a set it had begun. */
export const startableStudySetStatuses: StudySetStatus[] = [StudySetStatus.queued, StudySetStatus.running];

export function isStudySetInProgress(status: StudySetStatus): boolean {
  return inProgressStudySetStatuses.includes(status);
}

/** The line under the progress bar: what the worker is doing now. */
export const studySetStepLabels: Record<StudySetStep, string> = {
  queued: "Waiting for a worker",
  loading: "Reading the books' sentences",
  matching: "Finding the list's words in the sentences",
  selecting: "Choosing the fewest sentences",
  explaining: "Explaining the words left out",
  done: "Done",
  cancelling: "Cancelling",
  cancelled: "Cancelled",
  failed: "Failed",
};
