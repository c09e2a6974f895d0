// Random rows of a corpus novel as the offline engine makes them (kept,
// rewritten by the rules, or cut), each with its original sentence: what a
// teacher reads to grade usable / partial / broken. Fixed seed, so the same
// command gives the same rows. With --rules, random sentences the rules
// rewrote instead, each with all its pieces and the rules that fired: what
// to read for wrong rewrites (a wrong subject, a clause that does not stand).
//   npx tsx scripts/sample-rows.ts [--book bovary] [--words 41000] [--rows 30] [--seed 20261205] [--max-words 8] [--rules]
import { parseArgs } from "node:util";
import { rewriteLocally } from "@/lib/rewriting/rewrite-locally";
import { contentsEntries } from "@/lib/text/contents-entries";
import { countWords } from "@/lib/text/count-words";
import { segmentSentences } from "@/lib/text/segment-sentences";
import { seededRandom } from "@/lib/french/parser/random";
import { corpusParagraphs } from "@/tests/fixtures/corpus-text";

const { values } = parseArgs({
  options: {
    book: { type: "string", default: "bovary" },
    words: { type: "string", default: "41000" },
    rows: { type: "string", default: "30" },
    seed: { type: "string", default: "20261205" },
    "max-words": { type: "string", default: "8" },
    rules: { type: "boolean", default: false },
  },
});
const maxWords = Number(values["max-words"]);
const rows: { text: string; method: string; original: string }[] = [];
// With --rules, what is drawn is one rewritten sentence: the rules and every piece.
const rewrites: { text: string; method: string; original: string }[] = [];
let words = 0;
outer: for (const paragraph of corpusParagraphs(values.book)) {
  // A table of contents run together is heading rows, as the pipeline reads it.
  const entries = contentsEntries(paragraph);
  if (entries) {
    for (const entry of entries) rows.push({ text: entry, method: "heading", original: entry });
    continue;
  }
  for (const sentence of segmentSentences(paragraph)) {
    words += countWords(sentence);
    if (words > Number(values.words)) break outer;
    if (countWords(sentence) <= maxWords) {
      rows.push({ text: sentence, method: "kept", original: sentence });
      continue;
    }
    const { pieces, method, rules } = rewriteLocally(sentence, maxWords);
    for (const piece of pieces) rows.push({ text: piece, method, original: sentence });
    if (rules.length > 0) rewrites.push({ text: pieces.join(" / "), method: `${method} ${rules.join(",")}`, original: sentence });
  }
}
const sampled = values.rules ? rewrites : rows;
const random = seededRandom(Number(values.seed));
const picked = new Set<number>();
while (picked.size < Math.min(Number(values.rows), sampled.length)) picked.add(Math.floor(random() * sampled.length));
for (const index of [...picked].sort((a, b) => a - b)) {
  const row = sampled[index]!;
  console.log(`${index}\t${row.method}\t${row.text}\n\t\t[${row.original}]`);
}
