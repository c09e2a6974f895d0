// The core of a study set, free of the database: match the books' short
// sentences against the list, choose the fewest that cover it, and explain
// every word left out. Used by the worker and the benchmark. It gives the
// event loop a turn every few milliseconds (lib/queue/yield-to-loop.ts):
// in the worker it runs beside chunk handlers and their heartbeats.
import { buildMatcher, matchSentence, matchSentences, type SentenceMatch } from "@/lib/study-sets/match-sentences";
import type { WordListEntry } from "@/lib/study-sets/parse-word-list";
import { selectSentencesYielding, type CoverCandidate } from "@/lib/study-sets/select-sentences";
import type { StudySetResult, UncoveredReason } from "@/lib/study-sets/study-set-result";
import type { StudySetStep } from "@/lib/study-sets/study-set-states";
import { loopYielder } from "@/lib/queue/yield-to-loop";

export interface BookSentence {
  jobId: string;
  position: number;
  text: string;
  original: string;
  page: number;
  wordCount: number;
}

export interface BuildStudySetOptions {
  entries: WordListEntry[];
  maxWords: number;
  maxSentences: number;
  preferFewerUnknown?: boolean;
  /** False: plain greedy (the benchmark's baseline). */
  improve?: boolean;
  /**
   * Called now and then with the share of the work done; it may throw to
   * stop (a cancelled set). Matching is most of the work.
   */
  checkpoint?: (done: number, step: StudySetStep) => Promise<void>;
}

const checkpointEvery = 500;
/** Sentences matched between two chances to give the event loop a turn. */
const matchSlice = 250;

export interface MatchedCandidates {
  candidates: CoverCandidate[];
  sentences: { sentence: BookSentence; match: SentenceMatch }[];
}

/** The short-enough sentences that contain list words, each distinct text once, as cover candidates. */
export async function matchCandidates(
  sentences: BookSentence[],
  entries: WordListEntry[],
  maxWords: number,
  checkpoint: (done: number, step: StudySetStep) => Promise<void> = async () => {},
): Promise<MatchedCandidates> {
  const matcher = buildMatcher(entries);
  const short = sentences.filter((sentence) => sentence.wordCount <= maxWords);
  // The same short sentence twice ("Oui.") teaches nothing new: match it once, offer it once.
  const seen = new Set<string>();
  const distinct = short.filter((sentence) => !seen.has(sentence.text) && seen.add(sentence.text));
  const candidates: CoverCandidate[] = [];
  const matched: MatchedCandidates["sentences"] = [];
  const pause = loopYielder();
  for (let first = 0; first < distinct.length; first += matchSlice) {
    if (first % checkpointEvery === 0) await checkpoint((0.85 * first) / distinct.length, "matching");
    else await pause();
    const block = distinct.slice(first, first + matchSlice);
    const matches = matchSentences(
      matcher,
      block.map((sentence) => sentence.text),
    );
    block.forEach((sentence, index) => {
      const match = matches[index]!;
      if (match.matches.length === 0) return;
      candidates.push({
        words: match.matches.map((found) => found.entry),
        length: sentence.wordCount,
        unknown: match.unknown,
      });
      matched.push({ sentence, match });
    });
  }
  return { candidates, sentences: matched };
}

export async function buildStudySet(sentences: BookSentence[], options: BuildStudySetOptions): Promise<StudySetResult> {
  const { entries, maxWords } = options;
  const checkpoint = options.checkpoint ?? (async () => {});

  const matchStarted = performance.now();
  const { candidates, sentences: candidateSentences } = await matchCandidates(sentences, entries, maxWords, checkpoint);
  const matchMs = performance.now() - matchStarted;

  await checkpoint(0.85, "selecting");
  const selectStarted = performance.now();
  const cover = await selectSentencesYielding(candidates, {
    wordCount: entries.length,
    maxSentences: options.maxSentences,
    preferFewerUnknown: options.preferFewerUnknown,
    improve: options.improve,
  });
  const selectMs = performance.now() - selectStarted;

  await checkpoint(0.9, "explaining");
  const uncoveredStarted = performance.now();
  const coveredEntries = new Set(cover.chosen.flatMap((index) => candidates[index]!.words));
  const coverable = new Set(candidates.flatMap((candidate) => candidate.words));
  const missing = entries.map((_, index) => index).filter((index) => !coveredEntries.has(index));
  const reasons = new Map<number, UncoveredReason>();
  for (const index of missing) if (coverable.has(index)) reasons.set(index, "limit");
  const unexplained = missing.filter((index) => !reasons.has(index));
  if (unexplained.length > 0) {
    // Anywhere in the books? Long sentences and the originals, every reading counted.
    const narrowMatcher = buildMatcher(unexplained.map((index) => entries[index]!));
    const found = new Set<number>();
    const texts = new Set<string>();
    for (const sentence of sentences) {
      if (sentence.wordCount > maxWords) texts.add(sentence.text);
      texts.add(sentence.original);
    }
    const pause = loopYielder();
    for (const text of texts) {
      if (found.size === unexplained.length) break;
      await pause();
      for (const hit of matchSentence(narrowMatcher, text, true).matches) found.add(hit.entry);
    }
    unexplained.forEach((index, narrowIndex) => reasons.set(index, found.has(narrowIndex) ? "only_long" : "absent"));
  }
  const uncoveredMs = performance.now() - uncoveredStarted;

  const jobOrder = new Map<string, number>();
  for (const sentence of sentences) if (!jobOrder.has(sentence.jobId)) jobOrder.set(sentence.jobId, jobOrder.size);
  const chosen = cover.chosen
    .map((index) => candidateSentences[index]!)
    .sort(
      (a, b) =>
        jobOrder.get(a.sentence.jobId)! - jobOrder.get(b.sentence.jobId)! || a.sentence.position - b.sentence.position,
    );

  return {
    coverage: { total: entries.length, covered: coveredEntries.size },
    lowerBound: cover.lowerBound,
    greedyCount: cover.greedyCount,
    candidates: candidates.length,
    sentences: chosen.map(({ sentence, match }) => ({
      jobId: sentence.jobId,
      position: sentence.position,
      text: sentence.text,
      original: sentence.original,
      page: sentence.page,
      words: match.matches.map((found) => ({ word: entries[found.entry]!.word, form: found.form })),
    })),
    uncovered: missing.map((index) => ({ word: entries[index]!.word, reason: reasons.get(index)! })),
    timings: { matchMs: Math.round(matchMs), selectMs: Math.round(selectMs), uncoveredMs: Math.round(uncoveredMs) },
  };
}
