// The dead-letter inbox: chunk jobs pg-boss moved to the `chunk-abandoned`
// queue after their attempts ran out without a handler finishing (workers
// killed mid-chunk), whose chunk is still failed. The handler of that queue
// already marked the chunk failed so the book could close; an administrator
// then requeues the chunk (the owner pays for its pages again, as with any
// retry) or discards the letter (the book stays partial and its owner can
// still retry it): those two are commands (lib/commands/requeue-dead-letter.ts,
// lib/commands/discard-dead-letter.ts); this module only reads the inbox.
import { db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/validations/uuid";
import { queues } from "@/lib/queue/queues";
import { boss } from "@/lib/queue/boss";

export interface DeadLetter {
  /** The pg-boss job id in the dead-letter queue. */
  id: string;
  jobId: string;
  chunkId: string;
  chunkIndex: number;
  pages: string;
  fileName: string;
  userEmail: string;
  error: string | null;
  attempts: number;
  abandonedAt: string;
}

/** The dead-letter queue of chunk jobs. */
export const deadLetterQueue = queues.chunkAbandoned.name;

export async function listDeadLetters(): Promise<DeadLetter[]> {
  const rows = await db().$queryRaw<
    {
      id: string;
      jobId: string;
      chunkId: string;
      chunkIndex: number;
      ownedFirst: number;
      ownedLast: number;
      fileName: string;
      userEmail: string;
      error: string | null;
      attempts: number;
      abandonedAt: Date;
    }[]
  >`
    select dl.id::text as id, c."jobId"::text as "jobId", c.id::text as "chunkId", c.index as "chunkIndex",
           c."ownedFirst", c."ownedLast", j."fileName", u.email as "userEmail", c.error, c.attempts,
           dl.created_on as "abandonedAt"
    from pgboss.job dl
    join "Chunk" c on c.id = (dl.data->>'chunkId')::uuid
    join "Job" j on j.id = c."jobId"
    join "User" u on u.id = j."userId"
    where dl.name = ${deadLetterQueue} and c.status = 'failed'
    order by dl.created_on desc
    limit 200`;
  return rows.map((row) => ({
    id: row.id,
    jobId: row.jobId,
    chunkId: row.chunkId,
    chunkIndex: row.chunkIndex,
    pages: row.ownedFirst === row.ownedLast ? String(row.ownedFirst) : `${row.ownedFirst}–${row.ownedLast}`,
    fileName: row.fileName,
    userEmail: row.userEmail,
    error: row.error,
    attempts: row.attempts,
    abandonedAt: row.abandonedAt.toISOString(),
  }));
}

/** The chunk a dead letter is about; a malformed id, a missing letter or one without a chunk is the 404. */
export async function findDeadLetter(id: string): Promise<{ jobId: string; chunkId: string }> {
  if (!isUuid(id)) throw new AppError("not_found", "This dead letter does not exist.");
  const [letter] = await (await boss()).findJobs(deadLetterQueue, { id });
  const data = letter ? queues.chunkAbandoned.payload.safeParse(letter.data) : undefined;
  if (!data?.success) throw new AppError("not_found", "This dead letter does not exist.");
  return data.data;
}
