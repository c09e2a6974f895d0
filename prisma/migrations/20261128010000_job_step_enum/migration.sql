-- CreateEnum
CREATE TYPE "JobStep" AS ENUM ('queued', 'processing', 'merging', 'cancelling', 'succeeded', 'partial', 'failed', 'cancelled');

-- AlterTable: existing rows keep their step when the pipeline writes it
-- today; any other word (older builds) becomes the step that matches the
-- job's status, so no row is lost and none contradicts its status.
ALTER TABLE "Job" ALTER COLUMN "step" DROP DEFAULT;
ALTER TABLE "Job" ALTER COLUMN "step" TYPE "JobStep" USING (
  CASE
    WHEN "step" IN ('queued', 'processing', 'merging', 'cancelling', 'succeeded', 'partial', 'failed', 'cancelled') THEN "step"
    WHEN "status" = 'running' THEN 'processing'
    ELSE "status"::text
  END
)::"JobStep";
ALTER TABLE "Job" ALTER COLUMN "step" SET DEFAULT 'queued';
