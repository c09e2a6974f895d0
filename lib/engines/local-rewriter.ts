// The offline engine as a rewriter: every long sentence is split locally
// between constituents, never losing, adding or reordering a word. It costs
// no tokens and cannot fail, so every outcome is method "split" with no
// fallback reason.
import type { RewriteInput, RewriteResult, Rewriter } from "@/lib/engines/rewrite-types";
import { emptyGeminiUsage } from "@/lib/engines/gemini-call";
import { splitLongSentence } from "@/lib/text/split-long-sentence";

export function createLocalRewriter(): Rewriter {
  return {
    name: "local",
    async rewrite(input: RewriteInput): Promise<RewriteResult> {
      input.signal.throwIfAborted();
      const outcomes = new Map(
        input.sentences.map((sentence) => [
          sentence.id,
          {
            pieces: splitLongSentence(sentence.text, input.maxWords),
            method: "split" as const,
          },
        ]),
      );
      return { outcomes, usage: emptyGeminiUsage() };
    },
  };
}
