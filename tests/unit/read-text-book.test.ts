import { describe, expect, it } from "vitest";
import { sniffBookFormat } from "@/lib/books/book-format";
import { decodeTextFile } from "@/lib/books/decode-text-file";
import { paginateBlocks } from "@/lib/books/paginate-blocks";
import { findMatterSections, readBookSections } from "@/lib/books/read-book-sections";
import { isHeadingLine, joinWithoutLexicon, readTextBook } from "@/lib/books/read-text-book";
import { countWords } from "@/lib/text/count-words";
import { corpusMissing } from "@/tests/fixtures/corpus-text";
import { crlf, gutenbergText, novelBodyLines, toWindows1252, utf8, withBom } from "@/tests/fixtures/make-book-files";
import { refusal } from "@/tests/support/refusal";

const options = { maxInflatedBytes: 64 * 1024 * 1024 };

describe("text files: encodings and sniffing", () => {
  const sample = "« Charles Bovary, dit-elle, s'était levé ; où était-il ? » Cœur, œuvre, été.\n";

  it("decodes UTF-8, UTF-8 with its mark and Windows-1252 to the same text", () => {
    for (const bytes of [utf8(sample), withBom(utf8(sample)), toWindows1252(sample)]) {
      expect(sniffBookFormat(bytes).format).toBe("text");
      expect(decodeTextFile(bytes).text).toBe(sample);
    }
    expect(decodeTextFile(toWindows1252(sample)).encoding).toBe("windows-1252");
  });

  it("refuses a text in another encoding, binary bytes and a file without letters", () => {
    // "Привет, мир! Это текст." in KOI8-R reads as accented Latin garbage in Windows-1252.
    const koi8 = new Uint8Array([0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4, 0x2c, 0x20, 0xcd, 0xc9, 0xd2, 0x21, 0x20, 0xfc, 0xd4, 0xcf, 0x20, 0xd4, 0xc5, 0xcb, 0xd3, 0xd4, 0x2e]);
    expect(refusal(() => decodeTextFile(koi8))).toMatchObject({ code: "book_invalid", message: expect.stringMatching(/garbage/u) });
    expect(refusal(() => decodeTextFile(utf8("  12 — 14 … ·\n")))).toMatchObject({ code: "book_invalid", message: expect.stringMatching(/no text/u) });
    expect(sniffBookFormat(new Uint8Array([0x41, 0x00, 0x42, 0x43])).format).toBeUndefined();
    expect(sniffBookFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0])).format).toBeUndefined();
    expect(sniffBookFormat(utf8("%PDF-1.7\n")).format).toBe("pdf");
  });
});

describe("text files: paragraphs and headings", () => {
  it("joins hard-wrapped lines, keeps verse lines, and joins a word hyphenated at a line end", () => {
    const text = [
      "Nous étions à l'Étude, quand le Proviseur entra, suivi d'un nouveau habillé",
      "en bourgeois et d'un garçon de classe qui portait un grand pupitre. Ceux",
      "qui dormaient se réveillèrent, et chacun se leva comme sur- pris dans son",
      "travail, et il se remit à lire sans se presser, comme un homme qui sait.",
      "",
      "Le ciel est, par-dessus le toit,",
      "Si bleu, si calme !",
      "",
    ].join("\n").replace("sur- pris dans son\n", "sur-\npris dans son\n");
    const blocks = readTextBook(text, joinWithoutLexicon);
    expect(blocks).toHaveLength(2);
    expect(blocks[0]!.text).toContain("habillé en bourgeois");
    expect(blocks[0]!.text).toContain("surpris dans son travail");
    expect(blocks[1]!.text).toBe("Le ciel est, par-dessus le toit,\nSi bleu, si calme !");
  });

  it("reads one paragraph per line as paragraphs", () => {
    const long = "Il était une fois, dans une ville de province, un médecin qui ne savait rien de la vie, et qui croyait tout savoir de la médecine comme des hommes.";
    const blocks = readTextBook(`CHAPITRE PREMIER\n${long}\n${long}\n${long}\n`, joinWithoutLexicon);
    expect(blocks.map((block) => block.kind)).toEqual(["heading", "text", "text", "text"]);
  });

  it("takes chapter lines for headings, not sentences that start like them", () => {
    for (const line of ["CHAPITRE III", "Chapitre III.", "I", "XII. Le départ", "Première partie", "DEUXIÈME PARTIE", "Livre premier--Un juste"]) {
      expect(isHeadingLine(line), line).toBe(true);
    }
    for (const line of ["M. Homais entra.", "Il partit.", "Livre à lui-même, il partit.", "C'est fini."]) {
      expect(isHeadingLine(line), line).toBe(false);
    }
  });
});

describe("text files: sections of about 300 words", () => {
  it("cuts sections at paragraph ends near 300 words, a heading opening a new one", () => {
    const paragraph = "Elle regardait la campagne. ".repeat(20).trim(); // 80 words
    const blocks = [
      { kind: "heading" as const, text: "I" },
      ...Array.from({ length: 10 }, () => ({ kind: "text" as const, text: paragraph })),
      { kind: "heading" as const, text: "II" },
      { kind: "text" as const, text: paragraph },
    ];
    const { pages } = paginateBlocks(blocks);
    expect(pages.map((page) => countWords(page.text))).toEqual([321, 320, 160, 81]);
    expect(pages[3]!.blocks[0]).toEqual({ kind: "heading", text: "II" });
  });

  it("cuts a paragraph longer than a section inside it, at a sentence end", () => {
    const { pages } = paginateBlocks([{ kind: "text", text: "Il marchait vers la ville. ".repeat(200).trim() }]);
    expect(pages.length).toBe(4);
    expect(pages.every((page) => page.text.endsWith(".") || page === pages.at(-1))).toBe(true);
    expect(pages.reduce((total, page) => total + countWords(page.text), 0)).toBe(1000);
  });
});

describe.skipIf(corpusMissing())("a Gutenberg text file of Madame Bovary", () => {
  const text = gutenbergText({ words: 6000, chapters: 3 });

  it("leaves Gutenberg's header and footer out, whatever the encoding and line ends", () => {
    const variants = [utf8(text), withBom(utf8(crlf(text))), toWindows1252(crlf(text))];
    const counts = new Set<number>();
    for (const bytes of variants) {
      const sections = readBookSections("text", bytes, options);
      const all = sections.pages.map((page) => page.text).join("\n");
      expect(all).not.toMatch(/Gutenberg|START OF|END OF|LICENSE/u);
      expect(all).toContain("Nous étions à l'Étude");
      counts.add(sections.pages.length);
    }
    expect(counts.size).toBe(1);
  });

  it("cuts the same sections at upload (no lexicon) and in the worker", () => {
    const web = readBookSections("text", utf8(text), { ...options, join: joinWithoutLexicon });
    const worker = readBookSections("text", utf8(text), options);
    expect(web.pages.map((page) => countWords(page.text))).toEqual(worker.pages.map((page) => countWords(page.text)));
    const words = worker.pages.map((page) => countWords(page.text));
    expect(Math.max(...words)).toBeLessThanOrEqual(375);
    expect(worker.pages.length).toBeGreaterThanOrEqual(Math.floor(6000 / 375));
  });

  it("flags the title page and the 'Du même auteur' list, not the novel, and finds the chapters", () => {
    const sections = readBookSections("text", utf8(text), options);
    const matter = findMatterSections(sections);
    const first = sections.pages.findIndex((page) => page.text.includes("Nous étions"));
    expect(matter.slice(0, first)).toEqual(Array(first).fill(true));
    expect(matter.slice(first).filter(Boolean).length).toBeLessThanOrEqual(1);
    const headings = sections.pages.flatMap((page) => page.blocks.filter((block) => block.kind === "heading").map((block) => block.text));
    expect(headings).toEqual(expect.arrayContaining(["PREMIÈRE PARTIE", "I", "II", "III"]));
    const { paragraphs } = novelBodyLines({ words: 6000 });
    expect(sections.pages.map((page) => page.text).join(" ")).toContain(paragraphs.at(-1)!.split(" ").slice(-6).join(" "));
  });

  it("reads one paragraph per line the same way", () => {
    const lines = novelBodyLines({ words: 3000, onePerLine: true }).lines.filter((line) => line !== "");
    const sections = readBookSections("text", utf8(lines.join("\n")), options);
    expect(sections.pages[0]!.blocks.slice(0, 2)).toEqual([{ kind: "heading", text: "PREMIÈRE PARTIE" }, { kind: "heading", text: "I" }]);
    expect(sections.pages.length).toBeGreaterThanOrEqual(8);
  });
});
