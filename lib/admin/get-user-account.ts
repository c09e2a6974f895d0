// What an administrator sees of one account, found by email: balance, the
// latest books and the latest ledger rows.
import { db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { LedgerKind, Role } from "@/lib/generated/prisma/client";
import { jobSummarySelect, toJobSummary, type JobSummary } from "@/lib/jobs/to-job-summary";

export interface UserAccount {
  user: { id: string; email: string; name: string | null; role: Role; creditBalance: number; createdAt: string };
  jobs: JobSummary[];
  ledger: { id: string; kind: LedgerKind; amount: number; jobId: string | null; reason: string; createdAt: string }[];
}

const shown = 20;

export async function getUserAccount(options: { email: string }): Promise<UserAccount> {
  const email = options.email.trim();
  const user = await db().user.findFirst({
    where: { email: { equals: email, mode: "insensitive" } },
    select: { id: true, email: true, name: true, role: true, creditBalance: true, createdAt: true },
  });
  if (!user) throw new AppError("not_found", `No account uses the email ${email}.`);
  const [jobs, ledger] = await Promise.all([
    db().job.findMany({
      where: { userId: user.id },
      orderBy: { createdAt: "desc" },
      take: shown,
      select: jobSummarySelect,
    }),
    db().creditLedger.findMany({
      where: { userId: user.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: shown,
    }),
  ]);
  return {
    user: { ...user, createdAt: user.createdAt.toISOString() },
    jobs: jobs.map(toJobSummary),
    ledger: ledger.map((row) => ({
      id: String(row.id),
      kind: row.kind,
      amount: row.amount,
      jobId: row.jobId,
      reason: row.reason,
      createdAt: row.createdAt.toISOString(),
    })),
  };
}
