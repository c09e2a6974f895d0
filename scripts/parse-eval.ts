// Scores the committed parser model on the treebanks' test files (gold
// words), and on the hand-corrected novel sentences kept in the repository.
//   npm run parse:eval [-- --model path]
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { FrenchParser, parserModelPath } from "@/lib/french/parser/french-parser";
import { decodeModel } from "@/lib/french/parser/model-file";
import { readConllu, type ConlluSentence } from "@/lib/french/parser/conllu";
import { blankedSentence, scoreParses } from "@/lib/french/parser/evaluate-parser";
import { readTreebank, testFiles } from "@/lib/french/parser/treebank-files";
import { novelGoldPath } from "@/lib/french/parser/novel-gold";

const { values } = parseArgs({ options: { model: { type: "string", default: parserModelPath } } });
const parser = new FrenchParser(decodeModel(readFileSync(values.model)));

const percent = (share: number) => `${(share * 100).toFixed(2)}`.padStart(6);

function report(name: string, gold: ConlluSentence[]): void {
  const started = performance.now();
  const predicted = gold.map((sentence) => parser.annotate(blankedSentence(sentence), { wordsGiven: true }));
  const seconds = (performance.now() - started) / 1000;
  const scores = scoreParses(gold, predicted);
  console.log(
    `${name.padEnd(44)} ${String(scores.words).padStart(6)} ${percent(scores.upos)} ${percent(scores.ufeats)} ` +
      `${percent(scores.lemma)} ${percent(scores.uas)} ${percent(scores.las)} ${percent(scores.lasWithSubtypes)}   ` +
      `${Math.round(scores.words / seconds)} words/s`,
  );
}

console.log(`${"file".padEnd(44)}  words   UPOS UFeats  Lemma    UAS    LAS LAS:sub`);
for (const file of testFiles) report(path.basename(file), readTreebank(file));
if (existsSync(novelGoldPath)) report(path.basename(novelGoldPath), readConllu(readFileSync(novelGoldPath, "utf8")));
