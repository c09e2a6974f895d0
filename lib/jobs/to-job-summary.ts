// The job as the API shows it in lists and after creation: no bytes, no
// chunk results, dates as ISO strings.
import type { BookFormat, Engine, Job, JobStatus, JobStep } from "@/lib/generated/prisma/client";

export interface JobSummary {
  id: string;
  status: JobStatus;
  step: JobStep;
  fileName: string;
  /** Pages of a PDF; sections of about 300 words of an EPUB or a text file (`format`, see pageUnit). */
  pageCount: number;
  format: BookFormat;
  maxWords: number;
  engine: Engine;
  model: string | null;
  chunksTotal: number;
  chunksDone: number;
  chunksFailed: number;
  sentenceCount: number;
  creditsReserved: number;
  creditsCharged: number;
  creditsRefunded: number;
  /** Whether the publisher's pages were kept, and how many pages the merge treated as front/back matter. */
  includeMatter: boolean;
  frontMatterPages: number;
  backMatterPages: number;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export const jobSummarySelect = {
  id: true,
  status: true,
  step: true,
  fileName: true,
  pageCount: true,
  format: true,
  maxWords: true,
  engine: true,
  model: true,
  chunksTotal: true,
  chunksDone: true,
  chunksFailed: true,
  sentenceCount: true,
  creditsReserved: true,
  creditsCharged: true,
  creditsRefunded: true,
  includeMatter: true,
  frontMatterPages: true,
  backMatterPages: true,
  error: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} as const;

/** Only the summary's fields, even when given a wider row (no user id, no chunks). */
export function toJobSummary(job: Pick<Job, keyof typeof jobSummarySelect>): JobSummary {
  return {
    id: job.id,
    status: job.status,
    step: job.step,
    fileName: job.fileName,
    pageCount: job.pageCount,
    format: job.format,
    maxWords: job.maxWords,
    engine: job.engine,
    model: job.model,
    chunksTotal: job.chunksTotal,
    chunksDone: job.chunksDone,
    chunksFailed: job.chunksFailed,
    sentenceCount: job.sentenceCount,
    creditsReserved: job.creditsReserved,
    creditsCharged: job.creditsCharged,
    creditsRefunded: job.creditsRefunded,
    includeMatter: job.includeMatter,
    frontMatterPages: job.frontMatterPages,
    backMatterPages: job.backMatterPages,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
