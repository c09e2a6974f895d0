// Inputs of the word-list and study-set routes.
import { z } from "zod";

export const wordListName = z
  .string({ message: "Give the list a name." })
  .trim()
  .min(1, { message: "Give the list a name." })
  .max(120, { message: "A list name has at most 120 characters." });

/** The largest list file or pasted text accepted (about 20,000 lines). */
export const maxWordListBytes = 1024 * 1024;

/** The largest request body carrying a list (the list, plus room for JSON or multipart framing). */
export const maxWordListRequestBytes = maxWordListBytes + 64 * 1024;

export const createWordListBody = z.object({
  name: wordListName,
  text: z
    .string({ message: "Paste the words, one a line, in `text`." })
    .max(maxWordListBytes, { message: "The list is larger than 1 MB; split it." }),
});

const uuid = z.uuid({ message: "Ids are UUIDs." });

export const sentenceKinds = z.enum(["all", "whole"], {
  message: "include is `all` (split pieces too) or `whole` (kept and rewritten sentences only).",
});

export const createStudySetBody = z
  .object({
    jobIds: z
      .array(uuid, { message: "jobIds lists the finished jobs to take sentences from." })
      .min(1, { message: "Choose at least one finished job." })
      .max(20, { message: "A study set draws on at most 20 jobs." }),
    wordListId: uuid.optional(),
    words: z.string().max(maxWordListBytes, { message: "The pasted words are larger than 1 MB." }).optional(),
    /** Without a list or words: this many of the book's own most frequent words. */
    topWords: z.number().int().min(10).max(5000, { message: "topWords is between 10 and 5,000." }).optional(),
    maxSentences: z
      .number({ message: "maxSentences must be a number." })
      .int()
      .min(1, { message: "maxSentences is between 1 and 5,000." })
      .max(5000, { message: "maxSentences is between 1 and 5,000." })
      .optional(),
    maxWords: z
      .number({ message: "maxWords must be a number." })
      .int()
      .min(3, { message: "maxWords is between 3 and 30." })
      .max(30, { message: "maxWords is between 3 and 30." })
      .optional(),
    include: sentenceKinds.optional(),
    preferFewerUnknown: z.boolean().optional(),
  })
  .refine((body) => !(body.wordListId && body.words !== undefined), {
    message: "Send either wordListId or words, not both.",
  });
export type CreateStudySetBody = z.infer<typeof createStudySetBody>;

export const studySetExportQuery = z.object({
  format: z.enum(["csv", "tsv"], { message: "format is csv or tsv." }),
});
