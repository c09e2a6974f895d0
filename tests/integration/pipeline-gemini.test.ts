// The pipeline with the Gemini engine, text-first: the real @google/genai
// client against the fake Gemini server on loopback. The pipeline reads the
// book's text itself; only sentences over the limit go to the model, every
// answer is checked, scanned pages alone go to OCR. Also: the fake's
// per-sentence sabotage, transport faults mid-batch, cancellation mid-batch
// and the retry of failed pages.
import { PDFDocument, rgb } from "pdf-lib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { originalsFromPages } from "@/lib/text/originals-from-pages";
import { closedListViolations } from "@/lib/rewriting/closed-lists";
import { rewriteLocally } from "@/lib/rewriting/rewrite-locally";
import { readPdfPageLines } from "@/lib/pdf/read-page-lines";
import { countWords, listWords } from "@/lib/text/count-words";
import { extractPageText } from "@/lib/text/extract-page-text";
import { segmentSentences } from "@/lib/text/segment-sentences";
import { loadCorpusText, makeNovelPdf } from "@/tests/fixtures/make-novel-pdf";
import {
  startFakeGemini,
  type FakeGemini,
  type SentenceSabotage,
} from "@/tests/support/fake-gemini-server";
import {
  createFundedUser,
  distinctOriginals,
  ledgerSum,
  sentencesOf,
  startPipeline,
  stopPipeline,
  waitFor,
  waitForJob,
  type Lib,
} from "@/tests/support/pipeline-harness";

let lib: Lib;
let gemini: FakeGemini;
let book: Uint8Array;
let wholeBookOriginals: string[];
let longBook: Uint8Array;
let longBookOriginals: string[];

/** What a scanned page of the scanned-page test shows (the fake's OCR answers it). */
const scannedPage = 6;
const scannedText =
  "Le vieux médecin entra sans frapper. Il regarda longtemps la malade qui dormait près de la fenêtre ouverte sur le jardin. Personne ne dit rien.";

/** The book's sentences as its text layer gives them, read in one go, each capped like the pipeline caps them. */
async function readWhole(pdf: Uint8Array): Promise<string[]> {
  const lines = await readPdfPageLines(pdf, 1);
  const texts = extractPageText(lines);
  const originals = originalsFromPages(texts, new Set(), 120).map((original) => original.text);
  return originals.filter((original, index) => original !== originals[index - 1]);
}

/** The words of a text in order, lower-cased, punctuation dropped: what "the book's words" means here. */
function wordsOf(text: string): string[] {
  return listWords(text.toLocaleLowerCase("fr"))
    .map((word) => word.replace(/^\P{L}+|\P{L}+$/gu, ""))
    .filter(Boolean);
}

beforeAll(async () => {
  gemini = await startFakeGemini({ latencyMs: 20, scans: { [scannedPage]: scannedText } });
  lib = await startPipeline({
    GEMINI_API_KEY: "test-key",
    GEMINI_BASE_URL: gemini.url,
    GEMINI_TIMEOUT_MS: "1500",
    GEMINI_MAX_RETRIES: "3",
    // Several rewrite requests per chunk, so faults and cancels land mid-batch.
    GEMINI_BATCH_TOKENS: "400",
    GEMINI_BATCHES_IN_FLIGHT: "3",
    CHUNK_PAGES: "5",
    CHUNK_OVERLAP_PAGES: "1",
    CHUNK_WINDOW: "2",
    CHUNK_RETRY_LIMIT: "1",
    WORKER_CONCURRENCY: "2",
  });
  book = await makeNovelPdf({
    text: loadCorpusText("hugo_les-miserables-t1-fantine_pg17489.txt", { words: 9000, startAt: "En 1815" }),
    title: "Les Misérables",
    pages: 20,
  });
  longBook = await makeNovelPdf({
    text: loadCorpusText("bovary", { words: 18_000, startAt: "Nous étions" }),
    title: "Madame Bovary",
    pages: 40,
  });
  wholeBookOriginals = await readWhole(book);
  longBookOriginals = await readWhole(longBook);
});

afterAll(async () => {
  if (lib) await stopPipeline(lib);
  await gemini?.close();
});

beforeEach(() => {
  gemini.setFaults([]);
  gemini.setFaultRate(0);
  gemini.setLatency(20);
  gemini.setSabotage(undefined);
});

async function startBook(user: { id: string }, bytes = book, fileName = "Les Misérables.pdf") {
  return lib.createJob({ userId: user.id, fileName, bytes, maxWords: 8, engine: "gemini" });
}

const rewriteRequests = (from: number) =>
  gemini.requests.slice(from).filter((request) => request.format === "rewrite" && !request.fault);


describe("gemini engine pipeline", () => {
  it("turns a 40-page book through an adversarial model into checked rows: nothing invented, no word lost, only long sentences asked", async () => {
    // Seeded: about a third of the answers spoilt, every kind of sabotage.
    gemini.setSabotage({ rate: 0.3 });
    const from = gemini.requests.length;
    const user = await createFundedUser(lib);
    const done = await waitForJob(lib, (await startBook(user, longBook, "Madame Bovary.pdf")).id, 240_000);
    expect(done.status).toBe("succeeded");
    const rows = await sentencesOf(lib, done.id);

    // The originals are the book's own text layer, in order, each once.
    expect(distinctOriginals(rows)).toEqual(longBookOriginals);
    expect(rows.every((row) => countWords(row.text) <= 8 && row.wordCount <= 8)).toBe(true);
    expect(new Set(rows.map((row) => row.method))).toEqual(new Set(["kept", "rewritten", "split"]));

    // Nothing invented: every word of a row is a word of its original, but
    // for the pronouns and forms of être of the closed list where the offline
    // engine rewrote a sentence the model's answers failed on twice.
    const byRules = (row: (typeof rows)[number]) => row.fallbackReason !== null;
    const ruleGroups = new Map<number, typeof rows>();
    for (const row of rows.filter(byRules)) ruleGroups.set(row.originalPosition, [...(ruleGroups.get(row.originalPosition) ?? []), row]);
    for (const pieces of ruleGroups.values()) {
      const local = rewriteLocally(pieces[0]!.original, 8);
      expect(pieces.map((piece) => piece.text)).toEqual(local.pieces);
      expect(closedListViolations(pieces[0]!.original, local.pieces, local.respelled)).toEqual({ added: [], dropped: [] });
    }
    const invented = rows.filter((row) => !byRules(row)).flatMap((row) => {
      const own = new Set(wordsOf(row.original));
      return wordsOf(row.text)
        .filter((word) => !own.has(word))
        .map((word) => `${word} in "${row.text}"`);
    });
    expect(invented).toEqual([]);
    // No word lost: every word of an original is in its pieces.
    const byOriginal = new Map<number, typeof rows>();
    for (const row of rows.filter((row) => !byRules(row))) {
      byOriginal.set(row.originalPosition, [...(byOriginal.get(row.originalPosition) ?? []), row]);
    }
    const lost = [...byOriginal.values()].flatMap((pieces) => {
      const kept = new Set(pieces.flatMap((piece) => wordsOf(piece.text)));
      return wordsOf(pieces[0]!.original)
        .filter((word) => !kept.has(word))
        .map((word) => `${word} of "${pieces[0]!.original}"`);
    });
    expect(lost).toEqual([]);

    // Only sentences over the limit went to the model, and all of them did.
    const requests = rewriteRequests(from);
    const asked = requests.flatMap((request) => request.texts ?? []);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.filter((text) => countWords(text) <= 8)).toEqual([]);
    const bookWords = ` ${wordsOf(longBookOriginals.join(" ")).join(" ")} `;
    expect(asked.filter((text) => !bookWords.includes(` ${wordsOf(text).join(" ")} `))).toEqual([]);
    const askedTexts = new Set(asked);
    const kept = rows.filter((row) => row.method === "kept");
    expect(kept.every((row) => countWords(row.original) <= 8 && !askedTexts.has(row.original))).toBe(true);
    expect(rows.filter((row) => row.method !== "kept" && row.kind === "sentence").every((row) => askedTexts.has(row.original))).toBe(true);

    // Each sentence's method follows what the fake did to its answers: a
    // spoilt answer is asked again once; spoilt twice, it is split locally.
    // A request sent again (a timeout under load, a retried chunk) replaces
    // the earlier one: the answer used is the last.
    const history = new Map<string, { ids: Set<string>; first?: SentenceSabotage | null; again?: SentenceSabotage | null }>();
    for (const request of requests) {
      request.ids!.forEach((id, index) => {
        const text = request.texts![index]!;
        const entry = history.get(text) ?? { ids: new Set<string>() };
        entry.ids.add(id);
        const kind = request.sabotaged?.[id] ?? null;
        if (request.problemIds?.includes(id)) entry.again = kind;
        else entry.first = kind;
        history.set(text, entry);
      });
    }
    // A spoilt answer the checks must refuse (unknown_id answers the sentence well; drop_negation is harmless without a negation).
    const refused = (kind: SentenceSabotage | null | undefined) =>
      !!kind && kind !== "unknown_id" && kind !== "drop_negation";
    const applied = new Set(
      requests.flatMap((request) => Object.values(request.sabotaged ?? {})),
    );
    expect(applied.size).toBe(9);
    const methodOf = new Map(rows.map((row) => [row.original, row]));
    let checked = 0;
    for (const [text, { ids, first, again }] of history) {
      const row = methodOf.get(text);
      if (!row || ids.size > 1 || first === "drop_negation" || again === "drop_negation") continue;
      checked++;
      if (!refused(first)) {
        expect(row.method, text).toBe("rewritten");
        expect(again, text).toBeUndefined();
      } else {
        expect(again, text).not.toBeUndefined();
        // Refused twice: the offline engine's rewrite (the rules, or the cut).
        const fallback = rewriteLocally(text, 8).method;
        expect(row.method, `${text} (${first}, then ${again})`).toBe(refused(again) ? fallback : "rewritten");
        if (refused(again)) expect(row.fallbackReason).toBeTruthy();
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(rows.filter((row) => row.method === "split").every((row) => row.fallbackReason && row.model)).toBe(true);
    expect(rows.filter((row) => row.method === "rewritten").every((row) => row.model === "gemini-2.5-flash")).toBe(true);

    // Every request is on the job's record with its tokens.
    const recorded = await lib.db().geminiRequest.findMany({ where: { jobId: done.id } });
    expect(recorded.length).toBe(requests.length);
    expect(new Set(recorded.map((request) => request.purpose))).toEqual(new Set(["rewrite", "rewrite-again"]));
    expect(recorded.reduce((sum, request) => sum + request.promptTokens, 0)).toBe(done.promptTokens);
    expect(recorded.reduce((sum, request) => sum + request.outputTokens, 0)).toBe(done.outputTokens);
    expect(done.promptTokens).toBeGreaterThan(0);

    // /api/metrics counts the fallbacks by reason, once per sentence.
    const counters = await lib.db().metricCounter.findMany({ where: { name: "rewrite_fallbacks_total" } });
    const reasons = await lib.db().originalSentence.groupBy({
      by: ["fallbackReason"],
      where: { jobId: done.id, fallbackReason: { not: null } },
      _count: { _all: true },
    });
    expect(Object.fromEntries(counters.map((counter) => [JSON.parse(counter.labels).reason, counter.value]))).toEqual(
      Object.fromEntries(reasons.map((row) => [row.fallbackReason, row._count._all])),
    );
  });

  it("rides out 429, 500, garbage and truncated answers in the middle of a chunk's batches", async () => {
    gemini.setFaults(["none", "none", "none", { kind: "429", retryDelayMs: 200 }, "none", "500", "none", "garbage", "truncated"]);
    const from = gemini.requests.length;
    const user = await createFundedUser(lib);
    const done = await waitForJob(lib, (await startBook(user)).id);
    expect(done.status).toBe("succeeded");
    const rows = await sentencesOf(lib, done.id);
    expect(distinctOriginals(rows)).toEqual(wholeBookOriginals);
    expect(Math.max(...rows.map((row) => row.wordCount))).toBeLessThanOrEqual(8);
    const faulted = gemini.requests.slice(from).filter((request) => request.fault).map((request) => request.fault);
    expect(faulted).toEqual(["429", "500", "garbage", "truncated"]);
    // The failed attempts are on the job's record too (Google bills some of them).
    const codes = (await lib.db().geminiRequest.findMany({ where: { jobId: done.id } })).map((request) => request.code);
    expect(codes).toEqual(expect.arrayContaining(["429", "500", "unusable", "truncated", "200"]));
  });

  it("sends only a scanned page to OCR, and its rows are marked ocr", async () => {
    const scanned = await blankPage(book, scannedPage);
    const from = gemini.requests.length;
    const user = await createFundedUser(lib);
    const done = await waitForJob(lib, (await startBook(user, scanned, "Scanné.pdf")).id);
    expect(done.status).toBe("succeeded");
    const ocr = gemini.requests.slice(from).filter((request) => request.format === "ocr");
    expect(ocr.length).toBeGreaterThan(0);
    expect(ocr.every((request) => JSON.stringify(request.pages) === JSON.stringify([scannedPage]))).toBe(true);
    expect(gemini.requests.slice(from).filter((request) => request.format === "pages")).toEqual([]);

    const rows = await sentencesOf(lib, done.id);
    const fromScan = rows.filter((row) => row.method === "ocr");
    expect(distinctOriginals(fromScan)).toEqual(segmentSentences(scannedText));
    expect(fromScan.every((row) => row.page === scannedPage && row.wordCount <= 8)).toBe(true);
    // The rest is the text layer's, word for word.
    const textLayer = rows.filter((row) => row.method !== "ocr");
    expect(wordsOf(distinctOriginals(textLayer).join(" "))).toEqual(wordsOf((await readWhole(scanned)).join(" ")));
    const purposes = await lib.db().geminiRequest.findMany({ where: { jobId: done.id, purpose: "ocr" } });
    expect(purposes.length).toBe(ocr.length);
  });

  it("ends partial when pages fail for good, names them, and a retry completes the book", async () => {
    // 400 is not retried by the engine. The window's two chunks each send up
    // to GEMINI_BATCHES_IN_FLIGHT (3) requests at once, so twelve 400s cover
    // both chunks' two attempts (CHUNK_RETRY_LIMIT=1) whichever request meets which.
    gemini.setFaults(Array.from({ length: 12 }, () => "400" as const));
    const user = await createFundedUser(lib);
    const partial = await waitForJob(lib, (await startBook(user)).id);
    expect(partial.status).toBe("partial");
    expect(partial.chunksFailed).toBeGreaterThan(0);
    expect(partial.error).toMatch(/Pages \d+–\d+/);
    const failedChunks = await lib.db().chunk.findMany({ where: { jobId: partial.id, status: "failed" } });
    expect(failedChunks.every((chunk) => chunk.error)).toBe(true);

    // The good sentences are kept, in order.
    const kept = distinctOriginals(await sentencesOf(lib, partial.id));
    expect(kept.length).toBeGreaterThan(0);
    expect(wholeBookOriginals.filter((original) => kept.includes(original))).toEqual(kept);
    const failedPages = failedChunks.reduce((sum, c) => sum + c.ownedLast - c.ownedFirst + 1, 0);
    expect(partial.creditsCharged).toBe(partial.creditsReserved - failedPages * 3);

    const retried = await lib.retryFailedChunks({ jobId: partial.id, userId: user.id });
    expect(retried.reserved).toBe(failedPages * 3);
    const done = await waitForJob(lib, partial.id);
    expect(done.status).toBe("succeeded");
    expect(distinctOriginals(await sentencesOf(lib, done.id))).toEqual(wholeBookOriginals);
    expect(done.creditsCharged).toBe(done.pageCount * 3);
    const balance = (await lib.db().user.findUniqueOrThrow({ where: { id: user.id } })).creditBalance;
    expect(await ledgerSum(lib, user.id)).toBe(balance);
  });

  it("cancels mid-run: running chunks stop, finished sentences stay, unused credits return", async () => {
    gemini.setLatency(900); // Under the 1.5 s call timeout; a chunk makes several requests.
    const user = await createFundedUser(lib);
    const job = await startBook(user);
    // Some chunks finished and some in flight: the moment to cancel.
    await waitFor(async () => {
      const [done, running] = await Promise.all([
        lib.db().chunk.count({ where: { jobId: job.id, status: "done" } }),
        lib.db().chunk.count({ where: { jobId: job.id, status: "running" } }),
      ]);
      return done > 0 && running > 0;
    });

    const runningAtCancel = await lib.db().chunk.findMany({ where: { jobId: job.id, status: "running" }, select: { id: true } });
    const answer = await lib.cancelJob({ jobId: job.id, userId: user.id });
    expect(answer.changed).toBe(true);
    const cancelled = await waitForJob(lib, job.id);
    expect(cancelled.status).toBe("cancelled");
    // Running chunks stopped their engine call rather than finishing their pages
    // (a chunk already writing its result may still end done).
    const stopped = await lib.db().chunk.count({
      where: { id: { in: runningAtCancel.map((chunk) => chunk.id) }, status: "cancelled" },
    });
    expect(stopped).toBeGreaterThan(0);
    // Cancelled mid-batch: no rewrite request starts once the job has ended.
    const endedAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(gemini.requests.filter((request) => request.at > endedAt)).toEqual([]);

    const chunks = await lib.db().chunk.findMany({ where: { jobId: job.id } });
    expect(chunks.some((chunk) => chunk.status === "done")).toBe(true);
    expect(chunks.filter((chunk) => chunk.status !== "done").every((chunk) => chunk.status === "cancelled")).toBe(true);
    const rows = await sentencesOf(lib, job.id);
    expect(rows.length).toBeGreaterThan(0);

    const donePages = chunks
      .filter((chunk) => chunk.status === "done")
      .reduce((sum, chunk) => sum + chunk.ownedLast - chunk.ownedFirst + 1, 0);
    expect(cancelled.creditsCharged).toBe(donePages * 3);
    expect(cancelled.creditsRefunded).toBe(cancelled.creditsReserved - donePages * 3);
    const balance = (await lib.db().user.findUniqueOrThrow({ where: { id: user.id } })).creditBalance;
    expect(await ledgerSum(lib, user.id)).toBe(balance);

    // A second cancel, once the job has ended, changes nothing.
    const late = await lib.cancelJob({ jobId: job.id, userId: user.id });
    expect(late).toEqual({ status: "cancelled", changed: false });
  });

  it("does not let another user cancel or retry the job", async () => {
    const owner = await createFundedUser(lib);
    const stranger = await createFundedUser(lib);
    const job = await startBook(owner);
    await expect(lib.cancelJob({ jobId: job.id, userId: stranger.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(lib.retryFailedChunks({ jobId: job.id, userId: stranger.id })).rejects.toMatchObject({ code: "not_found" });
    await waitForJob(lib, job.id);
  });
});

/** The book with one page replaced by a page without a text layer, as a scan would be. */
async function blankPage(pdf: Uint8Array, page: number): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf);
  const { width, height } = document.getPage(page - 1).getSize();
  document.removePage(page - 1);
  const scan = document.insertPage(page - 1, [width, height]);
  scan.drawRectangle({ x: 40, y: 40, width: width - 80, height: height - 80, color: rgb(0.9, 0.9, 0.88) });
  return document.save();
}
