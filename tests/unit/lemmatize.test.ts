// The lemmatiser against 300 hand-checked words of the corpus, beside the two
// candidates it was chosen from: the Lefff lexicon alone (every reading of a
// form, no context) and the fr-compromise tagger alone (its own lemmas). A
// word is right when the lemmas given are all among the accepted ones (and
// there is at least one); "found" counts words whose right lemma is among
// those given, the figure that decides whether a list word is matched at all.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadTagger, type TaggedTerm } from "@/lib/french/load-tagger";
import { entryLemmas, lemmatizeSentence, lemmatizeSentences, normalizeForm, tokenizeFrench } from "@/lib/french/lemmatize";

interface SampleSentence {
  text: string;
  words: { text: string; gold: string[] }[];
}

function readSample(): SampleSentence[] {
  const file = path.resolve(import.meta.dirname, "../fixtures/lemma-sample.tsv");
  const sentences: SampleSentence[] = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line === "" || line.startsWith("##")) continue;
    if (line.startsWith("# ")) sentences.push({ text: line.slice(2), words: [] });
    else {
      const [text, gold] = line.split("\t");
      sentences.at(-1)!.words.push({ text: text!, gold: gold!.split("|") });
    }
  }
  return sentences;
}

interface Score {
  right: number;
  found: number;
  total: number;
}

function score(sample: SampleSentence[], lemmatize: (sentences: string[]) => string[][][]): Score {
  const result = { right: 0, found: 0, total: 0 };
  const all = lemmatize(sample.map((sentence) => sentence.text));
  for (const [position, sentence] of sample.entries()) {
    const given = all[position]!;
    sentence.words.forEach((word, index) => {
      const lemmas = given[index] ?? [];
      result.total++;
      if (lemmas.some((lemma) => word.gold.includes(lemma))) result.found++;
      if (lemmas.length > 0 && lemmas.every((lemma) => word.gold.includes(lemma))) result.right++;
    });
  }
  return result;
}

/** fr-compromise's own lemma for each of our words, found by character offset. */
function compromiseLemmas(sentence: string): string[][] {
  const doc = loadTagger()(sentence);
  doc.compute("root");
  const terms: TaggedTerm[] = doc.json({ offset: true }).flatMap((entry) => entry.terms);
  return tokenizeFrench(sentence).map((span) => {
    const term = terms.find(
      (candidate) =>
        candidate.offset.length > 0 &&
        candidate.offset.start <= span.start &&
        span.start < candidate.offset.start + candidate.offset.length,
    );
    return term ? [normalizeForm(term.root || term.normal)] : [];
  });
}

const percent = (part: number, total: number) => `${((100 * part) / total).toFixed(1)} %`;

describe("lemmatising French", () => {
  const sample = readSample();

  it("splits the sample's sentences into exactly the hand-checked words", () => {
    for (const sentence of sample) {
      expect(tokenizeFrench(sentence.text).map((span) => span.text)).toEqual(sentence.words.map((word) => word.text));
    }
    expect(sample.flatMap((sentence) => sentence.words).length).toBeGreaterThanOrEqual(300);
  });

  it("gets at least 95 % of the hand-checked words right, better than either candidate alone", () => {
    // Batched, as the study-set worker runs it.
    const lemmasOf = (tokens: { lemmas: string[] }[][]) => tokens.map((sentence) => sentence.map((token) => token.lemmas));
    const chosen = score(sample, (texts) => lemmasOf(lemmatizeSentences(texts)));
    const lexicon = score(sample, (texts) => lemmasOf(lemmatizeSentences(texts, { lexiconOnly: true })));
    const compromise = score(sample, (texts) => texts.map(compromiseLemmas));
    console.info(
      [
        `words: ${chosen.total}`,
        `Lefff + fr-compromise tags: right ${percent(chosen.right, chosen.total)}, found ${percent(chosen.found, chosen.total)}`,
        `Lefff alone: right ${percent(lexicon.right, lexicon.total)}, found ${percent(lexicon.found, lexicon.total)}`,
        `fr-compromise alone: right ${percent(compromise.right, compromise.total)}, found ${percent(compromise.found, compromise.total)}`,
      ].join("\n"),
    );
    expect(chosen.right / chosen.total).toBeGreaterThanOrEqual(0.95);
    expect(chosen.found / chosen.total).toBeGreaterThanOrEqual(0.98);
    expect(chosen.right).toBeGreaterThan(lexicon.right);
    expect(chosen.right).toBeGreaterThan(compromise.right);
  });

  it("matches the issue's examples: forms of aller, yeux for œil, elisions, apostrophes and case", () => {
    const lemmasIn = (sentence: string) => lemmatizeSentence(sentence).map((token) => token.lemmas);
    expect(lemmasIn("Il allait")[1]).toEqual(["aller"]);
    expect(lemmasIn("Ils vont")[1]).toEqual(["aller"]);
    expect(lemmasIn("Nous irons")[1]).toEqual(["aller"]);
    expect(lemmasIn("Ses yeux")[1]).toContain("oeil");
    expect(lemmasIn("L’Œil du maître")[1]).toEqual(["oeil"]);
    const tokens = lemmatizeSentence("Qu’il l'aime jusqu'à l’aube");
    expect(tokens.map((token) => token.text)).toEqual(["Qu’", "il", "l'", "aime", "jusqu'", "à", "l’", "aube"]);
    expect(tokens.map((token) => token.lemmas[0])).toEqual(["que", "il", "le", "aimer", "jusque", "à", "le", "aube"]);
  });

  it("resolves `est` by context: the verb is être, the direction is est", () => {
    const verb = lemmatizeSentence("Elle est contente.")[1]!;
    const direction = lemmatizeSentence("Le vent vient de l'est.").at(-1)!;
    expect(verb.lemmas).toEqual(["être"]);
    expect(direction.lemmas).toContain("est");
    expect(direction.lemmas).not.toContain("être");
  });

  it("reads a list entry as its lemma: a lemma stays itself, an inflected form stands for its lemma", () => {
    expect(entryLemmas("est")).toEqual(["est"]);
    expect(entryLemmas("Allait")).toContain("aller");
    expect(entryLemmas("œil")).toEqual(["oeil"]);
    expect(entryLemmas("xylophoniste-zorglub")).toEqual(["xylophoniste-zorglub"]);
  });
});
