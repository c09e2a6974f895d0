// How long a study set holds the worker's event loop (chunk handlers,
// heartbeats and pg-boss polling share it): the longest stretch without a
// turn of the loop while one set is built on three novels, with a
// 2,000-word list and with the books' own 300 most frequent words.
//
//   npx tsx bench/study-set-event-loop.ts
//   BENCH_SENTENCES=40000 BENCH_LIST_WORDS=2000
import os from "node:os";
import { envInt } from "@/bench/support/report";
import { buildStudySet, type BookSentence } from "@/lib/study-sets/build-study-set";
import { buildMatcher, frequentLemmas, frequentLemmasYielding, matchSentences } from "@/lib/study-sets/match-sentences";
import { countWords } from "@/lib/text/count-words";
import { segmentSentences } from "@/lib/text/segment-sentences";
import { splitLongSentence } from "@/lib/text/split-long-sentence";
import { corpusParagraphs } from "@/tests/fixtures/corpus-text";

const novels = ["bovary", "miserables", "swann"];

function bookSentences(name: string, jobId: string, limit: number, maxWords: number): BookSentence[] {
  const sentences: BookSentence[] = [];
  let words = 0;
  for (const paragraph of corpusParagraphs(name)) {
    for (const original of segmentSentences(paragraph)) {
      const page = 1 + Math.floor(words / 345);
      words += countWords(original);
      for (const text of splitLongSentence(original, maxWords)) {
        if (sentences.length >= limit) return sentences;
        sentences.push({ jobId, position: sentences.length, text, original, page, wordCount: countWords(text) });
      }
    }
  }
  return sentences;
}

/** Runs `work` while a 1 ms timer notes the longest gap between its turns. */
async function longestBlock(work: () => Promise<unknown>): Promise<{ longestMs: number; totalMs: number }> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  const started = performance.now();
  await work();
  const totalMs = performance.now() - started;
  clearInterval(timer);
  longest = Math.max(longest, performance.now() - last);
  return { longestMs: Math.round(longest), totalMs: Math.round(totalMs) };
}

const totalSentences = envInt("BENCH_SENTENCES", 40_000);
const listWords = envInt("BENCH_LIST_WORDS", 2000);
const maxWords = 8;
const perBook = Math.ceil(totalSentences / novels.length);
const sentences = novels.flatMap((name, index) => bookSentences(name, `book-${index}`, perBook, maxWords));
const list = frequentLemmas(
  sentences.map((sentence) => sentence.original).filter((text, index, all) => all[index - 1] !== text),
  listWords,
);
// The worker's checkpoint writes progress to the database: a turn of the loop.
const checkpoint = () => new Promise<void>((resolve) => setImmediate(resolve));
// The part-of-speech tagger loads on its first use, once per process (and
// the worker's book handlers load it anyway): measured apart.
const warmUp = await longestBlock(async () => matchSentences(buildMatcher(list), sentences.slice(0, 50).map((sentence) => sentence.text)));
console.log(`tagger's first use: ${warmUp.longestMs} ms`);
console.log(`load average ${os.loadavg()[0]!.toFixed(2)}; ${sentences.length} sentences, ${list.length}-word list`);
const withList = await longestBlock(() => buildStudySet(sentences, { entries: list, maxWords, maxSentences: 5000, checkpoint }));
console.log(`list of ${list.length} words: longest block ${withList.longestMs} ms of ${withList.totalMs} ms`);
const withTop = await longestBlock(async () => {
  const entries = await frequentLemmasYielding(
    sentences.map((sentence) => sentence.text),
    300,
  );
  return buildStudySet(sentences, { entries, maxWords, maxSentences: 500, checkpoint });
});
console.log(`top 300 words: longest block ${withTop.longestMs} ms of ${withTop.totalMs} ms`);
