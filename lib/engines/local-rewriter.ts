// The offline engine as a rewriter: every long sentence is rewritten by the
// rules on its parse (lib/rewriting), pieces the rules cannot bring under
// the limit cut between constituents. It costs no tokens and cannot fail;
// a sentence whose rewrite the checks refuse is cut whole, as before, and so
// is one the rules fail on (a bug there costs that sentence its rewrite, not
// the reader a chunk of the book). With OFFLINE_RULES=false it only cuts, as
// it did before the rules.
import type { RewriteInput, RewriteOutcome, RewriteResult, Rewriter } from "@/lib/engines/rewrite-types";
import { emptyGeminiUsage } from "@/lib/engines/gemini-call";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { loopYielder } from "@/lib/queue/yield-to-loop";
import { rewriteLocally } from "@/lib/rewriting/rewrite-locally";
import { splitLongSentence } from "@/lib/text/split-long-sentence";

type RewriteSentence = (text: string, maxWords: number) => RewriteOutcome;

/** The rules' rewrite, or the cut where the rules fail, logged with the sentence. */
function rewriteOrCut(rewrite: RewriteSentence, text: string, maxWords: number): RewriteOutcome {
  try {
    return rewrite(text, maxWords);
  } catch (error) {
    log.error({ err: error, sentence: text.slice(0, 300) }, "the offline rules failed on a sentence; it is cut instead");
    return { pieces: splitLongSentence(text, maxWords), method: "split" };
  }
}

/**
 * `rules: false` only cuts, without the parse; unset, as OFFLINE_RULES says.
 * `rewrite` is the rules' rewrite of one sentence (tests give one that fails).
 */
export function createLocalRewriter({
  rules = env().OFFLINE_RULES,
  rewrite = rewriteLocally,
}: { rules?: boolean; rewrite?: RewriteSentence } = {}): Rewriter {
  return {
    name: "local",
    async rewrite(input: RewriteInput): Promise<RewriteResult> {
      // A chunk's sentences take a second or more of parsing: between them the
      // other chunks' transactions and heartbeats get their turn, and a cancel is seen.
      const pause = loopYielder();
      const outcomes = new Map<string, RewriteOutcome>();
      for (const sentence of input.sentences) {
        input.signal.throwIfAborted();
        const outcome: RewriteOutcome = rules
          ? rewriteOrCut(rewrite, sentence.text, input.maxWords)
          : { pieces: splitLongSentence(sentence.text, input.maxWords), method: "split" };
        outcomes.set(sentence.id, { pieces: outcome.pieces, method: outcome.method });
        await pause();
      }
      return { outcomes, usage: emptyGeminiUsage() };
    },
  };
}
