// Reports the quality of the local engine's pieces on the corpus books (see
// tests/support/quality-report.ts for what is counted), and optionally writes
// a fixed-seed random sample of cut pieces to read by hand, each followed by
// its whole sentence with the cuts marked ‖. It measures on the test
// fixtures with the test tooling, so it sits with the benchmarks rather than
// with the product's commands in scripts/.
//   npx tsx bench/check-quality.ts [--pages 120] [--max-words 8] [--sample out.txt]
import { writeFileSync } from "node:fs";
import { seededRandom } from "@/lib/french/parser/random";
import { parseArgs } from "node:util";
import {
  loadBaudelaire,
  makeQualityNovel,
  qualityNovelNames,
  readBookRows,
  type QualityBook,
} from "@/tests/support/quality-books";
import { checkQuality, type CheckedRow } from "@/tests/support/quality-report";
import { rewritingReport } from "@/tests/support/rewriting-report";
import { corpusParagraphs } from "@/tests/fixtures/corpus-text";
import { segmentSentences } from "@/lib/text/segment-sentences";

const { values } = parseArgs({
  options: {
    pages: { type: "string" },
    "max-words": { type: "string", default: "8" },
    sample: { type: "string" },
    seed: { type: "string", default: "11" },
  },
});
const pages = values.pages === undefined ? undefined : Number(values.pages);
const maxWords = Number(values["max-words"]);


const books: QualityBook[] = [];
for (const name of qualityNovelNames) books.push(await makeQualityNovel(name, pages));
const baudelaire = loadBaudelaire();
if (baudelaire) books.push(baudelaire);

const cutPieces: { book: string; row: CheckedRow; pieces: string[] }[] = [];
for (const book of books) {
  const started = performance.now();
  const { rows, frontMatterPages, backMatterPages } = await readBookRows(book, maxWords);
  const seconds = (performance.now() - started) / 1000;
  const report = checkQuality(rows, book.truth);
  const { examples, ...figures } = report;
  const matter = `matter pages found ${frontMatterPages}+${backMatterPages}, set ${book.frontMatterPages ?? "?"}+${book.backMatterPages ?? "?"}`;
  console.log(`${book.name} (${book.pageCount} pages, ${seconds.toFixed(1)} s, ${matter}):`, JSON.stringify(figures));
  console.log("  hanging:", examples.hanging.slice(0, 6).join(" | "));
  console.log("  names:", examples.names.slice(0, 6).join(" | "));
  console.log("  inner ; or :", examples.innerBreaks.slice(0, 6).join(" | "));
  console.log("  verb ‖ complement:", examples.verbs.slice(0, 6).join(" | "));
  console.log("  subject ‖ verb:", examples.subjects.slice(0, 6).join(" | "));
  if (examples.matter.length > 0) console.log("  matter:", examples.matter.slice(0, 4).join(" | "));
  if (examples.glued.length > 0) console.log("  glued:", examples.glued.slice(0, 4).join(" | "));
  if (examples.lost.length > 0) console.log("  lost:", examples.lost.join(" | "));
  rows.forEach((row, index) => {
    const cut = rows[index - 1]?.original === row.original || rows[index + 1]?.original === row.original;
    if (!cut || row.kind === "heading") return;
    // The whole sentence as it was cut, so the sample reads each piece in its place.
    let first = index;
    while (rows[first - 1]?.original === row.original) first--;
    let last = index;
    while (rows[last + 1]?.original === row.original) last++;
    const pieces = rows.slice(first, last + 1).map((piece) => piece.text);
    cutPieces.push({ book: book.name, row, pieces });
  });
}

if (values.sample) {
  const random = seededRandom(Number(values.seed));
  const picked = new Set<number>();
  while (picked.size < Math.min(100, cutPieces.length)) picked.add(Math.floor(random() * cutPieces.length));
  const lines = [...picked].map((index, n) => {
    const { book, row, pieces } = cutPieces[index]!;
    return `${n + 1}\t${book}\t${row.text}\t[${pieces.join(" ‖ ")}]`;
  });
  writeFileSync(values.sample, `${lines.join("\n")}\n`);
  console.log(`sample of ${lines.length} cut pieces written to ${values.sample}`);
}

// The offline engine's rewriting on each novel's text (the path the worker
// takes for every long sentence), without the PDF: --pages limits it too,
// at about 345 words a page.
console.log("\nOffline rewriting (lib/rewriting), rows at most", maxWords, "words:");
for (const name of qualityNovelNames) {
  const sentences: string[] = [];
  let words = 0;
  for (const paragraph of corpusParagraphs(name)) {
    for (const sentence of segmentSentences(paragraph)) {
      if (pages !== undefined && words > pages * 345) break;
      words += sentence.split(/\s+/u).length;
      sentences.push(sentence);
    }
  }
  const started = performance.now();
  const report = rewritingReport(sentences, maxWords);
  const seconds = (performance.now() - started) / 1000;
  const share = (count: number) => `${((100 * count) / Math.max(1, report.rows)).toFixed(1)} %`;
  console.log(
    `${name} (${report.sentences} sentences, ${seconds.toFixed(1)} s): ${report.rows} rows; kept ${share(report.rowsByMethod.kept)}, ` +
      `rewritten ${share(report.rowsByMethod.rewritten)}, split ${share(report.rowsByMethod.split)}; ` +
      `rows reading as sentences ${share(report.rowsReadingAsSentences)}; words added / lost outside the closed lists ` +
      `${report.wordsAddedOutsideList} / ${report.wordsLostOutsideList}`,
  );
  console.log("  rules fired:", JSON.stringify(report.rulesFired));
  console.log("  cut whole after a refused rewrite:", JSON.stringify(report.refused));
}
