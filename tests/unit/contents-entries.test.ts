// A table of contents run together into one paragraph, as the Gutenberg
// Misérables has one before each book: its entries become headings, each a
// row of its own, instead of a "sentence" cut into pieces that name nothing.
import { describe, expect, it } from "vitest";
import { contentsEntries } from "@/lib/text/contents-entries";
import { originalsFromPages } from "@/lib/text/originals-from-pages";
import { corpusMissing, corpusParagraphs } from "@/tests/fixtures/corpus-text";

const contents =
  "Chapitre I Dans quel miroir M. Madeleine regarde ses cheveux Chapitre II Fantine heureuse Chapitre III Javert content Chapitre IV L'autorité reprend ses droits Chapitre V Tombeau convenable";

describe("tables of contents run together", () => {
  it("reads each entry as a heading row, between the sentences around it", () => {
    const text = `Fin du livre septième. ${contents}`;
    const page = { page: 12, text, blocks: [{ kind: "text" as const, text: "Fin du livre septième." }, { kind: "text" as const, text: contents }] };
    const originals = originalsFromPages([page]);
    expect(originals.map((original) => [original.text, original.kind])).toEqual([
      ["Fin du livre septième.", undefined],
      ["Chapitre I Dans quel miroir M. Madeleine regarde ses cheveux", "heading"],
      ["Chapitre II Fantine heureuse", "heading"],
      ["Chapitre III Javert content", "heading"],
      ["Chapitre IV L'autorité reprend ses droits", "heading"],
      ["Chapitre V Tombeau convenable", "heading"],
    ]);
  });

  it("takes no sentence that names chapters for one", () => {
    expect(contentsEntries("Il relut le chapitre II, le chapitre III et le chapitre IV avant de dormir.")).toBeUndefined();
    expect(contentsEntries("Chapitre I Un juste. Chapitre II Le soir. Chapitre III La nuit")).toBeUndefined();
  });

  it.skipIf(corpusMissing())("finds the tables of Les Misérables and no paragraph of the other novels", () => {
    const found = (book: string) => corpusParagraphs(book).filter((paragraph) => contentsEntries(paragraph) !== undefined);
    const miserables = found("miserables");
    expect(miserables.length).toBeGreaterThan(3);
    for (const paragraph of miserables) expect(paragraph).toMatch(/^(Livre|Chapitre)/u);
    expect(found("bovary")).toEqual([]);
    expect(found("swann")).toEqual([]);
  });
});
