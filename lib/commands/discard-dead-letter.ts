// The admin command that removes a dead letter: its chunk stays failed, the
// book stays partial and its owner can still retry it.
import { assertAdmin, type ActingUser } from "@/lib/commands/acting-user";
import { deadLetterQueue, findDeadLetter } from "@/lib/admin/dead-letters";
import { boss } from "@/lib/queue/boss";

export async function discardDeadLetter(options: ActingUser & { deadLetterId: string }): Promise<void> {
  assertAdmin(options);
  await findDeadLetter(options.deadLetterId);
  await (await boss()).deleteJob(deadLetterQueue, options.deadLetterId);
}
