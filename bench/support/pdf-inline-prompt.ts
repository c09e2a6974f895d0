// What we ask Gemini for and how its answer is checked. The answer is one
// entry per original sentence with its rewritten pieces, which keeps the
// original text once and maps straight onto EngineSentence rows.
import { z } from "zod";
import { parseSchemaAnswer, toGeminiSchema, type ParsedAnswer } from "@/lib/engines/gemini-call";
import type { EngineInput, EngineSentence } from "@/tests/support/engine-contract";
import { countWords } from "@/lib/text/count-words";
import { normalizeSpaces } from "@/lib/text/normalize-spaces";
import { splitLongSentence } from "@/lib/text/split-long-sentence";

export function buildGeminiPrompt(
  input: Pick<EngineInput, "firstPage" | "lastPage" | "maxWords">,
): string {
  const { firstPage, lastPage, maxWords } = input;
  return [
    `The attached PDF holds pages ${firstPage} to ${lastPage} of a French novel: the PDF's page 1 is page ${firstPage} of the book, its page 2 is page ${firstPage + 1}, and so on.`,
    "",
    "Go through the body text of every page in reading order and return every sentence, from the first one on the first page to the last one on the last page, leaving none out. Skip running heads, page numbers, footers and tables of contents. A sentence cut by the first or last page is included as far as it is visible.",
    "",
    "For each sentence return:",
    `- "page": the book page number (${firstPage} to ${lastPage}) where the sentence starts;`,
    '- "original": the sentence exactly as printed, with words hyphenated across lines joined again;',
    `- "rewritten": the same content as one or more short, complete, correct French sentences of at most ${maxWords} words each, in order, keeping the meaning, tense, names and dialogue marks, in simple everyday words. A sentence of at most ${maxWords} words is returned unchanged as the only item.`,
    "",
    'A word is a space-separated token containing a letter or a digit: "l\'homme", "aujourd\'hui" and "demanda-t-elle" are one word each, while « — ; : ! ? standing alone are not words.',
    "Answer with JSON only, following the response schema.",
  ].join("\n");
}

const answerSchema = z.object({
  sentences: z.array(
    z.object({
      page: z.coerce.number().int(),
      original: z.string(),
      rewritten: z.array(z.string()),
    }),
  ),
});

export const geminiResponseSchema = toGeminiSchema(answerSchema);

export type GeminiAnswer = z.infer<typeof answerSchema>;

/** The reference design's answer, parsed and checked as the product parses its own. */
export function parseGeminiAnswer(text: string): ParsedAnswer<GeminiAnswer> {
  return parseSchemaAnswer(text, answerSchema);
}

/**
 * Turns the model's answer into engine sentences: pages kept inside the
 * chunk and never going backwards, and every piece still over the limit
 * split locally, so the word limit holds whatever the model did.
 */
export function toEngineSentences(
  answer: GeminiAnswer,
  input: Pick<EngineInput, "firstPage" | "lastPage" | "maxWords">,
): EngineSentence[] {
  const { firstPage, lastPage, maxWords } = input;
  const pages = answer.sentences.map((sentence) => sentence.page);
  // A model that numbered the PDF's own pages (1, 2, …) instead of the book's.
  const pageCount = lastPage - firstPage + 1;
  const shift =
    firstPage > 1 &&
    pages.length > 0 &&
    pages.every((page) => page >= 1 && page <= pageCount && page < firstPage)
      ? firstPage - 1
      : 0;

  const sentences: EngineSentence[] = [];
  let previousPage = firstPage;
  for (const [ordinal, entry] of answer.sentences.entries()) {
    const original = normalizeSpaces(entry.original);
    const pieces = entry.rewritten.map(normalizeSpaces).filter((piece) => countWords(piece) > 0);
    if (countWords(original) === 0 && pieces.length === 0) continue;
    const page = Math.max(
      previousPage,
      Math.min(lastPage, Math.max(firstPage, entry.page + shift)),
    );
    previousPage = page;
    const source = pieces.length > 0 ? pieces : [original];
    for (const piece of source) {
      const fitted = countWords(piece) > maxWords ? splitLongSentence(piece, maxWords) : [piece];
      for (const text of fitted) sentences.push({ id: `${firstPage}.${ordinal}`, text, original: original || text, page });
    }
  }
  return sentences;
}
