-- CreateEnum
CREATE TYPE "JobStep" AS ENUM ('queued', 'processing', 'merging', 'cancelling', 'succeeded', 'partial', 'failed', 'cancelled');

-- AlterTable: a row keeps its step when it is one the pipeline writes, and
-- any other word (older builds) becomes the step matching the status of the
-- job, so no row is lost and none contradicts its status. (No semicolons in
-- comments here: the Postgres adapter splits the script on them.)
ALTER TABLE "Job" ALTER COLUMN "step" DROP DEFAULT;
ALTER TABLE "Job" ALTER COLUMN "step" TYPE "JobStep" USING (
  CASE
    WHEN "step" IN ('queued', 'processing', 'merging', 'cancelling', 'succeeded', 'partial', 'failed', 'cancelled') THEN "step"
    WHEN "status" = 'running' THEN 'processing'
    ELSE "status"::text
  END
)::"JobStep";
ALTER TABLE "Job" ALTER COLUMN "step" SET DEFAULT 'queued';
