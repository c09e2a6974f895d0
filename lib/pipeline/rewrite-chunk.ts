// A chunk's sentences, text-first: the pipeline reads the pages itself (text
// layer, running heads and folios dropped, hyphens joined, French
// segmentation), whatever the engine, and decides the sentences, their order
// and the page each starts on. A sentence of at most maxWords words is kept
// as printed; only the longer ones go to the job's rewriter, with their
// neighbours as context. Pages without a text layer go to Gemini OCR (only
// those pages); with the local engine they give no rows, as a scan always did.
//
// Only the chunk's owned pages cost anything: the stitch never keeps a
// sentence that starts on an overlap page (the neighbour owns it; the
// overlap is there so the seam sentence is read whole and the seam can be
// found), so those are split locally and never sent, and a scanned overlap
// page is not read at all. A sentence cut by the chunk's edge (half a word
// at the top of its first page) therefore never reaches the model either.
import { emptyGeminiUsage, GeminiCallError, type GeminiUsage } from "@/lib/engines/gemini-call";
import type { OcrInput, OcrResult } from "@/lib/engines/gemini-ocr";
import type { RewriteContext, Rewriter } from "@/lib/engines/rewrite-types";
import { originalsFromPages, type PageOriginal } from "@/lib/text/originals-from-pages";
import { readPdfPageLinesSafely } from "@/lib/pdf/read-pdf-pages-safely";
import type { StitchSentence } from "@/lib/pipeline/stitch-chunks";
import { countWords } from "@/lib/text/count-words";
import { detectMatterPages } from "@/lib/text/detect-matter-pages";
import { extractPageText, type PageText } from "@/lib/text/extract-page-text";
import { splitLongSentence } from "@/lib/text/split-long-sentence";

export type ChunkSentence = StitchSentence & Required<Pick<StitchSentence, "id" | "method">>;

export interface RewriteChunkInput {
  /** The chunk PDF; its page 1 is book page `firstPage`. Unset for an EPUB or a text file. */
  pdf?: Uint8Array;
  /**
   * An EPUB's or a text file's sections firstPage..lastPage, already read
   * (lib/books), and which of the book's sections read as a publisher's.
   */
  sections?: { pages: PageText[]; matterPages: ReadonlySet<number> };
  firstPage: number;
  /** The chunk's index in the job: ids are `<chunk>.<ordinal>`, the same on every attempt. */
  chunkIndex: number;
  /** The pages whose sentences the chunk contributes (lib/pipeline/plan-chunks.ts). */
  ownedFirst: number;
  ownedLast: number;
  maxWords: number;
  /** SENTENCE_HARD_LIMIT_WORDS. */
  hardLimit: number;
  rewriter: Rewriter;
  /** Gemini OCR; absent for the local engine. */
  ocr?: (input: OcrInput) => Promise<OcrResult>;
  /** The Gemini model (recorded on the sentences it rewrote or whose answer it failed); unset for the local engine. */
  model?: string;
  signal: AbortSignal;
  /**
   * Receives the tokens of every Gemini request as it ends (the result's
   * usage is then this object): the caller records them whether the step
   * finishes, fails, or is aborted.
   */
  usage?: GeminiUsage;
}

export interface RewriteChunkResult {
  sentences: ChunkSentence[];
  usage: GeminiUsage;
}

interface Original extends PageOriginal {
  id: string;
  fromOcr?: boolean;
}

function addUsage(total: GeminiUsage, more: GeminiUsage): void {
  total.promptTokens += more.promptTokens;
  total.outputTokens += more.outputTokens;
  total.requests += more.requests;
  total.records.push(...more.records);
}

/** The chunk's originals in reading order; scanned pages read by OCR, each run of text pages segmented on its own. */
async function readOriginals(input: RewriteChunkInput, usage: GeminiUsage): Promise<Omit<Original, "id">[]> {
  // An EPUB or a text file: sections of text, never scanned; the same segmentation.
  if (input.sections) return originalsFromPages(input.sections.pages, input.sections.matterPages, input.hardLimit);
  const pdf = input.pdf!;
  // In a thread with memory and time limits: a poison chunk fails alone.
  const lines = await readPdfPageLinesSafely(pdf, input.firstPage, input.signal);
  input.signal.throwIfAborted();
  const texts = extractPageText(lines);
  const matter = detectMatterPages(lines, texts);
  const matterPages = new Set(texts.filter((_, index) => matter[index]).map((text) => text.page));
  const scanned = lines.filter((page) => page.lines.length === 0).map((page) => page.page);
  const owned = (page: number) => page >= input.ownedFirst && page <= input.ownedLast;

  let ocrSentences: OcrResult["sentences"] = [];
  if (input.ocr && scanned.some(owned)) {
    const read = await input.ocr({
      pdf,
      firstPage: input.firstPage,
      pages: scanned.filter(owned),
      model: input.model,
      signal: input.signal,
      usage,
    });
    if (read.usage !== usage) addUsage(usage, read.usage);
    ocrSentences = read.sentences;
  }

  const originals: Omit<Original, "id">[] = [];
  let run: PageText[] = [];
  const flush = () => {
    originals.push(...originalsFromPages(run, matterPages, input.hardLimit));
    run = [];
  };
  for (const page of texts) {
    if (!scanned.includes(page.page)) {
      run.push(page);
      continue;
    }
    flush();
    for (const sentence of ocrSentences.filter((entry) => entry.page === page.page)) {
      const capped =
        countWords(sentence.text) > input.hardLimit
          ? splitLongSentence(sentence.text, input.hardLimit)
          : [sentence.text];
      for (const text of capped) originals.push({ text, page: page.page, fromOcr: true });
    }
  }
  flush();
  return originals;
}

export async function rewriteChunk(input: RewriteChunkInput): Promise<RewriteChunkResult> {
  const usage = input.usage ?? emptyGeminiUsage();
  const originals: Original[] = (await readOriginals(input, usage)).map((original, ordinal) => ({
    ...original,
    id: `${input.chunkIndex}.${ordinal}`,
  }));

  // Headings are cut locally when long: a title is not a sentence to rewrite.
  const long = originals.filter(
    (original) =>
      original.kind !== "heading" &&
      original.page >= input.ownedFirst &&
      original.page <= input.ownedLast &&
      countWords(original.text) > input.maxWords,
  );
  const context = new Map<string, RewriteContext>();
  originals.forEach((original, index) => {
    const before = originals[index - 1];
    const after = originals[index + 1];
    context.set(original.id, {
      before: before?.kind === "heading" ? undefined : before?.text,
      after: after?.kind === "heading" ? undefined : after?.text,
    });
  });
  const rewritten =
    long.length > 0
      ? await input.rewriter
          .rewrite({
            sentences: long.map(({ id, text }) => ({ id, text })),
            context,
            maxWords: input.maxWords,
            model: input.model,
            signal: input.signal,
            usage,
          })
          .catch((error: unknown) => {
            // The rewriter filled `usage`, which already holds the OCR read
            // before it: the error's bill is the whole attempt's.
            throw error instanceof GeminiCallError ? error.withUsage(usage) : error;
          })
      : undefined;
  if (rewritten && rewritten.usage !== usage) addUsage(usage, rewritten.usage);
  const model = input.model;

  const sentences: ChunkSentence[] = [];
  for (const original of originals) {
    const base = {
      original: original.text,
      page: original.page,
      id: original.id,
      ...(original.kind ? { kind: original.kind } : {}),
      ...(original.matter ? { matter: true } : {}),
    };
    const outcome = rewritten?.outcomes.get(original.id);
    let pieces: string[];
    let extra: Pick<ChunkSentence, "method" | "fallbackReason" | "model">;
    if (outcome) {
      pieces = outcome.pieces;
      extra = {
        method: original.fromOcr ? "ocr" : outcome.method,
        ...(outcome.fallbackReason ? { fallbackReason: outcome.fallbackReason } : {}),
        ...(model && (outcome.method === "rewritten" || outcome.fallbackReason) ? { model } : {}),
      };
    } else if (countWords(original.text) > input.maxWords) {
      pieces = splitLongSentence(original.text, input.maxWords); // A long heading, or on an overlap page.
      extra = { method: original.fromOcr ? "ocr" : "split" };
    } else {
      pieces = [original.text];
      extra = { method: original.fromOcr ? "ocr" : "kept" };
    }
    for (const text of pieces) sentences.push({ ...base, text, ...extra });
  }
  return { sentences, usage };
}
