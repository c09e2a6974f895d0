// The offline engine's answer for one long sentence: the rules' sentences
// where they fit the limit, a piece still over it cut between constituents
// (lib/text/split-long-sentence.ts), and the whole sentence cut, as before
// the rules existed, where their pieces fail the checks Gemini's answers
// pass (words lost, negations, locutions, dangling ends).
import { validatePieces } from "@/lib/engines/validate-rewrite";
import type { RewriteFailureReason, RewriteMethod } from "@/lib/engines/rewrite-types";
import { closedListViolations } from "@/lib/rewriting/closed-lists";
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
  /** Verbs the rules put in another tense (levant → levait). */
  respelled: [from: string, to: string][];
  /** Why the rules' pieces were refused, when they were. */
  refused?: RewriteFailureReason;
}

// The rules add pronouns and forms of être, and drop "et" and relative
// pronouns: the share of the sentence's content words they keep is 1 unless
// a misparse lost some, which this catches.
const minContentShare = 0.95;

export function rewriteLocally(sentence: string, maxWords: number): LocalRewrite {
  const { pieces: written, rules, respelled, tree, dropped: droppedWords } = rewriteWithRules(sentence, maxWords);
  // The cut reads the parse too: of the sentence, or of a piece the rules wrote.
  const parses = new Map<string, SentenceTree>([[sentence, tree]]);
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
  if (rules.length === 0) return cutWhole();
  // A piece that opens with a relative pronoun or "que" came out of a clause the rules could not read.
  if (written.slice(1).some((piece) => /^[^\p{L}]*(dont|qui|que|qu['’]|où|lequel|laquelle|lesquels|lesquelles)\b/iu.test(piece))) {
    return cutWhole("bad_start");
  }
  const pieces = written.flatMap((piece) => (countWords(piece) > maxWords ? splitLongSentence(piece, maxWords, parseCosts) : [piece]));
  const verdict = validatePieces(sentence, pieces, { maxWords, minContentShare, droppedWords });
  if (!verdict.ok) return cutWhole(verdict.reason);
  const { added, dropped } = closedListViolations(sentence, pieces, respelled);
  if (added.length > 0) return cutWhole("invented");
  if (dropped.length > 0) return cutWhole("content_lost");
  const cut = written.some((piece) => countWords(piece) > maxWords);
  return { pieces: verdict.pieces, method: cut ? "split" : "rewritten", rules, respelled };
}
