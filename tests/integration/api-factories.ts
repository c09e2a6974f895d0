// Rows for integration tests, written straight to the database: users with a
// known balance (recorded in the ledger, so the ledger invariant holds), and
// documents, jobs, chunks and sentences without running the pipeline.
//
// The test database is shared with the stack's web server and worker, and a
// job made here is never worked on: one left queued or running would count
// towards everyone's queue position and back-pressure backlog. Jobs default
// to `succeeded`, and `retireMadeJobs()` (call it in afterAll) closes any
// made active.
import { createHash, randomUUID } from "node:crypto";
import { db } from "@/lib/db/prisma";
import type { ChunkStatus, Engine, JobStatus } from "@/lib/generated/prisma/client";
import { unfinishedJobStatuses } from "@/lib/jobs/job-states";

export async function makeUser(options: { balance?: number; role?: "user" | "admin"; email?: string } = {}) {
  const balance = options.balance ?? 0;
  return db().$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        email: options.email ?? `user-${randomUUID()}@example.test`,
        role: options.role ?? "user",
        creditBalance: balance,
      },
    });
    if (balance > 0) {
      await tx.creditLedger.create({
        data: { userId: user.id, kind: "adjust", amount: balance, reason: "test balance" },
      });
    }
    return user;
  });
}

export async function makeDocument(options: { userId: string; pageCount?: number; fileName?: string }) {
  const bytes = new TextEncoder().encode(`%PDF-1.7 fake ${randomUUID()}`);
  return db().document.create({
    data: {
      userId: options.userId,
      fileName: options.fileName ?? "livre.pdf",
      sha256: createHash("sha256").update(bytes).digest("hex"),
      byteSize: bytes.byteLength,
      pageCount: options.pageCount ?? 100,
      hasText: true,
      bytes,
    },
  });
}

const madeJobIds = new Set<string>();

/** Marks every still-active job made by makeJob in this file as failed. */
export async function retireMadeJobs(): Promise<void> {
  if (madeJobIds.size === 0) return;
  await db().job.updateMany({
    where: { id: { in: [...madeJobIds] }, status: { in: unfinishedJobStatuses } },
    data: { status: "failed", step: "failed", finishedAt: new Date(), error: "Test fixture retired." },
  });
}

export async function makeJob(options: {
  userId: string;
  pageCount?: number;
  engine?: Engine;
  model?: string | null;
  status?: JobStatus;
  fileName?: string;
  maxWords?: number;
  createdAt?: Date;
  startedAt?: Date | null;
}) {
  const pageCount = options.pageCount ?? 100;
  const fileName = options.fileName ?? "Madame Bovary.pdf";
  const document = await makeDocument({ userId: options.userId, pageCount, fileName });
  const job = await db().job.create({
    data: {
      userId: options.userId,
      documentId: document.id,
      fileName,
      pageCount,
      maxWords: options.maxWords ?? 8,
      engine: options.engine ?? "local",
      model: options.model ?? null,
      status: options.status ?? "succeeded",
      createdAt: options.createdAt,
      startedAt: options.startedAt ?? null,
    },
  });
  madeJobIds.add(job.id);
  return job;
}

/** Chunks of `size` owned pages tiling the book, with the given statuses in order. */
export async function makeChunks(options: { jobId: string; size: number; statuses: ChunkStatus[] }) {
  const { jobId, size, statuses } = options;
  await db().chunk.createMany({
    data: statuses.map((status, index) => ({
      jobId,
      index,
      firstPage: index * size + 1,
      lastPage: (index + 1) * size,
      ownedFirst: index * size + 1,
      ownedLast: (index + 1) * size,
      status,
    })),
  });
  await db().job.update({
    where: { id: jobId },
    data: {
      chunksTotal: statuses.length,
      chunksDone: statuses.filter((status) => status === "done").length,
      chunksFailed: statuses.filter((status) => status === "failed").length,
    },
  });
}

export async function setChunkStatus(jobId: string, index: number, status: ChunkStatus) {
  await db().chunk.update({ where: { jobId_index: { jobId, index } }, data: { status } });
}

/** Sum of the user's ledger rows next to the cached balance: the two must agree. */
export async function ledgerAndBalance(userId: string) {
  const [sum, user] = await Promise.all([
    db().creditLedger.aggregate({ where: { userId }, _sum: { amount: true } }),
    db().user.findUniqueOrThrow({ where: { id: userId }, select: { creditBalance: true } }),
  ]);
  return { ledger: sum._sum.amount ?? 0, balance: user.creditBalance };
}
