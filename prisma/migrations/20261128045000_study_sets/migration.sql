-- Study sets: word lists a user imports, and sets of sentences chosen from
-- finished jobs to cover a list's words.

-- CreateEnum
CREATE TYPE "StudySetStatus" AS ENUM ('queued', 'running', 'cancelling', 'cancelled', 'succeeded', 'failed');

-- CreateTable
CREATE TABLE "WordList" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "entries" JSONB NOT NULL,
    "entryCount" INTEGER NOT NULL,
    "report" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WordList_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudySet" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "wordListId" UUID,
    "source" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "entries" JSONB NOT NULL,
    "jobIds" UUID[],
    "maxWords" INTEGER NOT NULL,
    "maxSentences" INTEGER NOT NULL,
    "include" TEXT NOT NULL DEFAULT 'all',
    "preferFewerUnknown" BOOLEAN NOT NULL DEFAULT false,
    "status" "StudySetStatus" NOT NULL DEFAULT 'queued',
    "step" TEXT NOT NULL DEFAULT 'queued',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "result" JSONB,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StudySet_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WordList_userId_createdAt_idx" ON "WordList"("userId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "StudySet_userId_createdAt_idx" ON "StudySet"("userId", "createdAt" DESC);

-- AddForeignKey
ALTER TABLE "WordList" ADD CONSTRAINT "WordList_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudySet" ADD CONSTRAINT "StudySet_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudySet" ADD CONSTRAINT "StudySet_wordListId_fkey" FOREIGN KEY ("wordListId") REFERENCES "WordList"("id") ON DELETE SET NULL ON UPDATE CASCADE;
