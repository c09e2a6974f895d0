import { describe, expect, it } from "vitest";
import { listWords } from "@/lib/text/count-words";
import { segmentSentenceSpans, segmentSentences } from "@/lib/text/segment-sentences";
import { corpusMissing, loadCorpusText } from "@/tests/fixtures/corpus-text";

describe("segmentSentences", () => {
  it("keeps em-dash dialogue with a lowercase tag as one sentence", () => {
    expect(segmentSentences("— Vraiment ? demanda-t-elle. — Oui.")).toEqual([
      "— Vraiment ? demanda-t-elle.",
      "— Oui.",
    ]);
    expect(segmentSentences("— Ah ! que n’ai-je mis bas tout un nœud de vipères !")).toHaveLength(
      1,
    );
  });

  it("ends a sentence against the dash that opens the next one, as older editions print them", () => {
    // Les Misérables (Gutenberg): "l'obsédaient.--Ils étaient là.--À quelques pas."
    expect(segmentSentences("Ces six couverts d'argent l'obsédaient.--Ils étaient là.--À quelques pas. Il dit--oui.")).toEqual([
      "Ces six couverts d'argent l'obsédaient.",
      "--Ils étaient là.",
      "--À quelques pas.",
      "Il dit--oui.",
    ]);
    expect(segmentSentences("Voyez M.--Madeleine.")).toEqual(["Voyez M.--Madeleine."]);
  });

  it("does not end a sentence after M., Mme, Mlle, MM., Dr, St, cf., p. or an initial", () => {
    expect(
      segmentSentences(
        "M. Bovary entra avec Mme Homais et Mlle Rouault. MM. Lheureux et Dr Larivière virent St Pierre, cf. p. 12. J. Verne écrivit.",
      ),
    ).toEqual([
      "M. Bovary entra avec Mme Homais et Mlle Rouault.",
      "MM. Lheureux et Dr Larivière virent St Pierre, cf. p. 12.",
      "J. Verne écrivit.",
    ]);
  });

  it("keeps a closing » after the period with its sentence, even after a (narrow) no-break space", () => {
    expect(segmentSentences("Il dit : « Je viens. » Puis il partit.")).toEqual([
      "Il dit : « Je viens. »",
      "Puis il partit.",
    ]);
    expect(segmentSentences("Il dit\u00a0: «\u00a0Je viens.\u00a0» Puis\u202f? Rien.")).toEqual([
      "Il dit\u00a0: «\u00a0Je viens.\u00a0»",
      "Puis\u202f?",
      "Rien.",
    ]);
  });

  it("continues after ! or ? followed by a lowercase word, inside or outside guillemets", () => {
    expect(segmentSentences("« Viens ! » dit-il. « Viens ! », répéta-t-il.")).toEqual([
      "« Viens ! » dit-il.",
      "« Viens ! », répéta-t-il.",
    ]);
    expect(segmentSentences("Il vint — enfin ! — nous voir.")).toHaveLength(1);
  });

  it("handles ellipses written … or ...", () => {
    expect(
      segmentSentences("-- Ma cas... fit timidement le nouveau. Il attendait… Rien ne vint."),
    ).toEqual(["-- Ma cas... fit timidement le nouveau.", "Il attendait…", "Rien ne vint."]);
  });

  it("ends a sentence at a blank line (a heading, a paragraph) even without a period", () => {
    expect(segmentSentences("CHAPITRE PREMIER\n\nIl était\nune fois.")).toEqual([
      "CHAPITRE PREMIER",
      "Il était une fois.",
    ]);
  });

  it("reports offsets into the original text", () => {
    const text = "Un.  Deux\ntrois.";
    expect(segmentSentenceSpans(text).map((span) => text.slice(span.start, span.end))).toEqual([
      "Un.",
      "Deux\ntrois.",
    ]);
  });
});

describe.skipIf(corpusMissing())("segmentSentences on real novels", () => {
  it("splits Proust's opening as a reader would", () => {
    const text = loadCorpusText("proust", { words: 120 });
    const sentences = segmentSentences(text);
    expect(sentences.slice(2, 4)).toEqual([
      "Longtemps, je me suis couché de bonne heure.",
      "Parfois, à peine ma bougie éteinte, mes yeux se fermaient si vite que je n'avais pas le temps de me dire : « Je m'endors. »",
    ]);
  });

  it("keeps Flaubert's dialogue lines and their tags together", () => {
    const sentences = segmentSentences(
      loadCorpusText("bovary", { startAt: "Nous étions", words: 2000 }),
    );
    expect(sentences).toContain("-- Que cherchez-vous? demanda le professeur.");
    expect(sentences).toContain(
      "-- Ma cas... fit timidement le nouveau, promenant autour de lui des regards inquiets.",
    );
    expect(sentences.some((sentence) => /^M\.$|^Mme$/u.test(sentence))).toBe(false);
  });

  it.each(["bovary", "miserables", "swann"])(
    "never drops, adds or reorders a word of %s",
    (name) => {
      const text = loadCorpusText(name);
      const sentences = segmentSentences(text);
      expect(sentences.length).toBeGreaterThan(3000);
      // Character for character, spaces aside: a sentence may end inside a token ("manger.--Mes").
      expect(sentences.join("").replace(/\s+/gu, "")).toBe(text.replace(/\s+/gu, ""));
      expect(sentences.flatMap(listWords).length).toBeGreaterThanOrEqual(listWords(text).length);
    },
  );
});
