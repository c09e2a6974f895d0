-- A study set step was a free string shown raw in the UI: now an enum,
-- labelled in lib/study-sets/study-set-states.ts. Every value the worker
-- wrote is one of the enum values, and any other becomes the step of its status.

-- CreateEnum
CREATE TYPE "StudySetStep" AS ENUM ('queued', 'loading', 'matching', 'selecting', 'explaining', 'done', 'cancelling', 'cancelled', 'failed');

-- AlterTable
ALTER TABLE "StudySet" ALTER COLUMN "step" DROP DEFAULT;
UPDATE "StudySet" SET "step" = CASE "status"
    WHEN 'succeeded' THEN 'done'
    WHEN 'running' THEN 'loading'
    ELSE "status"::text
  END
  WHERE "step" NOT IN ('queued', 'loading', 'matching', 'selecting', 'explaining', 'done', 'cancelling', 'cancelled', 'failed');
ALTER TABLE "StudySet" ALTER COLUMN "step" TYPE "StudySetStep" USING ("step"::"StudySetStep");
ALTER TABLE "StudySet" ALTER COLUMN "step" SET DEFAULT 'queued';
