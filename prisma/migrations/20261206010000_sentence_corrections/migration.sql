-- The owner's corrections of a book's rows, beside the engine's rows (which
-- are never changed), and the history of every change.

-- CreateEnum
CREATE TYPE "SentenceEditAction" AS ENUM ('edit', 'join', 'split', 'delete', 'restore', 'undo');

-- CreateTable
CREATE TABLE "SentenceCorrection" (
    "jobId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "texts" TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "overLimit" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "engineText" TEXT NOT NULL,
    "originalText" TEXT NOT NULL,
    "page" INTEGER NOT NULL,
    "part" INTEGER NOT NULL,
    "needsReview" BOOLEAN NOT NULL DEFAULT false,
    "editedById" UUID NOT NULL,
    "editedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SentenceCorrection_pkey" PRIMARY KEY ("jobId","position")
);

-- CreateTable
CREATE TABLE "SentenceEdit" (
    "id" BIGSERIAL NOT NULL,
    "jobId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "action" "SentenceEditAction" NOT NULL,
    "rows" JSONB NOT NULL,
    "undoneAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SentenceEdit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SentenceEdit_jobId_createdAt_idx" ON "SentenceEdit"("jobId", "createdAt");

-- AddForeignKey
ALTER TABLE "SentenceCorrection" ADD CONSTRAINT "SentenceCorrection_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SentenceEdit" ADD CONSTRAINT "SentenceEdit_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;
