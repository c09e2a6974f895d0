// Inputs of the job, sentence, export and settings routes.
import { z } from "zod";
import { Engine, SentenceMethod } from "@/lib/generated/prisma/enums";
import { JobStatus, jobStatuses, wordLimit } from "@/lib/jobs/job-states";

export const engineName = z.enum(Engine, { message: "Choose the engine: local or gemini." });

const wordLimitMessage = `The word limit must be between ${wordLimit.min} and ${wordLimit.max}.`;

export const maxWordsValue = z.coerce
  .number({ message: "The word limit must be a number." })
  .int({ message: "The word limit must be a whole number." })
  .min(wordLimit.min, { message: wordLimitMessage })
  .max(wordLimit.max, { message: wordLimitMessage });

export const modelName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
    message: "The model name may use letters, digits, '.', '_' and '-'.",
  });

const emptyAsUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

/** A form or JSON flag: true/false, "true"/"false", "on" (a checked checkbox), "1"/"0". */
export const flagValue = z.preprocess(
  (value) => {
    if (typeof value !== "string") return value;
    if (["true", "on", "1"].includes(value)) return true;
    if (["false", "off", "0"].includes(value)) return false;
    return value;
  },
  z.boolean({ message: "includeMatter must be true or false." }),
);

/** The form fields sent with the PDF; anything missing or empty falls back to the user's settings. */
export const createJobFields = z.object({
  maxWords: z.preprocess(emptyAsUndefined, maxWordsValue.optional()),
  engine: z.preprocess(emptyAsUndefined, engineName.optional()),
  model: z.preprocess(emptyAsUndefined, modelName.optional()),
  /** Keep the publisher's pages (title, notices, contents, colophon) as sentences. */
  includeMatter: z.preprocess(emptyAsUndefined, flagValue.optional()),
});
export type CreateJobFields = z.infer<typeof createJobFields>;

/** Defaults for new jobs, stored on User.settings. */
export const jobSettings = z.object({
  maxWords: maxWordsValue,
  engine: engineName,
  model: z.preprocess(emptyAsUndefined, modelName.nullable().default(null)),
  includeMatter: flagValue.default(false),
});
export type JobSettings = z.infer<typeof jobSettings>;

export const jobStatusName = z.enum(JobStatus, {
  message: `Unknown status; use ${jobStatuses.slice(0, -1).join(", ")} or ${jobStatuses.at(-1)}.`,
});

export const listJobsQuery = z.object({
  cursor: z.preprocess(emptyAsUndefined, z.string().max(200).optional()),
  /** One status or several separated by commas: `running,queued`. */
  status: z.preprocess(
    (value) => (typeof value === "string" && value !== "" ? value.split(",") : undefined),
    z.array(jobStatusName).optional(),
  ),
  q: z.preprocess(emptyAsUndefined, z.string().trim().max(200).optional()),
  limit: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(100).default(20)),
});
export type ListJobsQuery = z.infer<typeof listJobsQuery>;

export const listSentencesQuery = z.object({
  /** The last position of the previous page (checked by listSentences: a bad one is a 400). */
  cursor: z.preprocess(emptyAsUndefined, z.string().max(200).optional()),
  q: z.preprocess(emptyAsUndefined, z.string().trim().max(200).optional()),
  limit: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(1000).default(200)),
  method: z.preprocess(
    emptyAsUndefined,
    z
      .enum(SentenceMethod, {
        message: "method is kept, rewritten, split or ocr.",
      })
      .optional(),
  ),
  /** edited=1: only the rows the owner corrected (or a re-run flagged). */
  edited: z.preprocess(emptyAsUndefined, z.enum(["1", "true"]).transform(() => true).optional()),
});
export type ListSentencesQuery = z.infer<typeof listSentencesQuery>;

export const exportFormat = z.enum(["csv", "xlsx", "tsv", "json"], {
  message: "Choose the export format: csv, xlsx, tsv or json.",
});
export type ExportFormat = z.infer<typeof exportFormat>;

/**
 * Which rows an export holds: `all`, or `kept`, the sentences as the author
 * wrote them (method kept: short enough to be left whole, never rewritten or
 * cut; headings kept the same way follow the format's usual rule).
 */
export const exportRows = z.enum(["all", "kept"], {
  message: "rows is all (every sentence) or kept (only the sentences kept as the author wrote them).",
});
export type ExportRows = z.infer<typeof exportRows>;

/**
 * Whose rows an export holds: `corrected`, the rows as the owner corrected
 * them (the default), or `engine`, the rows as the engine made them.
 */
export const exportSource = z.enum(["corrected", "engine"], {
  message: "source is corrected (the rows as you corrected them) or engine (the rows as the engine made them).",
});
export type ExportSource = z.infer<typeof exportSource>;

export const exportQuery = z.object({
  format: exportFormat.default("csv"),
  rows: z.preprocess(emptyAsUndefined, exportRows.default("all")),
  source: z.preprocess(emptyAsUndefined, exportSource.default("corrected")),
});

export const creditsQuery = z.object({
  cursor: z.preprocess(emptyAsUndefined, z.string().max(200).optional()),
  limit: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(200).default(50)),
});

/** Reads a URL's query string into a plain object for the schemas above. */
export function searchParamsObject(url: string | URL): Record<string, string> {
  return Object.fromEntries(new URL(url).searchParams.entries());
}
