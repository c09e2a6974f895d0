// The French parser with the model committed in the repository: CoNLL-U in
// and out, what it makes of sentences a learner reads, and accuracy floors
// on the treebanks' test files, which no model has trained on.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ConlluError, readConllu, sentenceWords, writeConllu, type ConlluSentence } from "@/lib/french/parser/conllu";
import { frenchParser } from "@/lib/french/parser/french-parser";
import { blankedSentence, scoreParses } from "@/lib/french/parser/evaluate-parser";
import { readTreebank, testFiles, treebanksPresent } from "@/lib/french/parser/treebank-files";
import { novelGoldPath } from "@/lib/french/parser/novel-gold";
import { withJoinedSentences } from "@/lib/french/parser/train-model";
import { inNovelTense, lefffConjugations } from "@/lib/french/parser/novel-tenses";
import { withIncise, type Speaker } from "@/lib/french/parser/dialogue-incises";

const sample = [
  "# sent_id = sample-1",
  "# text = Il parle du chat.",
  "1\tIl\til\tPRON\t_\tNumber=Sing|Person=3\t2\tnsubj\t_\t_",
  "2\tparle\tparler\tVERB\t_\tMood=Ind\t0\troot\t_\t_",
  "3-4\tdu\t_\t_\t_\t_\t_\t_\t_\t_",
  "3\tde\tde\tADP\t_\t_\t5\tcase\t_\t_",
  "4\tle\tle\tDET\t_\t_\t5\tdet\t_\t_",
  "4.1\tparle\tparler\tVERB\t_\t_\t_\t_\t2:conj\t_",
  "5\tchat\tchat\tNOUN\t_\t_\t2\tobl:arg\t_\tSpaceAfter=No",
  "6\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_",
  "",
  "# text = Oui.",
  "1\tOui\toui\tINTJ\t_\t_\t0\troot\t_\tSpaceAfter=No",
  "2\t.\t.\tPUNCT\t_\t_\t1\tpunct\t_\t_",
  "",
  "",
].join("\n");

function word(sentence: ConlluSentence, form: string) {
  const words = sentenceWords(sentence);
  const index = words.findIndex((candidate) => candidate.form === form);
  if (index === -1) throw new Error(`No word "${form}" in ${words.map((candidate) => candidate.form).join(" ")}`);
  const head = words[index]!.head;
  return { ...words[index]!, headForm: head === 0 ? "ROOT" : words[head - 1]!.form };
}

describe("CoNLL-U", () => {
  it("reads and writes back comments, multi-word tokens and empty nodes unchanged", () => {
    const sentences = readConllu(sample);
    expect(sentences).toHaveLength(2);
    expect(sentences[0]!.tokens.map((token) => token.form)).toEqual(["Il", "parle", "du", "chat", "."]);
    expect(sentences[0]!.tokens[2]!.words.map((w) => w.form)).toEqual(["de", "le"]);
    expect(sentenceWords(sentences[0]!)).toHaveLength(6);
    expect(writeConllu(sentences)).toBe(sample);
  });

  it("names the line of a malformed file", () => {
    expect(() => readConllu("1\tIl\til\n")).toThrow(ConlluError);
    expect(() => readConllu("1\tIl\t_\t_\t_\t_\t_\t_\t_\t_\n3\tx\t_\t_\t_\t_\t_\t_\t_\t_\n")).toThrow(/line 2/u);
  });
});

describe("training data", () => {
  const two = readConllu(
    [
      "1\tIl\til\tPRON\t_\t_\t2\tnsubj\t_\t_",
      "2\tdort\tdormir\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No",
      "3\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_",
      "",
      "1\tLe\tle\tDET\t_\t_\t2\tdet\t_\t_",
      "2\tchat\tchat\tNOUN\t_\t_\t3\tnsubj\t_\t_",
      "3\tmange\tmanger\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No",
      "4\t.\t.\tPUNCT\t_\t_\t3\tpunct\t_\t_",
      "",
      "",
    ].join("\n"),
  );

  it("joins two sentences into one tree, as a novel's long sentence: \"Il dort, et le chat mange.\"", () => {
    const [, both] = withJoinedSentences(two, 2);
    const words = sentenceWords(both!);
    expect(words.map((word) => word.form).join(" ")).toBe("Il dort , et le chat mange .");
    expect(words.filter((word) => word.head === 0).map((word) => word.form)).toEqual(["dort"]);
    const mange = words.find((word) => word.form === "mange")!;
    expect([mange.head, mange.deprel]).toEqual([2, "conj"]);
    expect(words.find((word) => word.form === "chat")!.head).toBe(7);
    expect(words.find((word) => word.form === "et")!.head).toBe(7);
    expect(words.at(-1)!.head).toBe(2);
  });

  it("puts a present-tense sentence in a novel's tenses, with the same tree and the words around each verb respelled", () => {
    const present = readConllu(
      [
        "1\tC'\tce\tPRON\t_\tNumber=Sing|Person=3\t3\tnsubj\t_\tSpaceAfter=No",
        "2\test\têtre\tAUX\t_\tMood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin\t3\tcop\t_\t_",
        "3\tvrai\tvrai\tADJ\t_\t_\t0\troot\t_\tSpaceAfter=No",
        "4\t,\t,\tPUNCT\t_\t_\t8\tpunct\t_\t_",
        "5\til\til\tPRON\t_\tNumber=Sing|Person=3\t8\tnsubj\t_\t_",
        "6\ts'\tse\tPRON\t_\tPerson=3\t8\texpl:comp\t_\tSpaceAfter=No",
        "7\test\têtre\tAUX\t_\tMood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin\t8\taux:tense\t_\t_",
        "8\tlevé\tlever\tVERB\t_\tGender=Masc|Number=Sing|Tense=Past|VerbForm=Part\t3\tparataxis\t_\t_",
        "9\tet\tet\tCCONJ\t_\t_\t10\tcc\t_\t_",
        "10\ta\tavoir\tVERB\t_\tMood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin\t8\tconj\t_\t_",
        "11\t-t-il\til\tPRON\t_\tNumber=Sing|Person=3\t10\tnsubj\t_\t_",
        "12\tfaim\tfaim\tNOUN\t_\t_\t10\tobj\t_\tSpaceAfter=No",
        "13\t.\t.\tPUNCT\t_\t_\t3\tpunct\t_\t_",
        "",
        "",
      ].join("\n"),
    )[0]!;
    const conjugations = lefffConjugations();
    const forms = (sentence: ConlluSentence | undefined) => sentence!.tokens.map((token) => token.form).join(" ");
    const past = inNovelTense(present, "passé simple", conjugations);
    // The passé composé's auxiliary goes to the imparfait: a novel's plus-que-parfait.
    expect(forms(past)).toBe("Ce fut vrai , il s' était levé et eut -il faim .");
    expect(sentenceWords(past!).find((word) => word.form === "fut")!.feats).toBe("Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin");
    expect(sentenceWords(past!).map((word) => [word.head, word.deprel, word.lemma])).toEqual(
      sentenceWords(present).map((word) => [word.head, word.deprel, word.lemma]),
    );
    expect(forms(inNovelTense(present, "imparfait", conjugations))).toBe("C' était vrai , il s' était levé et avait -il faim .");
    expect(inNovelTense(past!, "imparfait", conjugations)).toBeUndefined();
  });

  it("gives a sentence a speech tag, the speaker the subject of its verb, as novels write dialogue: \"Le chat, reprit Emma, enfin, mange.\"", () => {
    const sentence = readConllu(
      [
        "1\tLe\tle\tDET\t_\t_\t2\tdet\t_\t_",
        "2\tchat\tchat\tNOUN\t_\t_\t6\tnsubj\t_\tSpaceAfter=No",
        "3\t,\t,\tPUNCT\t_\t_\t4\tpunct\t_\t_",
        "4\tenfin\tenfin\tADV\t_\t_\t6\tadvmod\t_\tSpaceAfter=No",
        "5\t,\t,\tPUNCT\t_\t_\t4\tpunct\t_\t_",
        "6\tmange\tmanger\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No",
        "7\t.\t.\tPUNCT\t_\t_\t6\tpunct\t_\t_",
        "",
        "",
      ].join("\n"),
    )[0]!;
    const speaker = (form: string, upos: string, pronoun: boolean): Speaker => ({
      words: [{ form, lemma: form.toLowerCase(), upos, xpos: "_", feats: "_", head: 0, deprel: "nsubj", deps: "_", misc: "_" }],
      plural: false,
      pronoun,
    });
    const tree = (copy: ConlluSentence | undefined) =>
      sentenceWords(copy!).map((word, _, words) => `${word.form}>${word.head === 0 ? "ROOT" : words[word.head - 1]!.form}:${word.deprel}`);
    expect(tree(withIncise(sentence, "reprit", "reprendre", speaker("Emma", "PROPN", false), true))).toEqual([
      "Le>chat:det", "chat>mange:nsubj", ",>enfin:punct",
      "reprit>mange:parataxis:insert", "Emma>reprit:nsubj", ",>reprit:punct",
      "enfin>mange:advmod", ",>enfin:punct", "mange>ROOT:root", ".>mange:punct",
    ]);
    // At the end, with the pronoun joined to the verb, "-t-" after a vowel.
    expect(tree(withIncise(sentence, "ajouta", "ajouter", speaker("il", "PRON", true), false)).slice(5)).toEqual([
      "mange>ROOT:root", ",>ajouta:punct", "ajouta>mange:parataxis:insert", "-t-il>ajouta:nsubj", ".>mange:punct",
    ]);
  });
});

describe("the committed model", () => {
  const parser = frenchParser();

  it("finds the subject, the coordinated verbs and their objects", () => {
    const [sentence] = parser.parseText("Il s'assit, prit une plume, étala devant lui une feuille de papier et attendit.");
    expect(word(sentence!, "assit")).toMatchObject({ upos: "VERB", deprel: "root", lemma: "asseoir" });
    expect(word(sentence!, "Il")).toMatchObject({ deprel: "nsubj", headForm: "assit" });
    // Each further predicate is a clause of its own hanging from a verb: what
    // the rewriting needs to give it the subject again. UD treebanks differ on
    // conj or parataxis for a comma, and on chained or flat conjuncts.
    for (const verb of ["prit", "étala", "attendit"]) {
      expect(word(sentence!, verb).deprel).toMatch(/^(conj|parataxis)$/u);
      expect(["assit", "prit", "étala"]).toContain(word(sentence!, verb).headForm);
    }
    expect(word(sentence!, "prit").lemma).toBe("prendre");
    expect(word(sentence!, "plume")).toMatchObject({ deprel: "obj", headForm: "prit" });
    expect(word(sentence!, "feuille")).toMatchObject({ deprel: "obj", headForm: "étala" });
    expect(word(sentence!, "et")).toMatchObject({ upos: "CCONJ", deprel: "cc", headForm: "attendit" });
  });

  it("gives a relative pronoun its clause and the clause its noun, with gender and number", () => {
    const [sentence] = parser.parseText("Il avait épousé une demoiselle laide qu'il adorait.");
    expect(word(sentence!, "adorait")).toMatchObject({ deprel: "acl:relcl", headForm: "demoiselle" });
    expect(word(sentence!, "qu'")).toMatchObject({ upos: "PRON", headForm: "adorait" });
    expect(word(sentence!, "demoiselle").feats).toContain("Gender=Fem");
    expect(word(sentence!, "adorait").feats).toContain("Tense=Imp");
  });

  it("splits contractions into their words, and tells the article des from de + les", () => {
    const [partitive] = parser.parseText("Elle revenait du marché avec des pommes.");
    expect(partitive!.tokens.map((token) => token.words.map((w) => w.form).join("+"))).toEqual([
      "Elle", "revenait", "de+le", "marché", "avec", "des", "pommes", ".",
    ]);
    const [genitive] = parser.parseText("La porte des voisins était ouverte.");
    expect(genitive!.tokens[2]!.words.map((w) => `${w.form}/${w.upos}`)).toEqual(["de/ADP", "les/DET"]);
  });

  it("attaches an inverted subject to its verb in dialogue", () => {
    const [sentence] = parser.parseText("— Je reviendrai demain, dit-il en souriant.");
    // Sequoia labels an inverted "-il" expl:subj more often than nsubj (18 of 25 in training).
    expect(word(sentence!, "-il")).toMatchObject({ upos: "PRON", headForm: "dit" });
    expect(word(sentence!, "-il").deprel).toMatch(/^(nsubj|expl:subj)$/u);
  });

  it("keeps the words of a CoNLL-U input as they are and fills the other columns", () => {
    const [input] = readConllu(sample).map(blankedSentence);
    const parsed = parser.annotate(input!, { wordsGiven: true });
    expect(sentenceWords(parsed).map((w) => w.form)).toEqual(["Il", "parle", "de", "le", "chat", "."]);
    expect(parsed.tokens[2]!.form).toBe("du");
    expect(sentenceWords(parsed).every((w) => w.head >= 0 && w.upos !== "_" && w.deprel !== "_")).toBe(true);
    expect(sentenceWords(parsed).filter((w) => w.head === 0)).toHaveLength(1);
  });
});

// Measured with the committed model (npm run parse:eval): GSD test 96.47 /
// 85.26 / 80.89, the novels 96.58 / 80.87 / 74.82 (UPOS / UAS / LAS).
const GSD_FLOORS = { upos: 0.96, uas: 0.84, las: 0.795 };
const NOVEL_FLOORS = { upos: 0.955, uas: 0.79, las: 0.73 };

// Accuracy of the committed model on text no model trained on: the floors
// are the targets on Sequoia, and the measured scores less a margin
// elsewhere, so a worse model fails here. Time is measured by `npm run
// parse:eval` and the benchmarks, never asserted.
describe.skipIf(!treebanksPresent() && !process.env.CI)("accuracy on held-out text", () => {
  const parser = frenchParser();
  const scoreOf = (gold: ConlluSentence[]) =>
    scoreParses(gold, gold.map((sentence) => parser.annotate(blankedSentence(sentence), { wordsGiven: true })));

  it("reaches the targets on UD French-Sequoia's test file", () => {
    const scores = scoreOf(readTreebank(testFiles[0]!));
    expect(scores.upos).toBeGreaterThanOrEqual(0.97);
    expect(scores.uas).toBeGreaterThanOrEqual(0.87);
    expect(scores.las).toBeGreaterThanOrEqual(0.83);
  });

  it("stays near its measured scores on UD French-GSD's test file", () => {
    const scores = scoreOf(readTreebank(testFiles[1]!));
    expect(scores.upos).toBeGreaterThanOrEqual(GSD_FLOORS.upos);
    expect(scores.uas).toBeGreaterThanOrEqual(GSD_FLOORS.uas);
    expect(scores.las).toBeGreaterThanOrEqual(GSD_FLOORS.las);
  });

  it("stays near its measured scores on long sentences of the corpus novels, corrected by hand", () => {
    const scores = scoreOf(readConllu(readFileSync(novelGoldPath, "utf8")));
    expect(scores.upos).toBeGreaterThanOrEqual(NOVEL_FLOORS.upos);
    expect(scores.uas).toBeGreaterThanOrEqual(NOVEL_FLOORS.uas);
    expect(scores.las).toBeGreaterThanOrEqual(NOVEL_FLOORS.las);
  });
});
