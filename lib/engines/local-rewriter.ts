// The offline engine as a rewriter: every long sentence is rewritten by the
// rules on its parse (lib/rewriting), pieces the rules cannot bring under
// the limit cut between constituents. It costs no tokens and cannot fail;
// a sentence whose rewrite the checks refuse is cut whole, as before.
import type { RewriteInput, RewriteResult, Rewriter } from "@/lib/engines/rewrite-types";
import { emptyGeminiUsage } from "@/lib/engines/gemini-call";
import { rewriteLocally } from "@/lib/rewriting/rewrite-locally";

export function createLocalRewriter(): Rewriter {
  return {
    name: "local",
    async rewrite(input: RewriteInput): Promise<RewriteResult> {
      input.signal.throwIfAborted();
      const outcomes = new Map(
        input.sentences.map((sentence) => {
          const { pieces, method } = rewriteLocally(sentence.text, input.maxWords);
          return [sentence.id, { pieces, method }];
        }),
      );
      return { outcomes, usage: emptyGeminiUsage() };
    },
  };
}
