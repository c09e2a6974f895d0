// The create command of study sets: a user starts one. It checks the jobs
// (the caller's, finished) and the words (a saved list, pasted words, or
// none: the book's own most useful words), then in ONE transaction creates
// the set and queues its selection job.
// Each set costs seconds of a worker's CPU, so a user may start
// STUDY_SETS_PER_HOUR of them and have STUDY_SETS_IN_PROGRESS_PER_USER
// queued or running at once (429 past either, with a sentence that says why).
import type { ActingUser } from "@/lib/commands/acting-user";
import { lockUser } from "@/lib/db/lock-rows";
import { db } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { hasKnownLemma } from "@/lib/french/lemmatize";
import { findAccessibleJob, type AccessibleJob } from "@/lib/jobs/find-accessible-job";
import { sendJob } from "@/lib/queue/boss";
import { consumeThrottle } from "@/lib/rate-limit/throttle";
import { assertId, assertOwned, wordListNotFound } from "@/lib/study-sets/find-owned";
import { inProgressStudySetStatuses } from "@/lib/study-sets/study-set-states";
import { maxWordListEntries, parseWordList, type WordListEntry } from "@/lib/study-sets/parse-word-list";
import type { CreateStudySetBody } from "@/lib/validations/study-set";

const finishedStatuses = new Set(["succeeded", "partial"]);
export const defaultTopWords = 300;
export const defaultMaxSentences = 500;

async function wordsFor(
  userId: string,
  body: CreateStudySetBody,
): Promise<{ source: "list" | "text" | "book"; name: string; entries: WordListEntry[]; wordListId: string | null }> {
  if (body.wordListId) {
    assertId(body.wordListId, wordListNotFound);
    const list = await db().wordList.findUnique({
      where: { id: body.wordListId },
      select: { userId: true, name: true, entries: true },
    });
    assertOwned(list, userId, wordListNotFound);
    return { source: "list", name: list.name, entries: list.entries as unknown as WordListEntry[], wordListId: body.wordListId };
  }
  if (body.words !== undefined) {
    const { entries } = parseWordList(body.words, hasKnownLemma);
    if (entries.length === 0) {
      throw new AppError("invalid_input", "The pasted words are empty: write one word a line.", { field: "words" });
    }
    if (entries.length > maxWordListEntries) {
      throw new AppError("invalid_input", `At most ${maxWordListEntries} words; this list has ${entries.length}.`, {
        field: "words",
      });
    }
    return { source: "text", name: `${entries.length} pasted words`, entries, wordListId: null };
  }
  // The list is built by the worker from the books' own lemma frequencies.
  const top = body.topWords ?? defaultTopWords;
  return { source: "book", name: `The ${top} most useful words`, entries: [], wordListId: null };
}

export async function createStudySet(options: ActingUser & { body: CreateStudySetBody }) {
  const { userId, body } = options;
  await consumeThrottle("study-set-user", userId);
  const jobIds = [...new Set(body.jobIds)];
  const jobs: AccessibleJob[] = [];
  for (const jobId of jobIds) {
    const job = await findAccessibleJob({ jobId, userId, isAdmin: options.isAdmin });
    if (!finishedStatuses.has(job.status)) {
      throw new AppError("conflict", `"${job.fileName}" is not finished yet; a study set needs finished jobs.`, {
        jobId,
      });
    }
    jobs.push(job);
  }
  const jobLimits = await db().job.findMany({ where: { id: { in: jobIds } }, select: { maxWords: true } });
  const words = await wordsFor(userId, body);
  const maxWords = body.maxWords ?? Math.min(...jobLimits.map((job) => job.maxWords));

  return db().$transaction(async (tx) => {
    // One creation at a time per user, so the count below is exact.
    await lockUser(tx, userId);
    const limit = env().STUDY_SETS_IN_PROGRESS_PER_USER;
    const inProgress = await tx.studySet.count({ where: { userId, status: { in: inProgressStudySetStatuses } } });
    if (inProgress >= limit) {
      throw new AppError(
        "rate_limited",
        `You already have ${inProgress} study sets being built (the limit is ${limit}). ` +
          "Wait for one to finish or cancel it.",
        { inProgress, limit, retryAfterSeconds: 30 },
      );
    }
    const set = await tx.studySet.create({
      data: {
        userId,
        wordListId: words.wordListId,
        source: words.source,
        name: `${words.name} · ${jobs.map((job) => job.fileName).join(", ")}`.slice(0, 300),
        entries: words.source === "book" ? { top: body.topWords ?? defaultTopWords } : (words.entries as object[]),
        jobIds,
        maxWords,
        maxSentences: body.maxSentences ?? defaultMaxSentences,
        include: body.include ?? "all",
        preferFewerUnknown: body.preferFewerUnknown ?? false,
      },
      select: { id: true, status: true },
    });
    await sendJob("studySet", { studySetId: set.id }, { tx });
    return set;
  });
}
