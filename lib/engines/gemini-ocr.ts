// OCR for pages without a text layer (scans): the one case where a PDF goes
// to Gemini. Only those pages are sent, as a PDF of their own built with
// pdf-lib, and Gemini returns their sentences with the book page each starts
// on. A page number outside the pages sent is an error (the call is retried,
// then fails), never clamped: a wrong page would link a learner to the wrong
// place in the book. Part of the text-first design; rows are method "ocr".
import { PDFDocument } from "pdf-lib";
import { z } from "zod";
import {
  createGeminiCaller,
  emptyGeminiUsage,
  parseSchemaAnswer,
  toGeminiSchema,
  type GeminiCallOptions,
  type GeminiUsage,
  type ParsedAnswer,
} from "@/lib/engines/gemini-call";
import { countWords } from "@/lib/text/count-words";
import { normalizeSpaces } from "@/lib/text/normalize-spaces";

export interface OcrInput {
  /** A PDF whose page 1 is book page `firstPage` (a chunk, or the whole book). */
  pdf: Uint8Array;
  firstPage: number;
  /** Book pages to read, all inside the PDF: the ones without a text layer. */
  pages: readonly number[];
  model?: string;
  signal: AbortSignal;
  /** Receives the tokens of every request as it ends, so a step that fails for any reason still has them. */
  usage?: GeminiUsage;
}

export interface OcrSentence {
  /** Book page where the sentence starts: one of the pages sent. */
  page: number;
  /** The sentence as printed. */
  text: string;
}

export interface OcrResult {
  sentences: OcrSentence[];
  usage: GeminiUsage;
}

export interface GeminiOcrOptions extends GeminiCallOptions {
  defaultModel: string;
  temperature: number;
}

// The request's text part is {"pages": [book page of PDF page 1, of PDF page 2, …]}.
const systemInstruction = [
  "You read scanned pages of a French novel and return their text as sentences.",
  'You receive a PDF and JSON {"pages": [...]}: the PDF\'s page 1 is the book page pages[0], its page 2 is pages[1], and so on.',
  "Return every sentence of the body text in reading order, exactly as printed, with words hyphenated across lines joined again. Skip running heads, page numbers and footers. Do not correct, translate, shorten or rewrite anything.",
  'For each sentence give "page": the book page (one of "pages") where it starts, and "text".',
  "Answer with JSON only, following the response schema.",
].join("\n");

const answerSchema = z.object({
  sentences: z.array(z.object({ page: z.coerce.number().int(), text: z.string() })),
});

const ocrResponseSchema = toGeminiSchema(answerSchema);

/** Parses and checks an OCR answer: pages among those sent, in reading order. */
export function parseOcrAnswer(
  text: string,
  pages: readonly number[],
): ParsedAnswer<OcrSentence[]> {
  const answer = parseSchemaAnswer(text, answerSchema);
  if (!answer.ok) return answer;
  const order = new Map(pages.map((page, index) => [page, index]));
  let last = 0;
  const sentences: OcrSentence[] = [];
  for (const entry of answer.value.sentences) {
    const index = order.get(entry.page);
    if (index === undefined) {
      return {
        ok: false,
        reason: `page ${entry.page} is not one of the pages sent (${pages.join(", ")})`,
      };
    }
    if (index < last) {
      return {
        ok: false,
        reason: `page ${entry.page} comes after a later page`,
      };
    }
    last = index;
    const sentence = normalizeSpaces(entry.text);
    if (countWords(sentence) > 0) sentences.push({ page: entry.page, text: sentence });
  }
  return { ok: true, value: sentences };
}

/** A PDF holding only the given book pages of `pdf`, in order. */
export async function extractPages(
  pdf: Uint8Array,
  firstPage: number,
  pages: readonly number[],
): Promise<Uint8Array> {
  const source = await PDFDocument.load(pdf, { updateMetadata: false });
  const count = source.getPageCount();
  const indices = pages.map((page) => page - firstPage);
  const outside = pages.find(
    (_, position) => indices[position]! < 0 || indices[position]! >= count,
  );
  if (outside !== undefined) {
    throw new RangeError(
      `page ${outside} is not in this PDF (book pages ${firstPage}–${firstPage + count - 1})`,
    );
  }
  const out = await PDFDocument.create({ updateMetadata: false });
  for (const page of await out.copyPages(source, indices)) out.addPage(page);
  return out.save();
}

export function createGeminiOcr(options: GeminiOcrOptions) {
  const callGemini = createGeminiCaller(options);
  return async function readScannedPages(input: OcrInput): Promise<OcrResult> {
    const pages = [...new Set(input.pages)].sort((a, b) => a - b);
    const usage = input.usage ?? emptyGeminiUsage();
    if (pages.length === 0) return { sentences: [], usage };
    const bytes = await extractPages(input.pdf, input.firstPage, pages);
    input.signal.throwIfAborted();
    const sentences = await callGemini({
      model: input.model ?? options.defaultModel,
      purpose: "ocr",
      subject: "these pages",
      systemInstruction,
      parts: [
        {
          inlineData: {
            mimeType: "application/pdf",
            data: Buffer.from(bytes).toString("base64"),
          },
        },
        { text: JSON.stringify({ pages }) },
      ],
      responseSchema: ocrResponseSchema,
      temperature: options.temperature,
      parse: (text) => parseOcrAnswer(text, pages),
      signal: input.signal,
      usage,
    });
    return { sentences, usage };
  };
}
