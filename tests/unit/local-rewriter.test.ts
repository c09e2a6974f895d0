// The offline rewriter shares the worker's event loop: while it parses a
// chunk's long sentences, the other chunks' transactions, heartbeats and
// timers get their turn (a chunk's Postgres transaction once timed out
// waiting for one, P2028), and a cancel stops it between two sentences.
// OFFLINE_RULES=false makes it cut only, as it did before the rules.
import { describe, expect, it } from "vitest";
import { createLocalRewriter } from "@/lib/engines/local-rewriter";
import { parseEnv } from "@/lib/env";
import { rewriteLocally } from "@/lib/rewriting/rewrite-locally";
import { splitLongSentence } from "@/lib/text/split-long-sentence";
import { corpusMissing } from "@/tests/fixtures/corpus-text";
import { longBovarySentences } from "@/tests/support/gemini-rewriter-under-test";

describe.skipIf(corpusMissing())("the offline rewriter on a chunk of Madame Bovary", () => {
  const sentences = longBovarySentences({ words: 12_000, count: 150, maxWords: 8 });

  it("lets the event loop run while it rewrites", async () => {
    const events: string[] = [];
    const rewriting = createLocalRewriter()
      .rewrite({ sentences, maxWords: 8, signal: new AbortController().signal })
      .then((result) => events.push(`rewritten ${result.outcomes.size}`));
    setImmediate(() => events.push("another handler ran"));
    await rewriting;
    expect(events).toEqual(["another handler ran", `rewritten ${sentences.length}`]);
  });

  it("only cuts, as before the rules, when told to (OFFLINE_RULES=false)", async () => {
    const signal = new AbortController().signal;
    const cut = await createLocalRewriter({ rules: false }).rewrite({ sentences, maxWords: 8, signal });
    expect([...cut.outcomes.values()].every((outcome) => outcome.method === "split")).toBe(true);
    expect(cut.outcomes.get(sentences[0]!.id)!.pieces).toEqual(splitLongSentence(sentences[0]!.text, 8));
    const rewritten = await createLocalRewriter({ rules: true }).rewrite({ sentences, maxWords: 8, signal });
    expect([...rewritten.outcomes.values()].some((outcome) => outcome.method === "rewritten")).toBe(true);
    expect(parseEnv({ OFFLINE_RULES: "false" }).OFFLINE_RULES).toBe(false);
    expect(parseEnv({}).OFFLINE_RULES).toBe(true);
  });

  it("cuts a sentence the rules fail on, and rewrites the rest of the chunk", async () => {
    // A bug in a parse repair once threw on "À trois pas d'Emma,": it must cost that sentence its rewrite, not the chunk.
    const failing = sentences[3]!.text;
    const rewrite = (text: string, maxWords: number) => {
      if (text === failing) throw new TypeError("Cannot read properties of undefined (reading 'index')");
      return rewriteLocally(text, maxWords);
    };
    const result = await createLocalRewriter({ rules: true, rewrite }).rewrite({ sentences, maxWords: 8, signal: new AbortController().signal });
    expect(result.outcomes.size).toBe(sentences.length);
    expect(result.outcomes.get(sentences[3]!.id)).toEqual({ pieces: splitLongSentence(failing, 8), method: "split" });
    expect(result.outcomes.get(sentences[4]!.id)!.pieces).toEqual(rewriteLocally(sentences[4]!.text, 8).pieces);
  });

  it("stops between two sentences when the chunk is cancelled", async () => {
    const controller = new AbortController();
    const rewriting = createLocalRewriter().rewrite({ sentences, maxWords: 8, signal: controller.signal });
    setImmediate(() => controller.abort(new Error("cancelled by the reader")));
    await expect(rewriting).rejects.toThrow("cancelled by the reader");
  });
});
