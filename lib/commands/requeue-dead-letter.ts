// The admin command that runs a dead letter's chunk again (the book's owner
// pays for its pages again, as with any retry) and removes the letter.
import { assertAdmin, type ActingUser } from "@/lib/commands/acting-user";
import { retryFailedChunks } from "@/lib/commands/retry-failed-chunks";
import { deadLetterQueue, findDeadLetter } from "@/lib/admin/dead-letters";
import { boss } from "@/lib/queue/boss";

export async function requeueDeadLetter(options: ActingUser & { deadLetterId: string }) {
  assertAdmin(options);
  const { jobId, chunkId } = await findDeadLetter(options.deadLetterId);
  const result = await retryFailedChunks({ jobId, userId: options.userId, isAdmin: true, chunkIds: [chunkId] });
  await (await boss()).deleteJob(deadLetterQueue, options.deadLetterId);
  return result;
}
