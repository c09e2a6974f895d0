// The shapes the JSON API answers with, as the browser sees them (dates are
// ISO strings). They are the domain functions' own return types, imported as
// types only, so the client and the route handlers cannot drift apart and no
// server code reaches the browser bundle.
import type { ChunkStatus, Engine, JobStatus, LedgerKind } from "@/lib/generated/prisma/client";
import type { CreditsSummary, LedgerEntry } from "@/lib/credits/get-credits";
import type { JobProgress } from "@/lib/jobs/compute-job-progress";
import type { JobEstimate } from "@/lib/jobs/estimate-job";
import type { PipelineOverview } from "@/lib/jobs/get-queue-overview";
import type { JobListItem, JobsPage } from "@/lib/jobs/list-jobs";
import type { SentenceItem, SentencesPage } from "@/lib/jobs/list-sentences";
import type { JobSettings } from "@/lib/validations/job";

export type { ChunkStatus, Engine, JobStatus, LedgerKind, JobProgress, JobsPage, SentencesPage, LedgerEntry };

/** A history row: everything but the per-chunk list. */
export type JobSummary = JobListItem;
export type Sentence = SentenceItem;
export type Estimate = JobEstimate;
export type Credits = CreditsSummary;

export type Settings = JobSettings & {
  /** Sent when the server knows it, so the form can grey out an unavailable engine. */
  engineAvailable?: { local: boolean; gemini: boolean };
};

export type AdminQueues = PipelineOverview;

export type { UserAccount } from "@/lib/admin/get-user-account";
export type { DeadLetter } from "@/lib/admin/dead-letters";
