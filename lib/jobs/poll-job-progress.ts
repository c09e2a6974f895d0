// GET /api/jobs/[id] is polled once a second by every open page of a book,
// and while the book runs its version changes at almost every poll, so most
// polls need the full answer. This process shares that work between every
// poller of a job:
//
// - The read. A poll never starts a query of its own while one for the same
//   job is running: it waits for the next one, which starts when the running
//   one ends and serves every poll that arrived meanwhile. So each answer
//   comes from a read that began after its poll arrived (a poll that follows
//   a cancel, a retry or a chunk's change always sees it), and a job costs
//   Postgres at most one query at a time however many pages poll it.
// - The answer. It is computed (progress and JSON) once per version of the
//   job, the key being everything the answer shows (get-job-version.ts), and
//   reused while reads return the same version. One entry per job, the least
//   recently polled dropped past `maxEntries`.
import { assertJobVisible, jobNotFound } from "@/lib/jobs/find-accessible-job";
import { isUuid } from "@/lib/validations/uuid";
import { progressRowVersion, readProgressRow, tagProgress, type TaggedProgress } from "@/lib/jobs/get-job-progress";

/** A progress answer ready to send: its JSON is built once per version and shared. */
export interface ProgressAnswer extends TaggedProgress {
  body: string;
}

export type JobPoll = { notModified: true; etag: string } | ({ notModified: false } & ProgressAnswer);

const maxEntries = 1000;
const answers = new Map<string, ProgressAnswer>();
/** The read of each job now running, and the one that will start after it (shared by the polls waiting for it). */
const running = new Map<string, Promise<ProgressAnswer | null>>();
const following = new Map<string, Promise<ProgressAnswer | null>>();

function remember(jobId: string, answer: ProgressAnswer): void {
  answers.delete(jobId);
  answers.set(jobId, answer);
  if (answers.size > maxEntries) answers.delete(answers.keys().next().value!);
}

async function readAnswer(jobId: string): Promise<ProgressAnswer | null> {
  const row = await readProgressRow(jobId);
  if (!row) {
    answers.delete(jobId);
    return null;
  }
  const cached = answers.get(jobId);
  if (cached && cached.key === progressRowVersion(row).key) {
    remember(jobId, cached);
    return cached;
  }
  const tagged = tagProgress(row);
  const answer = { ...tagged, body: JSON.stringify(tagged.progress) };
  remember(jobId, answer);
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

/** The job's answer from a read that starts now or, if one is running, right after it. */
function freshAnswer(jobId: string): Promise<ProgressAnswer | null> {
  const next = following.get(jobId);
  if (next) return next;
  const current = running.get(jobId);
  if (!current) return startRead(jobId);
  const after = current.then(
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
  const answer = await freshAnswer(jobId);
  assertJobVisible(answer, userId, isAdmin);
  if (options.matchesETag?.(answer!.etag)) return { notModified: true, etag: answer!.etag };
  return { notModified: false, ...answer! };
}
