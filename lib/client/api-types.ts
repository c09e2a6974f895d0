// The shapes the JSON API answers with, as the browser sees them (dates are
// ISO strings). Each is the return type of the domain function its route
// hands to the client, imported as a type only: the client cannot drift from
// the route handlers, and no server code reaches the browser bundle (ESLint
// allows only type imports of server modules here).
import type { ChunkStatus, Engine, JobStatus, JobStep, LedgerKind, SentenceMethod } from "@/lib/generated/prisma/enums";
import type { CreditsSummary, LedgerEntry } from "@/lib/credits/get-credits";
import type { JobProgress } from "@/lib/jobs/compute-job-progress";
import type { createJob } from "@/lib/commands/create-job";
import type { GeminiModel } from "@/lib/engines/gemini-models";
import type { JobEstimate } from "@/lib/jobs/estimate-job";
import type { getJobDefaults } from "@/lib/jobs/get-job-defaults";
import type { PipelineOverview } from "@/lib/jobs/get-queue-overview";
import type { JobListItem, JobsPage } from "@/lib/jobs/list-jobs";
import type { SentencesPage } from "@/lib/jobs/list-sentences";
import type { ChangeResult } from "@/lib/corrections/change-rows";
import type { RowState } from "@/lib/corrections/row-state";
import type { JobRewriting } from "@/lib/jobs/get-job-rewriting";
import type { StopResult } from "@/lib/pipeline/stop-job";
import type { retryFailedChunks } from "@/lib/commands/retry-failed-chunks";
import type { createUser } from "@/lib/users/create-user";

export type {
  ChunkStatus,
  Engine,
  JobStatus,
  JobStep,
  LedgerKind,
  JobProgress,
  JobsPage,
  SentencesPage,
  LedgerEntry,
  JobRewriting,
  SentenceMethod,
};

/** A history row: everything but the per-chunk list. */
export type JobSummary = JobListItem;
/** A row of the results page, with the owner's corrections (version, edited, deleted…). */
export type Sentence = SentencesPage["sentences"][number];
/** What a correction answers: the rows it changed and the change's id, to undo it. */
export type ChangeAnswer = ChangeResult;
/** A row as a 409 reports it: its text and version now. */
export type CurrentRow = RowState;
export type Estimate = JobEstimate;
/** A Gemini model the server offers and its price per page. */
export type GeminiModelOffer = GeminiModel;
export type Credits = CreditsSummary;
export type AdminQueues = PipelineOverview;

/** POST /api/jobs: the job just created, before any progress. */
export type CreatedJob = Awaited<ReturnType<typeof createJob>>;
/** POST /api/jobs/[id]/cancel answers only the status the cancel left. */
export type CancelAnswer = Pick<StopResult, "status">;
/** POST /api/jobs/[id]/retry. */
export type RetryAnswer = Awaited<ReturnType<typeof retryFailedChunks>>;
/** POST /api/users. */
export type SignedUpUser = Awaited<ReturnType<typeof createUser>>;

/** GET and PUT /api/settings: the defaults, and which engines this server can run. */
export type Settings = Awaited<ReturnType<typeof getJobDefaults>> & {
  engineAvailable?: { local: boolean; gemini: boolean };
  /** The Gemini models on offer, each with its price per page (GEMINI_MODELS). */
  models?: GeminiModelOffer[];
  defaultModel?: string;
};

export type { UserAccount } from "@/lib/admin/get-user-account";
export type { DeadLetter } from "@/lib/admin/dead-letters";
