// Lets pg-boss write its job rows inside a Prisma interactive transaction, so
// a job is queued if and only if the rows that describe it are committed.
export { fromPrisma as transactionDb } from "pg-boss";
