// The one transaction every correction goes through. It takes the job's row
// lock (so two tabs' changes to a book run one after the other, and never
// beside a merge re-writing the engine's rows), checks that the caller owns
// the job, lets the command plan its change from the rows as they are now,
// validates the new pieces against the book's word limit, then writes each
// changed row with its version bumped and records the change (who, when,
// every row before and after) as one SentenceEdit. A change that leaves every
// row as it is writes nothing and answers the rows as they are: repeating a
// request that already succeeded is harmless.
import type { ActingUser } from "@/lib/commands/acting-user";
import {
  maxRowLength,
  normalizeRowText,
  piecesOverLimit,
  rowNotFound,
  rowState,
  type CorrectionValue,
  type RowState,
} from "@/lib/corrections/row-state";
import { db, type Tx } from "@/lib/db/prisma";
import { lockJob } from "@/lib/db/lock-rows";
import { AppError } from "@/lib/errors";
import type { Prisma, SentenceEditAction } from "@/lib/generated/prisma/client";
import { jobNotFound } from "@/lib/jobs/find-accessible-job";
import { isUuid } from "@/lib/validations/uuid";
import { isJobUnfinished } from "@/lib/jobs/job-states";

/** An engine row with its correction, as a plan reads it. */
export interface LoadedRow {
  state: RowState;
  originalPosition: number;
  engine: { text: string; original: string; page: number; part: number };
}

export interface RowChange {
  row: LoadedRow;
  value: CorrectionValue;
  /** New text from the teacher: checked for emptiness, length and the word limit. */
  validate?: boolean;
}

export interface ChangePlan {
  changes: RowChange[];
  /** The rows to answer when nothing changes (a repeated request); the changed rows otherwise. */
  report?: LoadedRow[];
  /** Runs in the same transaction once the rows are written (undo marks the edit it undid). */
  afterWrite?: (tx: Tx, editId: bigint | null) => Promise<void>;
}

export interface PlanContext {
  tx: Tx;
  maxWords: number;
  /** The row at this engine position; 404 when the book has none. */
  row(position: number): Promise<LoadedRow>;
  /** The next row of the same original sentence that still shows a piece, if any. */
  nextRowOfOriginal(row: LoadedRow): Promise<LoadedRow | null>;
}

export interface ChangeResult {
  /** The recorded change, to undo it; null when nothing changed. */
  edit: { id: string } | null;
  rows: RowState[];
}

/** The 409 a change naming another version than the row's gets, with the row as it is now. */
export function assertVersion(row: LoadedRow, version: number): void {
  if (row.state.version !== version) {
    throw new AppError(
      "conflict",
      "This row was changed elsewhere (another tab?) since you loaded it; here is its current text.",
      { current: row.state },
    );
  }
}

const correctionSelect = { texts: true, active: true, overLimit: true, version: true, needsReview: true } as const;

async function loadRow(tx: Tx, jobId: string, position: number): Promise<LoadedRow | null> {
  const sentence = await tx.sentence.findUnique({
    where: { jobId_position: { jobId, position } },
    select: { position: true, text: true, originalPosition: true, page: true, part: true, original: { select: { text: true } } },
  });
  if (!sentence) return null;
  const correction = await tx.sentenceCorrection.findUnique({
    where: { jobId_position: { jobId, position } },
    select: correctionSelect,
  });
  return {
    state: rowState(position, sentence.text, correction),
    originalPosition: sentence.originalPosition,
    engine: { text: sentence.text, original: sentence.original.text, page: sentence.page, part: sentence.part },
  };
}

function sameValue(state: RowState, value: CorrectionValue): boolean {
  if (!value.active) return !state.edited;
  return (
    state.edited &&
    state.overLimit === value.overLimit &&
    state.texts.length === value.texts.length &&
    state.texts.every((text, index) => text === value.texts[index])
  );
}

function checkPieces(change: RowChange, maxWords: number, override: boolean): CorrectionValue {
  const texts = change.value.texts.map(normalizeRowText);
  if (texts.some((text) => text.length === 0)) {
    throw new AppError("invalid_input", "A row cannot be empty; delete it instead.");
  }
  const tooLong = texts.find((text) => text.length > maxRowLength);
  if (tooLong) {
    throw new AppError("invalid_input", `A row holds at most ${maxRowLength} characters; this one has ${tooLong.length}.`, {
      maxLength: maxRowLength,
    });
  }
  const over = piecesOverLimit(texts, maxWords);
  if (over.length > 0 && !override) {
    const words = Math.max(...over.map((entry) => entry.words));
    throw new AppError(
      "invalid_input",
      `This row would have ${words} words; this book's limit is ${maxWords}. Shorten it, split it, or keep it anyway (marked over the limit).`,
      { reason: "over_word_limit", maxWords, pieces: over },
    );
  }
  return { texts, active: true, overLimit: over.length > 0 };
}

function correctionJson(state: RowState) {
  return { texts: state.texts, edited: state.edited, overLimit: state.overLimit, version: state.version };
}

export async function changeRows(
  options: ActingUser & { jobId: string; action: SentenceEditAction; override?: boolean },
  plan: (context: PlanContext) => Promise<ChangePlan>,
): Promise<ChangeResult> {
  const { jobId, userId } = options;
  if (!isUuid(jobId)) throw jobNotFound();
  return db().$transaction(async (tx) => {
    await lockJob(tx, jobId);
    const job = await tx.job.findUnique({ where: { id: jobId }, select: { userId: true, status: true, maxWords: true } });
    // Corrections are the owner's own: anyone else, admins included, gets the 404 of a missing job.
    if (!job || job.userId !== userId) throw jobNotFound();
    if (isJobUnfinished(job.status)) {
      throw new AppError("conflict", "This book is still being processed; correct its rows once it has finished.");
    }
    const context: PlanContext = {
      tx,
      maxWords: job.maxWords,
      async row(position) {
        const row = Number.isSafeInteger(position) ? await loadRow(tx, jobId, position) : null;
        if (!row) throw rowNotFound(position);
        return row;
      },
      async nextRowOfOriginal(row) {
        const next = await tx.sentence.findMany({
          where: { jobId, originalPosition: row.originalPosition, position: { gt: row.state.position } },
          orderBy: { position: "asc" },
          select: { position: true },
        });
        for (const { position } of next) {
          const loaded = (await loadRow(tx, jobId, position))!;
          if (loaded.state.texts.length > 0) return loaded;
        }
        return null;
      },
    };
    const { changes, report, afterWrite } = await plan(context);
    const written: { before: RowState; after: RowState }[] = [];
    const editedAt = new Date();
    for (const change of changes) {
      const value = change.validate ? checkPieces(change, job.maxWords, options.override ?? false) : change.value;
      const { row } = change;
      if (sameValue(row.state, value)) continue;
      const version = row.state.version + 1;
      const data = { ...value, version, needsReview: false, editedById: userId, editedAt };
      const stored = await tx.sentenceCorrection.upsert({
        where: { jobId_position: { jobId, position: row.state.position } },
        create: {
          jobId,
          position: row.state.position,
          ...data,
          engineText: row.engine.text,
          originalText: row.engine.original,
          page: row.engine.page,
          part: row.engine.part,
        },
        update: data,
        select: correctionSelect,
      });
      written.push({ before: row.state, after: rowState(row.state.position, row.engine.text, stored) });
    }
    if (written.length === 0) {
      await afterWrite?.(tx, null);
      return { edit: null, rows: (report ?? changes.map((change) => change.row)).map((row) => row.state) };
    }
    const edit = await tx.sentenceEdit.create({
      data: {
        jobId,
        userId,
        action: options.action,
        rows: written.map(({ before, after }) => ({
          position: before.position,
          before: correctionJson(before),
          after: correctionJson(after),
        })) satisfies Prisma.InputJsonValue,
      },
      select: { id: true },
    });
    await afterWrite?.(tx, edit.id);
    return { edit: { id: String(edit.id) }, rows: written.map((entry) => entry.after) };
  });
}
