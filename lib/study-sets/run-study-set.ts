// The worker's side of a study set. Idempotent: a retried job starts the
// selection again from the sentences (nothing partial is ever stored), and a
// set that has already ended is left alone. Cancellation is seen between
// batches of 500 sentences.
import { applyCorrections } from "@/lib/corrections/apply-corrections";
import { db } from "@/lib/db/prisma";
import { log } from "@/lib/log";
import { buildStudySet, type BookSentence } from "@/lib/study-sets/build-study-set";
import { frequentLemmasYielding } from "@/lib/study-sets/match-sentences";
import type { WordListEntry } from "@/lib/study-sets/parse-word-list";
import { startableStudySetStatuses, type StudySetStep } from "@/lib/study-sets/study-set-states";

class StudySetCancelled extends Error {}

/**
 * The books' rows as their owner corrected them (edited text, split rows as
 * their pieces, deleted rows left out). `whole`: only rows that are a whole
 * sentence (kept as printed or rewritten by the model), no split pieces.
 */
async function loadSentences(jobIds: string[], include: string): Promise<BookSentence[]> {
  const sentences: BookSentence[] = [];
  for (const jobId of jobIds) {
    const rows = await db().sentence.findMany({
      where: { jobId, ...(include === "whole" ? { original: { method: { in: ["kept", "rewritten"] } } } : {}) },
      orderBy: { position: "asc" },
      select: { position: true, text: true, original: { select: { text: true } }, page: true, wordCount: true },
    });
    const items = rows.map(({ original, ...row }) => ({ ...row, original: original.text }));
    for (const { position, text, original, page, wordCount } of await applyCorrections(jobId, items, { keepDeleted: false })) {
      sentences.push({ jobId, position, text, original, page, wordCount });
    }
  }
  return sentences;
}

/**
 * The dead letter handler: a set whose job ran out of attempts without
 * finishing (expired, or its worker killed) ends failed, or cancelled if it
 * was being cancelled. Idempotent: an ended set is left alone.
 */
export async function failAbandonedStudySet(studySetId: string): Promise<void> {
  const now = new Date();
  await db().studySet.updateMany({
    where: { id: studySetId, status: "cancelling" },
    data: { status: "cancelled", step: "cancelled", finishedAt: now },
  });
  const failed = await db().studySet.updateMany({
    where: { id: studySetId, status: { in: ["queued", "running"] } },
    data: {
      status: "failed",
      step: "failed",
      finishedAt: now,
      error: "The selection did not finish in time; try again with fewer books or words.",
    },
  });
  if (failed.count > 0) log.warn({ studySetId }, "study set abandoned by its queue: marked failed");
}

export async function runStudySet(studySetId: string): Promise<void> {
  const started = await db().studySet.updateMany({
    where: { id: studySetId, status: { in: startableStudySetStatuses } },
    data: { status: "running", step: "loading", progress: 0, startedAt: new Date() },
  });
  if (started.count === 0) return;
  const set = await db().studySet.findUniqueOrThrow({ where: { id: studySetId } });

  const checkpoint = async (done: number, step: StudySetStep) => {
    const current = await db().studySet.update({
      where: { id: studySetId },
      data: { progress: Math.min(99, Math.round(100 * done)), step: set.status === "cancelling" ? "cancelling" : step },
      select: { status: true },
    });
    if (current.status === "cancelling" || current.status === "cancelled") throw new StudySetCancelled();
  };

  try {
    const sentences = await loadSentences(set.jobIds, set.include);
    let entries = set.entries as unknown as WordListEntry[];
    if (set.source === "book") {
      const { top } = set.entries as unknown as { top: number };
      entries = await frequentLemmasYielding(
        sentences.map((sentence) => sentence.text),
        top,
      );
    }
    const result = await buildStudySet(sentences, {
      entries,
      maxWords: set.maxWords,
      maxSentences: set.maxSentences,
      preferFewerUnknown: set.preferFewerUnknown,
      checkpoint,
    });
    const finished = await db().studySet.updateMany({
      where: { id: studySetId, status: "running" },
      data: {
        status: "succeeded",
        step: "done",
        progress: 100,
        finishedAt: new Date(),
        result: result as object,
        ...(set.source === "book" ? { entries: entries as object[] } : {}),
      },
    });
    if (finished.count === 0) throw new StudySetCancelled();
    log.info({ studySetId, ...result.coverage, sentences: result.sentences.length, ...result.timings }, "study set done");
  } catch (error) {
    if (error instanceof StudySetCancelled) {
      await db().studySet.updateMany({
        where: { id: studySetId, status: { in: ["running", "cancelling"] } },
        data: { status: "cancelled", step: "cancelled", finishedAt: new Date() },
      });
      return;
    }
    // Not retried: the same sentences and words would fail the same way.
    log.error({ err: error, studySetId }, "study set failed");
    await db().studySet.update({
      where: { id: studySetId },
      data: {
        status: "failed",
        step: "failed",
        finishedAt: new Date(),
        error: "The selection failed; try again, and tell us if it fails again.",
      },
    });
  }
}
