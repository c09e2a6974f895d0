// Parses French with the committed model and writes CoNLL-U.
//   npm run parse -- --input IN.conllu --output OUT.conllu   (words given: ID and FORM, multi-word token lines included)
//   npm run parse -- --text "Il s'assit, prit une plume et attendit."
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { frenchParser } from "@/lib/french/parser/french-parser";
import { readConllu, writeConllu } from "@/lib/french/parser/conllu";

const { values } = parseArgs({
  options: { input: { type: "string" }, output: { type: "string" }, text: { type: "string" } },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

if ((values.input === undefined) === (values.text === undefined)) fail("Give either --input FILE.conllu or --text \"…\".");
const parser = frenchParser();
const sentences =
  values.text !== undefined
    ? parser.parseText(values.text)
    : readConllu(readFileSync(values.input!, "utf8")).map((sentence) => parser.annotate(sentence, { wordsGiven: true }));
const output = writeConllu(sentences);
if (values.output === undefined) process.stdout.write(output);
else writeFileSync(values.output, output);
