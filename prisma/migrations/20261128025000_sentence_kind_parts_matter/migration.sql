-- CreateEnum
CREATE TYPE "SentenceKind" AS ENUM ('sentence', 'heading');

-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "backMatterPages" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "frontMatterPages" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "includeMatter" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Sentence" ADD COLUMN     "kind" "SentenceKind" NOT NULL DEFAULT 'sentence',
ADD COLUMN     "part" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "parts" INTEGER NOT NULL DEFAULT 1;
