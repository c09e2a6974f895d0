// Where the Universal Dependencies treebanks are, and which files each use
// may read: training and development files to train, test files only to
// score (never to train or tune).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { readConllu, type ConlluSentence } from "@/lib/french/parser/conllu";

export const treebankDir = process.env.TREEBANK_DIR ?? path.resolve(process.cwd(), "../shared/treebanks");

export const trainingFiles = [
  "UD_French-Sequoia/fr_sequoia-ud-train.conllu",
  "UD_French-Sequoia/fr_sequoia-ud-dev.conllu",
  "UD_French-GSD/fr_gsd-ud-dev.conllu",
];

export const testFiles = ["UD_French-Sequoia/fr_sequoia-ud-test.conllu", "UD_French-GSD/fr_gsd-ud-test.conllu"];

export function treebanksPresent(): boolean {
  return existsSync(path.join(treebankDir, trainingFiles[0]!));
}

export function readTreebank(file: string): ConlluSentence[] {
  const full = path.join(treebankDir, file);
  if (!existsSync(full)) {
    throw new Error(`Treebank file ${full} is missing. Set TREEBANK_DIR to the folder holding UD_French-Sequoia and UD_French-GSD.`);
  }
  return readConllu(readFileSync(full, "utf8"));
}
