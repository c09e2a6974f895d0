// The French parser on the corpus novels' long sentences (more than 8
// words, as the rewriting step sees them): load time of the model and of
// the Lefff it shares with the splitter, heap once loaded, and words parsed
// per second on one core, tokenising included; a 700-page book's long
// sentences are estimated from that rate.
//
//   npx tsx bench/french-parser.ts
//   BENCH_WORDS=200000
import os from "node:os";
import { emptyReport, envInt, runBenchmark, type BenchReport } from "@/bench/support/report";
import { loadLefff } from "@/lib/french/load-lefff";
import { frenchParser } from "@/lib/french/parser/french-parser";
import { countWords } from "@/lib/text/count-words";
import { segmentSentences } from "@/lib/text/segment-sentences";
import { corpusParagraphs } from "@/tests/fixtures/corpus-text";

const novels = ["bovary", "miserables", "swann"];
// A 700-page novel at about 345 words a page, as the fixture typesetter lays it out.
const bookWords = 700 * 345;

// The model's weights are typed arrays, outside the JavaScript heap: both count.
function heapMb(): number {
  globalThis.gc?.();
  const usage = process.memoryUsage();
  return (usage.heapUsed + usage.arrayBuffers) / 1e6;
}

async function run(): Promise<BenchReport> {
  const wanted = envInt("BENCH_WORDS", 200_000);
  const report = emptyReport(
    "french-parser",
    "12. French parser",
    `Long sentences (over 8 words) of three corpus novels, ${wanted.toLocaleString("en")} words, tokenised and parsed one by one with the committed model (lib/french/parser), in one process.`,
  );
  report.settings = { words: wanted, "load average (1 min) at start": os.loadavg()[0]!.toFixed(2) };

  const sentences: string[] = [];
  let longWords = 0;
  let allWords = 0;
  for (const name of novels) {
    for (const paragraph of corpusParagraphs(name)) {
      for (const sentence of segmentSentences(paragraph)) {
        const words = countWords(sentence);
        allWords += words;
        if (words <= 8 || longWords >= (wanted * (novels.indexOf(name) + 1)) / novels.length) continue;
        sentences.push(sentence);
        longWords += words;
      }
    }
  }
  const heapBefore = heapMb();
  let started = performance.now();
  loadLefff();
  const lefffSeconds = (performance.now() - started) / 1000;
  const heapWithLefff = heapMb();
  started = performance.now();
  const parser = frenchParser();
  const modelSeconds = (performance.now() - started) / 1000;
  const heapWithModel = heapMb();

  const passes: number[] = [];
  let parsedWords = 0;
  for (let pass = 0; pass < 3; pass += 1) {
    const cpuStart = process.cpuUsage();
    parsedWords = 0;
    for (const sentence of sentences) {
      for (const token of parser.parseSentence(sentence).tokens) parsedWords += token.words.length;
    }
    const cpu = process.cpuUsage(cpuStart);
    passes.push(parsedWords / ((cpu.user + cpu.system) / 1e6));
  }
  const rate = Math.max(...passes);
  const longShare = longWords / Math.max(1, allWords);
  const bookSeconds = (bookWords * longShare * (parsedWords / longWords)) / rate;

  report.tables.push({
    title: "Loading and parsing",
    columns: ["measure", "value"],
    rows: [
      ["sentences parsed", sentences.length],
      ["words parsed (UD words, punctuation included)", parsedWords],
      ["Lefff load (shared with the splitter)", `${lefffSeconds.toFixed(2)} s`],
      ["model load", `${modelSeconds.toFixed(2)} s`],
      ["heap and array buffers: Lefff", `${(heapWithLefff - heapBefore).toFixed(0)} MB`],
      ["heap and array buffers: model", `${(heapWithModel - heapWithLefff).toFixed(0)} MB`],
      ["words per CPU second, passes 1–3", passes.map((value) => Math.round(value).toLocaleString("en")).join(" / ")],
      ["CPU per sentence, best pass", `${((parsedWords / rate / sentences.length) * 1000).toFixed(2)} ms`],
      ["share of a novel's words in long sentences", `${(longShare * 100).toFixed(0)} %`],
      ["estimated CPU for a 700-page book's long sentences", `${bookSeconds.toFixed(1)} s`],
    ],
  });
  report.targets.push(
    { label: "words per second per core, once loaded", target: "≥ 20,000", measured: Math.round(rate).toLocaleString("en"), met: rate >= 20_000 },
    { label: "model load", target: "≤ 1.5 s", measured: `${modelSeconds.toFixed(2)} s`, met: modelSeconds <= 1.5 },
    {
      label: "heap of the model",
      target: "≤ 120 MB",
      measured: `${(heapWithModel - heapWithLefff).toFixed(0)} MB`,
      met: heapWithModel - heapWithLefff <= 120,
    },
  );
  report.notes.push(
    "The Lefff is loaded by the splitter and validation anyway; its heap and load time are shown apart from the model's.",
    "Accuracy is measured by `npm run parse:eval` and floored in tests/unit/french-parser.test.ts.",
  );
  return report;
}

await runBenchmark(run);
