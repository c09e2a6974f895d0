-- Books as EPUB and plain text besides PDF: the stored file's kind, and the
-- job's (its unit: the page of a PDF, the section of about 300 words of the others).

-- CreateEnum
CREATE TYPE "BookFormat" AS ENUM ('pdf', 'epub', 'text');

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "format" "BookFormat" NOT NULL DEFAULT 'pdf';

-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "format" "BookFormat" NOT NULL DEFAULT 'pdf';
