// GET /api/jobs/[id] is polled once a second by every open page of a book,
// and while the book runs its version changes about once a second, so many
// polls need the full answer. This process shares that work between every
// poller of a job:
//
// - No read while nothing changed. Postgres notifies every change of a job's
//   row or of its chunks' rows (lib/jobs/job-changes.ts). While this process
//   listens, an answer whose read began after the last notification for its
//   job (and in the same listening epoch) is kept as current, and polls get
//   it from memory until the next notification. Commands of this process
//   that change a job (cancel, delete, retry) mark it changed themselves once
//   committed (noteJobChanged), so a poll after them always reads. While the
//   listener is not listening (before it started, or from a drop until it is
//   back), every poll reads as below.
// - The read. A poll never starts a query of its own while one for the same
//   job is running. While listening, it shares the running one if no change
//   was notified since that one began; otherwise it waits for the next one,
//   which starts when the running one ends and serves every poll that arrived
//   meanwhile. So each answer comes from a read that began after the last
//   change notified before its poll (after its poll arrived when not
//   listening), and a job costs Postgres at most one query at a time however
//   many pages poll it.
// - The answer. It is computed (progress and JSON) once per version of the
//   job, the key being everything the answer shows (get-job-version.ts), and
//   reused while reads return the same version. One entry per job, the least
//   recently polled dropped past `maxEntries`.
import { assertJobVisible, jobNotFound } from "@/lib/jobs/find-accessible-job";
import { isUuid } from "@/lib/validations/uuid";
import { progressRowVersion, readProgressRow, tagProgress, type TaggedProgress } from "@/lib/jobs/get-job-progress";
import { keptSince, listening, readStarts, watchJobChanges, type JobChange } from "@/lib/jobs/job-changes";

/** A progress answer ready to send: its JSON is built once per version and shared. */
export interface ProgressAnswer extends TaggedProgress {
  body: string;
}

export type JobPoll = { notModified: true; etag: string } | ({ notModified: false } & ProgressAnswer);

const maxEntries = 1000;
const answers = new Map<string, ProgressAnswer>();
/** The jobs whose answer in `answers` is current: no change notified since its read began. */
const current = new Set<string>();
/** The read of each job now running, and the one that will start after it (shared by the polls waiting for it). */
const running = new Map<string, Promise<ProgressAnswer | null>>();
const following = new Map<string, Promise<ProgressAnswer | null>>();
/** Per job with a read running: the listener's epoch when it began, and whether a change was notified since. */
const readsChanged = new Map<string, { epoch: number | null; changed: boolean }>();
let reads = 0;

/** How many times polls read a job's progress from the database in this process (tests count them). */
export function progressReads(): number {
  return reads;
}

function jobChanged(change: JobChange): void {
  if (change === "*" || change === "queue") {
    // A queued job's place changes with the others': forget every queued answer (queue changes are rare).
    for (const jobId of current) if (change === "*" || answers.get(jobId)?.progress.status === "queued") current.delete(jobId);
    for (const read of readsChanged.values()) read.changed = true;
    return;
  }
  current.delete(change);
  const read = readsChanged.get(change);
  if (read) read.changed = true;
}

function remember(jobId: string, answer: ProgressAnswer): void {
  answers.delete(jobId);
  answers.set(jobId, answer);
  if (answers.size > maxEntries) {
    const oldest = answers.keys().next().value!;
    answers.delete(oldest);
    current.delete(oldest);
  }
}

async function readAnswer(jobId: string): Promise<ProgressAnswer | null> {
  const epoch = readStarts();
  const read = { epoch, changed: false };
  readsChanged.set(jobId, read);
  reads++;
  let row;
  try {
    row = await readProgressRow(jobId);
  } finally {
    if (readsChanged.get(jobId) === read) readsChanged.delete(jobId);
  }
  if (!row) {
    answers.delete(jobId);
    current.delete(jobId);
    return null;
  }
  const cached = answers.get(jobId);
  let answer: ProgressAnswer;
  if (cached && cached.key === progressRowVersion(row).key) answer = cached;
  else {
    const tagged = tagProgress(row);
    answer = { ...tagged, body: JSON.stringify(tagged.progress) };
  }
  remember(jobId, answer);
  if (!read.changed && keptSince(read.epoch)) current.add(jobId);
  else current.delete(jobId);
  return answer;
}

/** The job's answer from memory when no change was notified since it was read, else undefined. */
function currentAnswer(jobId: string): ProgressAnswer | undefined {
  if (!current.has(jobId) || !listening()) return undefined;
  const answer = answers.get(jobId);
  if (answer) remember(jobId, answer);
  return answer;
}

function startRead(jobId: string): Promise<ProgressAnswer | null> {
  following.delete(jobId);
  const read = readAnswer(jobId).finally(() => {
    if (running.get(jobId) === read) running.delete(jobId);
  });
  running.set(jobId, read);
  return read;
}

/** Whether the job's running read began while listening and no change was notified since: as good as one starting now. */
function runningReadCurrent(jobId: string): boolean {
  const read = readsChanged.get(jobId);
  return read !== undefined && !read.changed && keptSince(read.epoch);
}

/** The job's answer from a read that starts now or, if one is running, right after it (or that one, while current). */
function freshAnswer(jobId: string): Promise<ProgressAnswer | null> {
  const next = following.get(jobId);
  if (next) return next;
  const inFlight = running.get(jobId);
  if (!inFlight) return startRead(jobId);
  if (runningReadCurrent(jobId)) return inFlight;
  const after = inFlight.then(
    () => startRead(jobId),
    () => startRead(jobId),
  );
  following.set(jobId, after);
  return after;
}

/**
 * One poll of a job's progress: 304 when the client already holds the
 * current version's answer (`matchesETag`, from If-None-Match), else that
 * answer. 404 for a job the caller may not see.
 */
export async function pollJobProgress(options: {
  jobId: string;
  userId: string;
  isAdmin?: boolean;
  matchesETag?: (etag: string) => boolean;
}): Promise<JobPoll> {
  const { jobId, userId, isAdmin = false } = options;
  if (!isUuid(jobId)) throw jobNotFound();
  watchJobChanges(jobChanged);
  const answer = currentAnswer(jobId) ?? (await freshAnswer(jobId));
  assertJobVisible(answer, userId, isAdmin);
  if (options.matchesETag?.(answer!.etag)) return { notModified: true, etag: answer!.etag };
  return { notModified: false, ...answer! };
}
