// The offline engine's answer for one long sentence: the rules' sentences
// where they fit the limit, a piece still over it cut between constituents
// (lib/text/split-long-sentence.ts), and the whole sentence cut, as before
// the rules existed, where their pieces fail the checks Gemini's answers
// pass (words lost, negations, locutions, dangling ends).
import { validatePieces } from "@/lib/engines/validate-rewrite";
import type { RewriteFailureReason, RewriteMethod } from "@/lib/engines/rewrite-types";
import { closedListViolations } from "@/lib/rewriting/closed-lists";
import { connectiveWords, dropConnectives, withoutConnective } from "@/lib/rewriting/drop-connectives";
import { parseCutCosts } from "@/lib/rewriting/parse-cut-costs";
import { rewriteWithRules, type RewriteRule } from "@/lib/rewriting/rewrite-sentence";
import { parseTree, type SentenceTree } from "@/lib/rewriting/sentence-tree";
import { countWords } from "@/lib/text/count-words";
import { splitLongSentence, type ParseCutCosts } from "@/lib/text/split-long-sentence";

export interface LocalRewrite {
  pieces: string[];
  /** "rewritten" when every piece is a sentence the rules wrote; "split" when any piece is a cut. */
  method: RewriteMethod;
  rules: RewriteRule[];
  /** Verbs the rules put in another tense (levant → levait); a connective dropped to fit the limit, as "" (donc → ""). */
  respelled: [from: string, to: string][];
  /** Why the rules' pieces were refused, when they were. */
  refused?: RewriteFailureReason;
}

// The rules add pronouns and forms of être, and drop "et" and relative
// pronouns: the share of the sentence's content words they keep is 1 unless
// a misparse lost some, which this catches.
const minContentShare = 0.95;

/** Connectives dropped to fit the limit, as words respelled as nothing, for the closed-list check. */
function asDropped(connectives: readonly string[]): [string, string][] {
  return connectiveWords(connectives).map((word) => [word, ""]);
}

export function rewriteLocally(sentence: string, maxWords: number): LocalRewrite {
  const { pieces: written, rules, respelled, tree, pieceTrees, dropped: droppedWords } = rewriteWithRules(sentence, maxWords);
  // The cut reads the sentence's parse, also in a piece the rules wrote (parsing it again costs a fifth of the engine's time).
  const parses = new Map<string, SentenceTree>([[sentence, tree], ...written.map((piece, index): [string, SentenceTree] => [piece, pieceTrees[index]!])]);
  const parseCosts: ParseCutCosts = (text, units) => {
    let parsed = parses.get(text);
    if (!parsed) parses.set(text, (parsed = parseTree(text)));
    return parseCutCosts(text, parsed, units);
  };
  const cutWhole = (refused?: RewriteFailureReason): LocalRewrite => ({
    pieces: splitLongSentence(sentence, maxWords, parseCosts),
    method: "split",
    rules: [],
    respelled: [],
    ...(refused ? { refused } : {}),
  });
  if (rules.length === 0) {
    // A sentence a connective puts over the limit loses it rather than being cut.
    const fitted = dropConnectives(sentence, maxWords);
    if (!fitted) return cutWhole();
    const verdict = validatePieces(fitted.text, [fitted.text], { maxWords, minContentShare });
    if (!verdict.ok) return cutWhole();
    return { pieces: verdict.pieces, method: "rewritten", rules: ["connective"], respelled: asDropped(fitted.dropped) };
  }
  // A piece that opens with a relative pronoun or "que" came out of a clause the rules could not read.
  if (written.slice(1).some((piece) => /^[^\p{L}]*(dont|qui|que|qu['’]|où|lequel|laquelle|lesquels|lesquelles)\b/iu.test(piece))) {
    return cutWhole("bad_start");
  }
  const usedRules = [...rules];
  const connectives: string[] = [];
  let cut = false;
  const pieces = written.flatMap((piece) => {
    if (countWords(piece) <= maxWords) return [piece];
    const fitted = dropConnectives(piece, maxWords);
    if (fitted) {
      usedRules.push("connective");
      connectives.push(...fitted.dropped);
      return [fitted.text];
    }
    cut = true;
    return splitLongSentence(piece, maxWords, parseCosts);
  });
  // The checks read the sentence without the connectives dropped on purpose, so that they still count every other word.
  const checked = connectives.reduce(withoutConnective, sentence);
  const verdict = validatePieces(checked, pieces, { maxWords, minContentShare, droppedWords });
  if (!verdict.ok) return cutWhole(verdict.reason);
  const allRespelled = [...respelled, ...asDropped(connectives)];
  const { added, dropped } = closedListViolations(sentence, pieces, allRespelled);
  if (added.length > 0) return cutWhole("invented");
  if (dropped.length > 0) return cutWhole("content_lost");
  return { pieces: verdict.pieces, method: cut ? "split" : "rewritten", rules: usedRules, respelled: allRespelled };
}
