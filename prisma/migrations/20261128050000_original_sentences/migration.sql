-- Text-first rewriting: each original sentence of a book is stored once, with
-- how it became its rows (method, fallback reason, model), and the pieces point
-- to it. Gemini requests are recorded one row each, with their tokens.

-- CreateEnum
CREATE TYPE "SentenceMethod" AS ENUM ('kept', 'rewritten', 'split', 'ocr');

-- CreateTable
CREATE TABLE "OriginalSentence" (
    "jobId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "page" INTEGER NOT NULL,
    "kind" "SentenceKind" NOT NULL DEFAULT 'sentence',
    "method" "SentenceMethod" NOT NULL,
    "fallbackReason" TEXT,
    "model" TEXT,

    CONSTRAINT "OriginalSentence_pkey" PRIMARY KEY ("jobId","position")
);

-- CreateTable
CREATE TABLE "GeminiRequest" (
    "id" BIGSERIAL NOT NULL,
    "jobId" UUID NOT NULL,
    "chunkIndex" INTEGER,
    "purpose" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "promptTokens" INTEGER NOT NULL,
    "outputTokens" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GeminiRequest_pkey" PRIMARY KEY ("id")
);

-- Existing books: a piece with part 1 starts an original, the others point to the last one started.
ALTER TABLE "Sentence" ADD COLUMN "originalPosition" INTEGER;

UPDATE "Sentence" AS s SET "originalPosition" = numbered.ordinal
FROM (
    SELECT "jobId", "position",
           greatest(1, sum(CASE WHEN "part" = 1 THEN 1 ELSE 0 END) OVER (PARTITION BY "jobId" ORDER BY "position")) AS ordinal
    FROM "Sentence"
) AS numbered
WHERE s."jobId" = numbered."jobId" AND s."position" = numbered."position";

INSERT INTO "OriginalSentence" ("jobId", "position", "text", "page", "kind", "method", "model")
SELECT DISTINCT ON (s."jobId", s."originalPosition")
       s."jobId", s."originalPosition", s."original", s."page", s."kind",
       (CASE
            WHEN s."parts" = 1 AND s."text" = s."original" THEN 'kept'
            WHEN j."engine" = 'gemini' THEN 'rewritten'
            ELSE 'split'
        END)::"SentenceMethod",
       j."model"
FROM "Sentence" AS s JOIN "Job" AS j ON j."id" = s."jobId"
ORDER BY s."jobId", s."originalPosition", s."position";

ALTER TABLE "Sentence" ALTER COLUMN "originalPosition" SET NOT NULL;

-- AlterTable
ALTER TABLE "Sentence" DROP COLUMN "original";

-- CreateIndex
CREATE INDEX "Sentence_jobId_originalPosition_idx" ON "Sentence"("jobId", "originalPosition");

-- CreateIndex
CREATE INDEX "GeminiRequest_jobId_idx" ON "GeminiRequest"("jobId");

-- AddForeignKey
ALTER TABLE "OriginalSentence" ADD CONSTRAINT "OriginalSentence_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sentence" ADD CONSTRAINT "Sentence_jobId_originalPosition_fkey" FOREIGN KEY ("jobId", "originalPosition") REFERENCES "OriginalSentence"("jobId", "position") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GeminiRequest" ADD CONSTRAINT "GeminiRequest_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;
