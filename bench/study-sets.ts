// Study sets on three books: the sentences of Bovary, Les Misérables I and
// Swann as the local engine makes them (the corpus texts segmented and split
// to at most 8 words with lib/text, as the pipeline does, without PDFs), and
// a 2,000-word list (the books' own 2,000 most frequent content lemmas, as a
// frequency list would give). Measures matching, selection (improved, and
// plain lazy greedy on the same candidates), the sentences chosen, coverage
// and the lower bound.
//
//   npx tsx bench/study-sets.ts
//   BENCH_SENTENCES=40000 BENCH_LIST_WORDS=2000 BENCH_MAX_WORDS=8 BENCH_REPAIR_ROUNDS=20
import os from "node:os";
import { emptyReport, envInt, runBenchmark, seconds, type BenchReport } from "@/bench/support/report";
import { buildStudySet, matchCandidates, type BookSentence } from "@/lib/study-sets/build-study-set";
import { frequentLemmas } from "@/lib/study-sets/match-sentences";
import { selectSentences } from "@/lib/study-sets/select-sentences";
import { countWords } from "@/lib/text/count-words";
import { segmentSentences } from "@/lib/text/segment-sentences";
import { splitLongSentence } from "@/lib/text/split-long-sentence";
import { corpusParagraphs } from "@/tests/fixtures/corpus-text";

const novels = ["bovary", "miserables", "swann"];
// About what the fixture typesetter puts on a page.
const wordsPerPage = 345;

/** One book's sentences as the local engine would store them, up to `limit`. */
function bookSentences(name: string, jobId: string, limit: number, maxWords: number): BookSentence[] {
  const sentences: BookSentence[] = [];
  let words = 0;
  for (const paragraph of corpusParagraphs(name)) {
    for (const original of segmentSentences(paragraph)) {
      const page = 1 + Math.floor(words / wordsPerPage);
      words += countWords(original);
      for (const text of splitLongSentence(original, maxWords)) {
        if (sentences.length >= limit) return sentences;
        sentences.push({ jobId, position: sentences.length, text, original, page, wordCount: countWords(text) });
      }
    }
  }
  return sentences;
}

async function run(): Promise<BenchReport> {
  const totalSentences = envInt("BENCH_SENTENCES", 40_000);
  const listWords = envInt("BENCH_LIST_WORDS", 2000);
  const maxWords = envInt("BENCH_MAX_WORDS", 8);
  const maxSentences = envInt("BENCH_MAX_SENTENCES", 5000);
  const repairRounds = envInt("BENCH_REPAIR_ROUNDS", 20);
  const report = emptyReport(
    "study-sets",
    "6. Study sets",
    `Three corpus novels split as the local engine does (${totalSentences.toLocaleString("en")} sentences of at most ${maxWords} words) and a ${listWords}-word list (the books' most frequent content lemmas), through lib/study-sets/build-study-set.ts; plain lazy greedy runs on the same matched candidates.`,
  );
  report.settings = {
    sentences: totalSentences,
    listWords,
    maxWords,
    maxSentences,
    repairRounds,
    // The machine is shared: a high load inflates every time below.
    "load average (1 min) at start": os.loadavg()[0]!.toFixed(2),
  };

  const loadStarted = performance.now();
  const perBook = Math.ceil(totalSentences / novels.length);
  const sentences = novels.flatMap((name, index) => bookSentences(name, `book-${index}`, perBook, maxWords));
  const entries = frequentLemmas(
    sentences.map((sentence) => sentence.original).filter((text, index, all) => all[index - 1] !== text),
    listWords,
  );
  const loadMs = performance.now() - loadStarted;

  const buildStarted = performance.now();
  const result = await buildStudySet(sentences, { entries, maxWords, maxSentences });
  const buildMs = performance.now() - buildStarted;

  // The same candidates again, for both selections timed side by side.
  const { candidates } = await matchCandidates(sentences, entries, maxWords);
  const greedyStarted = performance.now();
  const greedy = selectSentences(candidates, { wordCount: entries.length, maxSentences, improve: false });
  const greedyMs = performance.now() - greedyStarted;
  const improvedStarted = performance.now();
  const improved = selectSentences(candidates, { wordCount: entries.length, maxSentences, repairRounds });
  const improvedMs = performance.now() - improvedStarted;

  const coverage = (covered: number) => `${covered} / ${entries.length} (${((100 * covered) / entries.length).toFixed(1)} %)`;
  report.tables.push({
    title: "Selection on the same candidates",
    columns: ["method", "time", "sentences", "coverage", "lower bound", "sentences / lower bound"],
    rows: [
      ["plain lazy greedy", seconds(greedyMs, 2), greedy.chosen.length, coverage(greedy.covered), greedy.lowerBound, (greedy.chosen.length / greedy.lowerBound).toFixed(2)],
      [
        `forced + lazy greedy + swaps + ${repairRounds} repair rounds`,
        seconds(improvedMs, 2),
        improved.chosen.length,
        coverage(improved.covered),
        improved.lowerBound,
        (improved.chosen.length / improved.lowerBound).toFixed(2),
      ],
    ],
  });
  const reasons = (reason: string) => result.uncovered.filter((word) => word.reason === reason).length;
  report.tables.push({
    title: "The whole study set (as the worker runs it)",
    columns: ["step", "time"],
    rows: [
      ["build sentences and list from the corpus (not part of a job)", seconds(loadMs)],
      [`match ${sentences.length} sentences (lemmatise, tag ambiguous forms)`, seconds(result.timings.matchMs)],
      [`select among ${result.candidates} candidates`, seconds(result.timings.selectMs, 2)],
      [`explain ${result.uncovered.length} uncovered words (absent ${reasons("absent")}, only in long sentences ${reasons("only_long")}, cap ${reasons("limit")})`, seconds(result.timings.uncoveredMs)],
      ["total", seconds(buildMs)],
    ],
  });
  report.targets.push({
    label: `selection time, ${sentences.length} sentences × ${entries.length} words`,
    target: "< 5 s",
    measured: seconds(improvedMs, 2),
    met: improvedMs < 5000,
  });
  report.targets.push({
    label: "improved set no larger than plain greedy's, at the same coverage",
    target: "holds",
    measured: `${improved.chosen.length} vs ${greedy.chosen.length} sentences, ${improved.covered} vs ${greedy.covered} words`,
    met: improved.chosen.length <= greedy.chosen.length && improved.covered >= greedy.covered,
  });
  report.notes.push(
    "The lower bound is the better of two LP-dual bounds (a packing of list words no two of which share a candidate sentence; each word priced 1 / the most list words of any sentence containing it): every cover needs at least that many sentences.",
    "Matching dominates a job's time; the fr-compromise tagger runs only on sentences where a form's readings have different lemmas of different word classes, one of them a list word, fifty sentences per call.",
  );
  return report;
}

if (import.meta.url === `file://${process.argv[1]}`) await runBenchmark(run);
