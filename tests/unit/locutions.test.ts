import { describe, expect, it } from "vitest";
import { findLocutions, locutionCount } from "@/lib/french/locutions";
import { segmentSentences } from "@/lib/text/segment-sentences";
import { corpusMissing, loadCorpusText } from "@/tests/fixtures/corpus-text";

/** The locutions of a text as "form (kind): the tokens they cover". */
function locutionsOf(text: string): string[] {
  const tokens = text.split(" ");
  return findLocutions(tokens).map(
    ({ locution, first, last }) => `${locution.form} (${locution.kind}): ${tokens.slice(first, last + 1).join(" ")}`,
  );
}

describe("findLocutions", () => {
  it("knows the Lefff's locutions, markup and proper names left out", () => {
    expect(locutionCount()).toBeGreaterThan(1200);
    expect(locutionCount()).toBeLessThan(2100);
    expect(locutionsOf("Il compta _NUMBER à _NUMBER avec Jean Paul II.")).toEqual([]);
  });

  it("reads bien que as the conjunction only where a clause opens", () => {
    expect(locutionsOf("Bien qu'il fût tard, il sortit.")).toEqual(["bien qu' (subordinator): Bien qu'il"]);
    expect(locutionsOf("Il sortit, bien qu'il fût tard.")).toEqual(["bien qu' (subordinator): bien qu'il"]);
    expect(locutionsOf("Ma tante savait bien que ce n'était pas pour rien.")).toEqual([]);
  });

  it("takes the longest locution, ignores case and follows elisions and contractions", () => {
    expect(locutionsOf("Peu à peu, il vint à peu près au bout d'une heure, à cause du froid.")).toEqual([
      "peu à peu (adverb): Peu à peu,",
      "à peu près (adverb): à peu près",
      "au bout d' (preposition): au bout d'une",
      "à cause de (preposition): à cause du",
    ]);
    expect(locutionsOf("Jusqu'à présent, il mangeait des pommes de terre parce qu'il avait faim.")).toEqual([
      "jusqu'à présent (adverb): Jusqu'à présent,",
      "pommes de terre (noun): pommes de terre",
      "parce qu' (subordinator): parce qu'il",
    ]);
  });

  it("says when a locution ends inside its last token", () => {
    const ends = (text: string) => findLocutions(text.split(" ")).map((match) => match.endsInsideToken);
    expect(ends("Il y avait plus d'abus que de raison.")).toEqual([true]);
    expect(ends("Il mit son pardessus à cause du vent.")).toEqual([false]);
  });

  it("never joins words across punctuation", () => {
    expect(locutionsOf("Il en restait peu, à peu de chose près.")).not.toContain("peu à peu (adverb): peu, à peu");
    expect(locutionsOf("Tout, à coup sûr, était fini.")).toEqual(["à coup sûr (adverb): à coup sûr,"]);
  });

  it("reads one noun said twice around en or à as an adverb", () => {
    expect(locutionsOf("On remarquait que d'année en année son langage devenait plus poli.")).toEqual([
      "d'année en année (adverb): d'année en année",
    ]);
    expect(locutionsOf("Il allait de ville en ville, de Paris en province.")).toEqual(["de ville en ville (adverb): de ville en ville,"]);
    expect(locutionsOf("Elle suivait l'intrigue phrase à phrase, pas à pas.")).toEqual([
      "phrase à phrase (adverb): phrase à phrase,",
      "pas à pas (adverb): pas à pas.",
    ]);
  });

  it("leaves out free nouns and verbs before que or où", () => {
    expect(locutionsOf("Il se souvint du jour où il avait vu que tout était perdu.")).toEqual([]);
  });
});

describe.skipIf(corpusMissing())("findLocutions in the corpus novels", () => {
  it("finds the fixed expressions of real sentences", () => {
    const sentences = ["bovary", "miserables", "swann"].flatMap((name) => segmentSentences(loadCorpusText(name)));
    const find = (start: string) => {
      const found = sentences.find((sentence) => sentence.includes(start));
      if (!found) throw new Error(`no corpus sentence has "${start}"`);
      return locutionsOf(found);
    };
    expect(find("l'ordre peu à peu se rétablit")).toContain("peu à peu (adverb): peu à peu");
    expect(find("qui tombe goutte à goutte")).toContain("goutte à goutte (adverb): goutte à goutte");
    expect(find("ils semblaient noirs à cause des cils")).toContain("à cause de (preposition): à cause des");
    expect(find("au lieu de chiffres")).toContain("au lieu de (preposition): au lieu de");
    expect(find("une philosophie à peu près officielle")).toContain("à peu près (adverb): à peu près");
    // Not in the Lefff: "Il lui énumérait les uns ‖ après les autres" was cut inside it.
    expect(find("lui énumérait les uns après les autres")).toContain("les uns après les autres (adverb): les uns après les autres");
  });
});
