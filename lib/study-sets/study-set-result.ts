// The shape of a finished study set, stored on StudySet.result and served by
// the API; shared by the worker, the routes, the exports and the UI.

export interface StudySetWord {
  word: string;
  /** The form found in the sentence (`allait` for `aller`). */
  form: string;
}

export interface StudySetSentence {
  jobId: string;
  position: number;
  text: string;
  original: string;
  page: number;
  words: StudySetWord[];
}

/**
 * Why a list word is not in the set: `absent` from every chosen book,
 * `only_long` (only in sentences longer than the set's word limit, or in
 * originals before rewriting), or `limit` (in a short sentence, but the
 * sentence cap was reached first).
 */
export type UncoveredReason = "absent" | "only_long" | "limit";

export interface UncoveredWord {
  word: string;
  reason: UncoveredReason;
}

export interface StudySetResult {
  coverage: { total: number; covered: number };
  /** No set covering every coverable word has fewer sentences. */
  lowerBound: number;
  /** What plain greedy chose before the improvement steps, for comparison. */
  greedyCount: number;
  /** Short-enough sentences that contain at least one list word. */
  candidates: number;
  sentences: StudySetSentence[];
  uncovered: UncoveredWord[];
  timings: { matchMs: number; selectMs: number; uncoveredMs: number };
}
