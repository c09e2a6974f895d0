// Lets pg-boss write its job rows inside a Prisma interactive transaction, so
// a job is queued if and only if the rows that describe it are committed.
import type { IDatabase } from "pg-boss";
import type { Tx } from "@/lib/db/prisma";

export function transactionDb(tx: Tx): IDatabase {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const rows = await tx.$queryRawUnsafe<unknown[]>(text, ...values);
      return { rows };
    },
  };
}
