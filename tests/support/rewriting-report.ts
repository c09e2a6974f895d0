// What the offline engine makes of a book's sentences, counted the way the
// rewriting issue asks: rows by method, how many rows read as sentences by
// the parse, rules fired, sentences cut whole and why, and words added or
// lost outside the closed lists (both must be 0).
import { closedListViolations } from "@/lib/rewriting/closed-lists";
import { rewriteLocally } from "@/lib/rewriting/rewrite-locally";
import { readsAsSentence } from "@/lib/rewriting/rewrite-sentence";
import { countWords } from "@/lib/text/count-words";

export interface RewritingReport {
  sentences: number;
  rows: number;
  rowsByMethod: Record<"kept" | "rewritten" | "split", number>;
  /** Rows whose parse has a finite verb and its subject (or is an imperative). */
  rowsReadingAsSentences: number;
  rulesFired: Record<string, number>;
  /** Long sentences whose rules' rewrite a check refused, so they were cut whole, by reason. */
  refused: Record<string, number>;
  wordsAddedOutsideList: number;
  wordsLostOutsideList: number;
}

export function rewritingReport(sentences: readonly string[], maxWords: number): RewritingReport {
  const report: RewritingReport = {
    sentences: sentences.length,
    rows: 0,
    rowsByMethod: { kept: 0, rewritten: 0, split: 0 },
    rowsReadingAsSentences: 0,
    rulesFired: {},
    refused: {},
    wordsAddedOutsideList: 0,
    wordsLostOutsideList: 0,
  };
  for (const sentence of sentences) {
    const long = countWords(sentence) > maxWords;
    const result = long ? rewriteLocally(sentence, maxWords) : { pieces: [sentence], method: "kept" as const, rules: [], respelled: [] };
    report.rows += result.pieces.length;
    report.rowsByMethod[result.method] += result.pieces.length;
    for (const piece of result.pieces) if (readsAsSentence(piece)) report.rowsReadingAsSentences += 1;
    for (const rule of result.rules) report.rulesFired[rule] = (report.rulesFired[rule] ?? 0) + 1;
    if ("refused" in result && result.refused) report.refused[result.refused] = (report.refused[result.refused] ?? 0) + 1;
    const { added, dropped } = closedListViolations(sentence, result.pieces, result.respelled);
    report.wordsAddedOutsideList += added.length;
    report.wordsLostOutsideList += dropped.length;
  }
  return report;
}
