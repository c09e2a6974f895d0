// Row locks taken at the top of a transaction. Every transaction that holds
// more than one of these rows takes them in one order: the job, then its
// chunks, then its owner. Two transactions taking the same rows in opposite
// orders deadlock, and Postgres aborts one of them (Prisma's P2034): a
// chunk finishing (chunk, then job) against a cancel (job, then chunks) did.
import type { Tx } from "@/lib/db/prisma";

/** Locks the job row until the transaction ends; false when there is no such job. */
export async function lockJob(tx: Tx, jobId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`select id from "Job" where id = ${jobId}::uuid for update`;
  return rows.length === 1;
}

/** Locks the user row until the transaction ends. */
export async function lockUser(tx: Tx, userId: string): Promise<void> {
  await tx.$queryRaw`select id from "User" where id = ${userId}::uuid for update`;
}
