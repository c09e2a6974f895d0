import { describe, expect, it } from "vitest";
import { stitchChunks, type StitchChunk, type StitchSentence } from "@/lib/pipeline/stitch-chunks";

// A small "book": sentence n starts on page ceil(n / 3).
const book: StitchSentence[] = Array.from({ length: 30 }, (_, index) => ({
  id: `${index + 1}`,
  original: `Phrase originale numéro ${index + 1} de Charles qui regardait la mer au loin.`,
  text: `Phrase ${index + 1}.`,
  page: Math.floor(index / 3) + 1,
}));

/** What an engine returns for pages first..last: every sentence starting there. */
function engineView(first: number, last: number, rewrite = (s: StitchSentence) => s): StitchSentence[] {
  return book.filter((s) => s.page >= first && s.page <= last).map(rewrite);
}

const originals = (sentences: StitchSentence[]) => sentences.map((s) => s.original);

describe("stitchChunks", () => {
  const chunks = (rewrite?: (s: StitchSentence, chunk: number) => StitchSentence): StitchChunk[] => [
    { index: 0, ownedFirst: 1, ownedLast: 5, sentences: engineView(1, 6, (s) => rewrite?.(s, 0) ?? s) },
    { index: 1, ownedFirst: 6, ownedLast: 10, sentences: engineView(5, 10, (s) => rewrite?.(s, 1) ?? s) },
  ];

  it("keeps every sentence once, in order, when chunks overlap", () => {
    expect(originals(stitchChunks(chunks()))).toEqual(originals(book));
  });

  it("does not duplicate a seam sentence the model rewrote differently in each chunk", () => {
    const result = stitchChunks(
      chunks((s, chunk) => ({ ...s, text: chunk === 0 ? `Version A ${s.text}` : `Autre ${s.text}` })),
    );
    expect(originals(result)).toEqual(originals(book));
  });

  it("neither loses nor repeats a seam sentence the two chunks date to different pages", () => {
    // Sentence 16 starts on page 6; chunk 0 dates it to page 5 (so claims it),
    // chunk 1 to page 6 (so claims it too). Sentence 15 (page 5) is dated to
    // page 6 by chunk 0, so chunk 0 drops it and chunk 1 must supply it.
    const result = stitchChunks(
      chunks((s, chunk) => {
        if (chunk === 0 && s.original.includes("numéro 16 ")) return { ...s, page: 5 };
        if (chunk === 0 && s.original.includes("numéro 15 ")) return { ...s, page: 6 };
        return s;
      }),
    );
    const seen = originals(result);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(originals(book).sort());
  });

  it("keeps the split pieces of one original together", () => {
    const split = (s: StitchSentence) => [
      { ...s, text: "Première moitié." },
      { ...s, text: "Seconde moitié." },
    ];
    const result = stitchChunks([
      { index: 0, ownedFirst: 1, ownedLast: 5, sentences: engineView(1, 6).flatMap(split) },
      { index: 1, ownedFirst: 6, ownedLast: 10, sentences: engineView(5, 10).flatMap(split) },
    ]);
    expect(result).toHaveLength(book.length * 2);
  });

  it("falls back to page ownership next to a failed chunk", () => {
    const result = stitchChunks([
      { index: 0, ownedFirst: 1, ownedLast: 3, sentences: engineView(1, 4) },
      { index: 1, ownedFirst: 4, ownedLast: 6, sentences: null },
      { index: 2, ownedFirst: 7, ownedLast: 10, sentences: engineView(6, 10) },
    ]);
    expect(originals(result)).toEqual(originals(book.filter((s) => s.page <= 3 || s.page >= 7)));
  });
});
