// A row's state from the engine's text and the owner's correction, and the
// checks a change's pieces go through, without the database.
import { describe, expect, it } from "vitest";
import { normalizeRowText, piecesOverLimit, rowState, splitTokens } from "@/lib/corrections/row-state";

describe("rowState", () => {
  it("is the engine's text at version 0 when the owner never changed the row", () => {
    expect(rowState(7, "Elle soupira.", null)).toEqual({
      position: 7,
      version: 0,
      texts: ["Elle soupira."],
      engineText: "Elle soupira.",
      edited: false,
      deleted: false,
      overLimit: false,
      needsReview: false,
    });
  });

  it("shows the owner's pieces while the correction is active, and the engine's once restored", () => {
    const split = { texts: ["Elle", "soupira."], active: true, overLimit: false, version: 2, needsReview: true };
    expect(rowState(7, "Elle soupira.", split)).toMatchObject({ texts: ["Elle", "soupira."], edited: true, version: 2, needsReview: true });
    expect(rowState(7, "Elle soupira.", { ...split, texts: [] })).toMatchObject({ deleted: true, edited: true });
    expect(rowState(7, "Elle soupira.", { ...split, active: false, overLimit: true })).toMatchObject({
      texts: ["Elle soupira."],
      edited: false,
      overLimit: false,
      version: 2,
    });
  });
});

describe("piece checks", () => {
  it("counts words as the product does (punctuation alone is no word) and reports the pieces over the limit", () => {
    expect(piecesOverLimit(["un deux trois", "« Oui » — dit-elle, l'air las."], 3)).toEqual([{ piece: 1, words: 4 }]);
    expect(piecesOverLimit(["un deux trois"], 3)).toEqual([]);
  });

  it("keeps one space between words, and cuts only between whitespace tokens", () => {
    expect(normalizeRowText("  Emma \n rêvait\t de Paris. ")).toBe("Emma rêvait de Paris.");
    expect(splitTokens("« Où êtes-vous ? »")).toEqual(["«", "Où", "êtes-vous", "?", "»"]);
  });
});
