// How a job's sentences were made and what Gemini cost: originals by method
// (the rewritten ones by who wrote them, the rules or the model),
// the sentences that fell back to the local split by reason, and the Gemini
// requests by purpose and model with their tokens. Read by the job page once
// the job has ended (the originals are written by the merge); the requests
// count while it runs.
import { db } from "@/lib/db/prisma";
import { findAccessibleJob } from "@/lib/jobs/find-accessible-job";
import type { SentenceMethod } from "@/lib/generated/prisma/client";
import type { RewrittenBy } from "@/lib/jobs/rewritten-by";

export interface GeminiRequestTotals {
  purpose: string;
  model: string;
  requests: number;
  /** Requests that gave no usable answer (retried or failed). */
  failed: number;
  promptTokens: number;
  outputTokens: number;
}

export interface JobRewriting {
  /** Original sentences by how they became rows. */
  methods: Record<SentenceMethod, number>;
  /** The rewritten ones by who wrote them: the offline rules or the model. */
  rewrittenBy: Record<RewrittenBy, number>;
  /** Sentences whose model rewrite was refused twice, by reason. */
  fallbacks: Record<string, number>;
  requests: GeminiRequestTotals[];
}

export async function getJobRewriting(options: {
  jobId: string;
  userId: string;
  isAdmin?: boolean;
}): Promise<JobRewriting> {
  const { id: jobId } = await findAccessibleJob(options);
  const [methodRows, byModel, fallbackRows, requestRows] = await Promise.all([
    db().originalSentence.groupBy({ by: ["method"], where: { jobId }, _count: { _all: true } }),
    // rewrittenBy (lib/jobs/rewritten-by.ts) as a count: a model named, and its answer accepted.
    db().originalSentence.count({ where: { jobId, method: "rewritten", model: { not: null }, fallbackReason: null } }),
    db().originalSentence.groupBy({
      by: ["fallbackReason"],
      where: { jobId, fallbackReason: { not: null } },
      _count: { _all: true },
    }),
    db().$queryRaw<GeminiRequestTotals[]>`
      select purpose, model, count(*)::int as requests,
             count(*) filter (where code <> '200')::int as failed,
             sum("promptTokens")::int as "promptTokens", sum("outputTokens")::int as "outputTokens"
      from "GeminiRequest" where "jobId" = ${jobId}::uuid
      group by purpose, model order by purpose, model`,
  ]);
  const methods: Record<SentenceMethod, number> = { kept: 0, rewritten: 0, split: 0, ocr: 0 };
  for (const row of methodRows) methods[row.method] = row._count._all;
  const fallbacks: Record<string, number> = {};
  for (const row of fallbackRows) fallbacks[row.fallbackReason!] = row._count._all;
  const rewrittenBy = { model: byModel, rules: methods.rewritten - byModel };
  return { methods, rewrittenBy, fallbacks, requests: requestRows };
}
