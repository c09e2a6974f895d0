import { describe, expect, it } from "vitest";
import { buildBookRows } from "@/lib/pipeline/book-rows";
import { findMatterRows } from "@/lib/text/find-matter-rows";

const long = "Il marchait lentement vers la ville, et il pensait à elle sans cesse.";

describe("buildBookRows numbering", () => {
  it("numbers the pieces of one original, and tells a repeated sentence from its pieces", () => {
    const book = buildBookRows(
      [
        { id: "0.0", text: "Il marchait lentement vers la ville,", original: long, page: 1 },
        { id: "0.0", text: "et il pensait à elle sans cesse.", original: long, page: 1 },
        { id: "0.1", text: "Oui.", original: "Oui.", page: 1 },
        { id: "0.2", text: "Oui.", original: "Oui.", page: 1 },
      ],
      { maxWords: 8 },
    );
    expect(book.rows.map(({ part, parts }) => ({ part, parts }))).toEqual([
      { part: 1, parts: 2 },
      { part: 2, parts: 2 },
      { part: 1, parts: 1 },
      { part: 1, parts: 1 },
    ]);
  });
});

describe("findMatterRows", () => {
  it("takes only the flagged runs at the book's edges, and counts their pages", () => {
    const rows = [
      { page: 2, matter: true },
      { page: 4, matter: true },
      { page: 6 },
      { page: 90, matter: true }, // A flagged page inside the novel stays.
      { page: 91 },
      { page: 120, matter: true },
    ];
    expect(findMatterRows(rows, 121)).toEqual({
      frontEnd: 2,
      backStart: 5,
      frontMatterPages: 5,
      backMatterPages: 30,
    });
    expect(findMatterRows([{ page: 1 }, { page: 2 }], 2)).toMatchObject({
      frontMatterPages: 0,
      backMatterPages: 0,
    });
  });
});

describe("findMatterRows across a page the detector missed", () => {
  const row = (page: number, text: string, matter = false, kind?: "heading") => ({
    page,
    text,
    ...(matter ? { matter } : {}),
    ...(kind ? { kind } : {}),
  });

  it("carries the front run over one short unflagged page followed by flagged pages", () => {
    const rows = [
      row(1, "Bel-Ami", true, "heading"),
      row(2, "Volume 108 : version 2.1."), // A title page taken for text.
      row(3, "Du même auteur", true, "heading"),
      row(4, "Relecture : Jean-Yves Dupuis.", true),
      row(5, "I", false, "heading"),
      row(5, long),
    ];
    expect(findMatterRows(rows, 5)).toMatchObject({ frontEnd: 4, frontMatterPages: 4 });
  });

  it("stops at a part title or a page of the novel, and gives the back run no such leeway", () => {
    const partTitle = [row(1, "Bel-Ami", true), row(2, "Première partie", false, "heading"), row(3, "Bel-Ami", true), row(4, long)];
    expect(findMatterRows(partTitle).frontEnd).toBe(1);
    const prose = [row(1, "Bel-Ami", true), row(2, `${long} ${long} ${long}`), row(3, "Bel-Ami", true), row(4, long)];
    expect(findMatterRows(prose).frontEnd).toBe(1);
    const back = [row(1, long), row(2, long), row(3, "Achevé d'imprimer.", true), row(4, "Il partit. FIN"), row(5, "ISBN", true)];
    expect(findMatterRows(back, 5)).toMatchObject({ frontEnd: 0, backStart: 4, backMatterPages: 1 });
  });
});

describe("buildBookRows", () => {
  const sentences = [
    { id: "0.0", text: "DU MÊME AUTEUR", original: "DU MÊME AUTEUR", page: 1, kind: "heading" as const, matter: true },
    { id: "0.1", text: "Première partie", original: "Première partie", page: 2, kind: "heading" as const },
    { id: "0.2", text: long, original: long, page: 3 },
    { id: "0.3", text: "Achevé d'imprimer en mars 2016.", original: "Achevé d'imprimer en mars 2016.", page: 4, matter: true },
  ];

  it("leaves the matter out, keeps headings as heading rows and numbers the pieces", () => {
    const book = buildBookRows(sentences, { maxWords: 8, pageCount: 4 });
    expect(book.frontMatterPages).toBe(1);
    expect(book.backMatterPages).toBe(1);
    expect(book.rows.map(({ kind, text, part, parts, page }) => ({ kind, text, part, parts, page }))).toEqual([
      { kind: "heading", text: "Première partie", part: 1, parts: 1, page: 2 },
      { kind: "sentence", text: "Il marchait lentement vers la ville,", part: 1, parts: 2, page: 3 },
      { kind: "sentence", text: "et il pensait à elle sans cesse.", part: 2, parts: 2, page: 3 },
    ]);
  });

  it("keeps the matter when asked to, still counting its pages", () => {
    const book = buildBookRows(sentences, { maxWords: 8, includeMatter: true, pageCount: 4 });
    expect(book.rows).toHaveLength(5);
    expect(book.rows[0]!.text).toBe("DU MÊME AUTEUR");
    expect(book.frontMatterPages).toBe(1);
  });
});
