import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createLocalEngine } from "@/tests/support/local-engine";
import type { EngineInput, EngineResult, EngineSentence } from "@/tests/support/engine-contract";
import { openPdfSplitter } from "@/lib/pdf/split-pdf";
import { countWords, listWords } from "@/lib/text/count-words";
import {
  buildNovelPdf,
  corpusMissing,
  corpusDir,
  loadCorpusText,
  type NovelPdf,
} from "@/tests/fixtures/make-novel-pdf";

const engine = createLocalEngine();

function run(
  pdf: Uint8Array,
  options: Partial<EngineInput> & { firstPage: number; lastPage: number },
) {
  return engine.process({
    pdf,
    ownedFirst: options.firstPage,
    ownedLast: options.lastPage,
    maxWords: 8,
    signal: new AbortController().signal,
    ...options,
  });
}

function wordsOf(sentences: EngineSentence[]): string[] {
  return sentences.flatMap((sentence) => listWords(sentence.text));
}

describe.skipIf(corpusMissing())("local engine on a 30-page Madame Bovary", () => {
  let novel: NovelPdf;
  let bookWords: string[];
  let whole: EngineResult;
  beforeAll(async () => {
    const text = loadCorpusText("bovary", { startAt: "Nous étions", words: 13_000 });
    novel = await buildNovelPdf({ text, pages: 30, title: "Madame Bovary" });
    bookWords = listWords(novel.pageWords.flat().join(" "));
    whole = await run(novel.bytes, { firstPage: 1, lastPage: 30, maxWords: 8 });
  });

  it("is a real 30-page book with hyphenated line ends", () => {
    expect(novel.pageCount).toBe(30);
    expect(novel.hyphenations).toBeGreaterThan(50);
    expect(bookWords.length).toBeGreaterThan(10_000);
  });

  it("returns every word of the body, in order: no running head, page number or broken word", async () => {
    const { sentences, usage } = whole;
    expect(wordsOf(sentences)).toEqual(bookWords);
    expect(usage).toEqual({ promptTokens: 0, outputTokens: 0 });
  });

  it("keeps chapter numerals as heading rows of their own, never inside a sentence", () => {
    const headings = whole.sentences.filter((sentence) => sentence.kind === "heading");
    expect(headings.map((heading) => heading.text)).toEqual(
      novel.headings.filter((heading) => /^[IVXLC]+$/u.test(heading)),
    );
    expect(headings.length).toBeGreaterThanOrEqual(3);
    for (const sentence of whole.sentences) {
      if (sentence.kind !== "heading") expect(sentence.original).not.toMatch(/^[IVXLC]+ /u);
    }
  });

  it.each([3, 8, 30])(
    "keeps every piece within %i words, pieces of one original consecutive",
    async (maxWords) => {
      const { sentences } =
        maxWords === 8 ? whole : await run(novel.bytes, { firstPage: 1, lastPage: 30, maxWords });
      for (const sentence of sentences) {
        expect(countWords(sentence.text)).toBeGreaterThan(0);
        expect(countWords(sentence.text)).toBeLessThanOrEqual(maxWords);
      }
      // Pieces of one original, joined, give back that original's words.
      const groups: EngineSentence[][] = [];
      for (const sentence of sentences) {
        const last = groups.at(-1);
        if (last && last[0]!.original === sentence.original) last.push(sentence);
        else groups.push([sentence]);
      }
      for (const group of groups) expect(wordsOf(group)).toEqual(listWords(group[0]!.original));
    },
  );

  it("tags each sentence with the book page where it starts, never going backwards", () => {
    const { sentences } = whole;
    // The page on which each word of the book was set.
    const pageOfWord = novel.pageWords.flatMap((words, index) =>
      listWords(words.join(" ")).map(() => index + 1),
    );
    let at = 0;
    let previous = 1;
    const seen = new Set<string>();
    for (const sentence of sentences) {
      if (!seen.has(sentence.original + sentence.page)) {
        expect(sentence.page).toBe(pageOfWord[at]);
        seen.add(sentence.original + sentence.page);
      }
      expect(sentence.page).toBeGreaterThanOrEqual(previous);
      previous = sentence.page;
      at += countWords(sentence.text);
    }
    expect(previous).toBe(30);
  });

  it("numbers a chunk's pages from its first book page", async () => {
    const splitter = await openPdfSplitter(novel.bytes);
    const chunk = await splitter.extractPages(11, 14);
    const { sentences } = await run(chunk, {
      firstPage: 11,
      lastPage: 14,
      ownedFirst: 12,
      ownedLast: 13,
    });
    expect(sentences[0]!.page).toBe(11);
    expect(sentences.at(-1)!.page).toBe(14);
    // The chunk's words are the book's words for those pages, except that a
    // word hyphenated across the chunk's first or last page break comes out
    // as a fragment ("dait", "mademoi-"): the overlap pages exist for that.
    const start = listWords(novel.pageWords.slice(0, 10).flat().join(" ")).length;
    const words = wordsOf(sentences);
    const offset = words[0] === bookWords[start] ? 0 : 1;
    const inner = words.slice(offset, -1);
    expect(inner.length).toBeGreaterThan(1000);
    expect(inner).toEqual(bookWords.slice(start, start + inner.length));
  });

  it("stops between pages when the signal is aborted", async () => {
    // The signal is checked before each page: abort at the fourth check (the
    // third page) and no page after it is read, whatever the machine's speed.
    const controller = new AbortController();
    const { signal } = controller;
    const check = signal.throwIfAborted.bind(signal);
    let checks = 0;
    signal.throwIfAborted = () => {
      checks++;
      if (checks === 4) controller.abort();
      check();
    };
    await expect(run(novel.bytes, { firstPage: 1, lastPage: 30, signal })).rejects.toMatchObject({ name: "AbortError" });
    expect(checks).toBe(4);

    const aborted = AbortSignal.abort();
    await expect(
      run(novel.bytes, { firstPage: 1, lastPage: 30, signal: aborted }),
    ).rejects.toMatchObject({ name: "AbortError" });
  });
});

describe.skipIf(corpusMissing())("local engine on the real Baudelaire edition", () => {
  it("reads all 202 pages without running heads or folios", async () => {
    const pdf = new Uint8Array(
      readFileSync(path.join(corpusDir, "pdf/baudelaire_les-fleurs-du-mal_bibebook.pdf")),
    );
    const { sentences } = await run(pdf, { firstPage: 1, lastPage: 202 });
    const body = sentences.filter((sentence) => sentence.kind !== "heading");
    const originals = [...new Set(body.map((sentence) => sentence.original))];
    expect(originals).toContain("Ô fangeuse grandeur ! sublime ignominie !");
    expect(originals).toContain("Faut-il partir ? rester ?");
    expect(originals.some((original) => /Les fleurs du mal/u.test(original))).toBe(false);
    expect(originals.some((original) => /^\d+$/u.test(original))).toBe(false);
    // Poem titles and section numbers are headings; the edition's pages are flagged.
    const headings = sentences.filter((sentence) => sentence.kind === "heading");
    expect(headings.map((heading) => heading.text)).toContain("AU LECTEUR");
    expect(sentences.filter((sentence) => sentence.page <= 3).every((sentence) => sentence.matter)).toBe(true);
    expect(sentences.filter((sentence) => sentence.page >= 197).every((sentence) => sentence.matter)).toBe(true);
    expect(sentences.every((sentence) => countWords(sentence.text) <= 8)).toBe(true);
  });
});
