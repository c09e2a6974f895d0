// The quality checker's own rules (what tests/unit/check-quality.test.ts and
// bench/check-quality.ts count), on hand-made cuts.
import { describe, expect, it } from "vitest";
import {
  checkQuality,
  cutsSubjectFromVerb,
  cutsVerbFromComplement,
  hangingReason,
  holdsInnerBreak,
  splitsName,
  splitsNegation,
} from "@/tests/support/quality-report";

describe("the quality checker", () => {
  it("sees a function word left hanging, a split name, and accepts a cut at punctuation", () => {
    expect(hangingReason("en", "leur")).toBe("function word");
    expect(hangingReason("n'ai", "qu'à")).toBe("negation");
    expect(hangingReason("avait", "mangé")).toBe("auxiliary");
    expect(hangingReason("main,", "et")).toBeNull();
    expect(splitsName("M.", "Walter")).toBe(true);
    expect(splitsName("La", "Vie")).toBe(true);
    expect(splitsName("Louis", "XVI.")).toBe(true);
    expect(splitsName("Walter,", "et")).toBe(false);
  });

  it("sees a piece running past a ; or :, a verb cut from its complement and a short subject cut from its verb", () => {
    expect(holdsInnerBreak("une guillotine; mais si l'on en rencontre une,")).toBe(true);
    expect(holdsInnerBreak("tant qu'on n'a pas vu de ses yeux une guillotine;")).toBe(false);
    expect(holdsInnerBreak("Oui; dit-il.")).toBe(false);
    const tokens = (text: string) => text.split(" ");
    expect(cutsVerbFromComplement(tokens("du cimetière, et même lui montra"), "dans")).toBe(true);
    expect(cutsVerbFromComplement(tokens("sur la sienne ne fût pas"), "pour")).toBe(true);
    expect(cutsVerbFromComplement(tokens("s'il faut"), "qu'il")).toBe(true);
    expect(cutsVerbFromComplement(tokens("Il regardait la mer grise"), "qui")).toBe(false);
    expect(cutsVerbFromComplement(tokens("et dans la maison"), "du")).toBe(false);
    expect(cutsSubjectFromVerb(tokens("les sœurs de ma grand'mère aussi quand Swann"), "leur", "avait")).toBe(true);
    expect(cutsSubjectFromVerb(tokens("bougie éteinte, mes yeux"), "se")).toBe(true);
    expect(cutsSubjectFromVerb(tokens("il parlait à Swann"), "de")).toBe(false);
  });

  it("sees a negation cut between ne and its pas, and not one already closed", () => {
    const tokens = (text: string) => text.split(" ");
    expect(splitsNegation(tokens("Il n'y avait évidemment"), "pas")).toBe(true);
    expect(splitsNegation(tokens("Il ne savait pas plus"), "rien")).toBe(false);
    expect(splitsNegation(tokens("Il n'était resté qu'une soeur"), "plus")).toBe(false);
    expect(splitsNegation(tokens("Il avait"), "pas")).toBe(false);
  });

  it("counts lost words, matter rows and glued headings against a known text", () => {
    const rows = [
      { text: "ISBN 978-2-8247-1058-7", original: "ISBN 978-2-8247-1058-7", page: 1 },
      { text: "Première partie Nous étions", original: "Première partie Nous étions à l'Étude.", page: 2 },
      { text: "à l'Étude.", original: "Première partie Nous étions à l'Étude.", page: 2 },
    ];
    const report = checkQuality(rows, {
      pageWords: [[], ["Première", "partie", "Nous", "étions", "à", "l'Étude.", "Il", "entra."]],
      headings: ["Première partie"],
    });
    expect(report).toMatchObject({ cuts: 1, matterRows: 1, gluedHeadings: 1, lostWords: 2, addedWords: 2 });
  });
});
