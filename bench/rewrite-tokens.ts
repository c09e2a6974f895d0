// Tokens: today's design against the text-first one, on the same 100 pages
// of Madame Bovary and the fake Gemini server's token counts (258 tokens per
// PDF page, about four characters a token for text, as Gemini bills).
// - today (the design before text-first, kept for this comparison in
//   bench/support/pdf-inline-engine.ts): every chunk PDF goes inline, with its
//   overlap pages, and the model returns every sentence of the chunk,
//   original and pieces.
// - text-first (the product's chunk step, lib/pipeline/rewrite-chunk.ts):
//   each chunk is read locally, and only the sentences over N words go out,
//   as JSON in batches with their neighbouring sentences as context; the
//   model returns only their pieces; sentences on a chunk's overlap pages
//   are left to the chunk that owns them.
//
//   npx tsx bench/rewrite-tokens.ts
//   BENCH_REWRITE_PAGES=100 BENCH_MAX_WORDS=8 CHUNK_PAGES=20 GEMINI_BATCH_TOKENS=4000
//   BENCH_PRICE_IN_CENTS_PER_M=30 BENCH_PRICE_OUT_CENTS_PER_M=250 (list prices, US cents per million tokens)
import { emptyReport, envInt, runBenchmark, type BenchReport } from "@/bench/support/report";
import { createGeminiEngine } from "@/bench/support/pdf-inline-engine";
import { createGeminiRewriter } from "@/lib/engines/gemini-rewriter";
import { readPdfPageLines } from "@/lib/pdf/read-page-lines";
import { openPdfSplitter } from "@/lib/pdf/split-pdf";
import { planChunks } from "@/lib/pipeline/plan-chunks";
import { rewriteChunk } from "@/lib/pipeline/rewrite-chunk";
import { extractPageText } from "@/lib/text/extract-page-text";
import { buildNovelPdf, loadCorpusText } from "@/tests/fixtures/make-novel-pdf";
import { startFakeGemini } from "@/tests/support/fake-gemini-server";
import { sentencesFromPages } from "@/tests/support/local-engine";

const model = "gemini-2.5-flash";

export async function run(): Promise<BenchReport> {
  const pages = envInt("BENCH_REWRITE_PAGES", 100);
  const maxWords = envInt("BENCH_MAX_WORDS", 8);
  const chunkPages = envInt("CHUNK_PAGES", 20);
  const batchTokens = envInt("GEMINI_BATCH_TOKENS", 4000);
  const priceIn = envInt("BENCH_PRICE_IN_CENTS_PER_M", 30);
  const priceOut = envInt("BENCH_PRICE_OUT_CENTS_PER_M", 250);
  const overlapPages = 1;
  const report = emptyReport(
    "rewrite-tokens",
    "6. Tokens: PDF inline vs text-first rewriting",
    `The same ${pages} pages of Madame Bovary (set by tests/fixtures/make-novel-pdf.ts) through today's Gemini engine ` +
      `(each ${chunkPages}-page chunk PDF inline, every sentence returned) and through the text-first rewriter ` +
      `(only sentences over ${maxWords} words sent, as JSON, pieces returned), against the fake Gemini server. ` +
      "Token counts are the fake server's, which follows Gemini's billing rules (258 tokens per PDF page, about four characters a token for text).",
  );
  report.settings = { pages, maxWords, CHUNK_PAGES: chunkPages, CHUNK_OVERLAP_PAGES: overlapPages, GEMINI_BATCH_TOKENS: batchTokens };

  const text = loadCorpusText("bovary", { startAt: "Nous étions", words: pages * 400 });
  const book = await buildNovelPdf({ text, pages, title: "Madame Bovary" });
  if (book.pageCount !== pages) throw new Error(`built ${book.pageCount} pages, wanted ${pages}`);
  const fake = await startFakeGemini({ apiKey: "bench-key" });
  const signal = new AbortController().signal;
  const call = { apiKey: "bench-key", baseUrl: fake.url, timeoutMs: 120_000, maxRetries: 2, defaultModel: model };
  const chunks = planChunks({ pageCount: pages, chunkPages, overlapPages });

  try {
    // Today: one inline-PDF request per chunk.
    const engine = createGeminiEngine(call);
    const splitter = await openPdfSplitter(book.bytes);
    const today = { promptTokens: 0, outputTokens: 0, requests: 0, sentences: 0 };
    for (const chunk of chunks) {
      const result = await engine.process({
        pdf: await splitter.extractPages(chunk.firstPage, chunk.lastPage),
        ...chunk,
        maxWords,
        model,
        signal,
      });
      today.promptTokens += result.usage.promptTokens;
      today.outputTokens += result.usage.outputTokens;
      today.requests += 1;
    }

    // Text-first: the product's chunk step (lib/pipeline/rewrite-chunk.ts) on the same chunk PDFs:
    // the pipeline reads each chunk, and only its sentences over N go to the model.
    const originals = sentencesFromPages(
      extractPageText(await readPdfPageLines(book.bytes, 1, signal)),
      Number.MAX_SAFE_INTEGER,
    ).filter((sentence, index, all) => sentence.original !== all[index - 1]?.original);
    const rewriter = createGeminiRewriter({ ...call, batchTokens, batchesInFlight: 1, temperature: 0, minContentShare: 0.75 });
    const textFirst = { promptTokens: 0, outputTokens: 0, requests: 0, sent: 0, rewritten: 0, split: 0 };
    for (const chunk of chunks) {
      const result = await rewriteChunk({
        pdf: await splitter.extractPages(chunk.firstPage, chunk.lastPage),
        firstPage: chunk.firstPage,
        chunkIndex: chunk.index,
        ownedFirst: chunk.ownedFirst,
        ownedLast: chunk.ownedLast,
        maxWords,
        hardLimit: 120,
        rewriter,
        model,
        signal,
      });
      textFirst.promptTokens += result.usage.promptTokens;
      textFirst.outputTokens += result.usage.outputTokens;
      textFirst.requests += result.usage.requests;
      const asked = new Map<string, "rewritten" | "split">();
      for (const sentence of result.sentences) {
        // Sent to the model: accepted, or refused twice and split (a local split without a reason was never sent).
        if (sentence.method === "rewritten") asked.set(sentence.id, "rewritten");
        else if (sentence.fallbackReason) asked.set(sentence.id, "split");
      }
      textFirst.sent += asked.size;
      for (const method of asked.values()) textFirst[method] += 1;
    }
    today.sentences = originals.length;

    const perPage = (tokens: number) => Math.round(tokens / pages);
    const share = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`;
    const cents = (usage: { promptTokens: number; outputTokens: number }) =>
      (usage.promptTokens * priceIn + usage.outputTokens * priceOut) / 1e6;
    const costPerPage = (usage: { promptTokens: number; outputTokens: number }) =>
      `${((10 * cents(usage)) / pages).toFixed(3)} ¢`;
    report.tables.push({
      title: `Tokens for ${pages} pages (N = ${maxWords})`,
      columns: ["design", "requests", "prompt tokens", "output tokens", "prompt / page", "output / page", "total / page", "price / 10 pages", "sentences sent to the model"],
      rows: [
        ["today: chunk PDF inline, every sentence returned", today.requests, today.promptTokens, today.outputTokens, perPage(today.promptTokens), perPage(today.outputTokens), perPage(today.promptTokens + today.outputTokens), costPerPage(today), `${originals.length} of ${originals.length} (100%, overlap pages twice)`],
        ["text-first: sentences over N as JSON, pieces returned", textFirst.requests, textFirst.promptTokens, textFirst.outputTokens, perPage(textFirst.promptTokens), perPage(textFirst.outputTokens), perPage(textFirst.promptTokens + textFirst.outputTokens), costPerPage(textFirst), `${textFirst.sent} of ${originals.length} (${share(textFirst.sent, originals.length)})`],
        ["text-first / today", "", (textFirst.promptTokens / today.promptTokens).toFixed(2), (textFirst.outputTokens / today.outputTokens).toFixed(2), "", "", ((textFirst.promptTokens + textFirst.outputTokens) / (today.promptTokens + today.outputTokens)).toFixed(2), (cents(textFirst) / cents(today)).toFixed(2), ""],
      ],
    });
    report.targets.push({
      label: "text-first output tokens per page below today's",
      target: "< today",
      measured: `${perPage(textFirst.outputTokens)} vs ${perPage(today.outputTokens)}`,
      met: textFirst.outputTokens < today.outputTokens,
    });
    report.notes.push(
      `Price uses ${priceIn} ¢ per million prompt tokens and ${priceOut} ¢ per million output tokens (gemini-2.5-flash list prices when this was written; BENCH_PRICE_IN_CENTS_PER_M / BENCH_PRICE_OUT_CENTS_PER_M change them): output costs about 8× input, so fewer output tokens outweigh more prompt tokens.`,
      `Text-first prompts include the system instruction (rules and two worked examples) once per request and one neighbouring sentence on each side of every sentence sent, as context for pronouns (a neighbour already in the same request is not repeated); ${textFirst.rewritten} sentences came back rewritten and ${textFirst.split} fell back to the local split (the fake's default answers are good, so this is the clean case: sabotaged answers add one smaller request per failing batch).`,
      "Output tokens are the billed answer text only; a thinking model (gemini-2.5-flash by default) also bills its thoughts as output in both designs, which the fake does not model.",
      "The fake counts 258 tokens for every PDF page (Gemini's rule for documents); today's design also sends each chunk's overlap pages, so pages at chunk seams are paid twice.",
    );
    return report;
  } finally {
    await fake.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runBenchmark(run);
