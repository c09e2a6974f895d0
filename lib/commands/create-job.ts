// The create command: a user starts a book. It checks the limits and the
// PDF, then in ONE transaction grants the month's credits if due, stores the
// PDF once per user (by sha256), creates the job, reserves its price and
// queues the `plan` step. Either all of that is committed or none of it: a
// failed upload leaves no job, no reservation and no queued work.
import { createHash } from "node:crypto";
import type { ActingUser } from "@/lib/commands/acting-user";
import { db } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Engine } from "@/lib/generated/prisma/client";
import { ensureMonthlyGrant } from "@/lib/credits/ensure-monthly-grant";
import { priceJob } from "@/lib/credits/price-job";
import { reserveCredits } from "@/lib/credits/reserve-credits";
import { assertGeminiModelAllowed, defaultGeminiModel } from "@/lib/engines/gemini-models";
import { assertGeminiBudgetLeft } from "@/lib/jobs/unpaid-gemini-tokens";
import { assertQueueCapacity } from "@/lib/jobs/assert-queue-capacity";
import { cleanFileName } from "@/lib/jobs/clean-file-name";
import { findIdempotentJob, recordIdempotencyKey } from "@/lib/jobs/find-idempotent-job";
import { getJobDefaults, isGeminiAvailable } from "@/lib/jobs/get-job-defaults";
import { toJobSummary, jobSummarySelect, type JobSummary } from "@/lib/jobs/to-job-summary";
import { inspectBook } from "@/lib/books/inspect-book";
import { inspectionsInFlight } from "@/lib/pdf/inspect-pdf-safely";
import { sendJob } from "@/lib/queue/boss";
import { jobLog } from "@/lib/log";
import { assertJobStartAllowed } from "@/lib/rate-limit/assert-job-start-allowed";
import { lockUser } from "@/lib/db/lock-rows";

export interface CreateJobOptions extends ActingUser {
  fileName: string;
  bytes: Uint8Array;
  /** Unset: the user's saved default (8 unless changed). */
  maxWords?: number;
  /** Unset: the user's saved default, which is local unless Gemini is configured and chosen. */
  engine?: Engine;
  model?: string | null;
  /** The client's Idempotency-Key: a repeat within 24 h returns the first job. */
  idempotencyKey?: string;
  /** Unset: the user's saved default (false: front and back matter are left out). */
  includeMatter?: boolean;
}

function assertEngineUsable(engine: Engine): void {
  if (engine === "gemini" && !isGeminiAvailable()) {
    throw new AppError(
      "invalid_input",
      "Gemini is not available on this server (no GEMINI_API_KEY is configured). Choose the local engine.",
      { field: "engine" },
    );
  }
}

// Requests with one Idempotency-Key that arrive together (a client retrying
// before the first answer): the later ones wait for the first's outcome in
// this process instead of reading the same book again, which the per-user
// cap on uploads being read would refuse.
const creating = new Map<string, Promise<JobSummary>>();

export function createJob(options: CreateJobOptions): Promise<JobSummary> {
  if (!options.idempotencyKey) return createJobOnce(options);
  const key = `${options.userId}\n${options.idempotencyKey}`;
  const running = creating.get(key);
  if (running) return running;
  const attempt = createJobOnce(options).finally(() => creating.delete(key));
  creating.set(key, attempt);
  return attempt;
}

async function createJobOnce(options: CreateJobOptions): Promise<JobSummary> {
  const { userId, bytes, idempotencyKey } = options;
  const config = env();
  if (idempotencyKey) {
    const earlier = await findIdempotentJob(db(), { userId, key: idempotencyKey });
    if (earlier) return earlier;
  }
  const defaults = await getJobDefaults({ userId });
  const engine = options.engine ?? defaults.engine;
  assertEngineUsable(engine);
  const maxWords = options.maxWords ?? defaults.maxWords;
  const includeMatter = options.includeMatter ?? defaults.includeMatter;
  const model = engine === "gemini" ? (options.model ?? defaults.model ?? defaultGeminiModel()) : null;
  if (model) assertGeminiModelAllowed(model);
  const fileName = cleanFileName(options.fileName);

  // Cheap refusals first, before the PDF is parsed; repeated exactly below.
  await assertJobStartAllowed(db(), { userId, uploadsInFlight: inspectionsInFlight(userId) });
  if (engine === "gemini") await assertGeminiBudgetLeft(db(), { userId });
  await assertQueueCapacity(db());

  const pdf = await inspectBook(
    bytes,
    { maxBytes: config.MAX_UPLOAD_MB * 1024 * 1024, maxPages: config.MAX_PAGES },
    userId,
  );
  if (engine === "local" && !pdf.hasText) {
    throw new AppError(
      "pdf_no_text",
      "This PDF has no text layer (it looks like a scan). The local engine cannot read it; choose Gemini.",
    );
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const price = priceJob({ pageCount: pdf.pageCount, engine, model });

  return db().$transaction(
    async (tx) => {
      // One creation at a time per user, so the limits below are exact. The
      // job this creates is new, so no other transaction can hold its lock:
      // the job-then-user order of merge, delete and retry still holds.
      await lockUser(tx, userId);
      if (idempotencyKey) {
        const earlier = await findIdempotentJob(tx, { userId, key: idempotencyKey });
        if (earlier) return earlier;
      }
      await assertJobStartAllowed(tx, { userId });
      await ensureMonthlyGrant(tx, userId);

      const documentKey = { userId_sha256: { userId, sha256 } };
      let document = await tx.document.findUnique({ where: documentKey, select: { id: true } });
      if (!document) {
        await tx.document.createMany({
          data: [
            {
              userId,
              fileName,
              sha256,
              byteSize: bytes.byteLength,
              pageCount: pdf.pageCount,
              hasText: pdf.hasText,
              format: pdf.format,
              bytes: bytes as Uint8Array<ArrayBuffer>,
            },
          ],
          skipDuplicates: true,
        });
        document = await tx.document.findUniqueOrThrow({ where: documentKey, select: { id: true } });
      }

      const job = await tx.job.create({
        data: {
          userId,
          documentId: document.id,
          fileName,
          pageCount: pdf.pageCount,
          format: pdf.format,
          maxWords,
          engine,
          model,
          includeMatter,
          status: "queued",
          step: "queued",
        },
        select: { id: true },
      });
      await reserveCredits(tx, {
        userId,
        jobId: job.id,
        amount: price,
        reason: `${fileName}: ${pdf.pageCount} ${pdf.format === "pdf" ? "pages" : "sections"}, ${engine} engine`,
      });
      if (idempotencyKey) await recordIdempotencyKey(tx, { userId, key: idempotencyKey, jobId: job.id });
      await sendJob("plan", { jobId: job.id }, { tx });
      const created = await tx.job.findUniqueOrThrow({ where: { id: job.id }, select: jobSummarySelect });
      jobLog(job.id, { userId }).info({ pages: pdf.pageCount, format: pdf.format, engine, reserved: price }, "job created");
      return toJobSummary(created);
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}
