// The offline rewriter shares the worker's event loop: while it parses a
// chunk's long sentences, the other chunks' transactions, heartbeats and
// timers get their turn (a chunk's Postgres transaction once timed out
// waiting for one, P2028), and a cancel stops it between two sentences.
import { describe, expect, it } from "vitest";
import { createLocalRewriter } from "@/lib/engines/local-rewriter";
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

  it("stops between two sentences when the chunk is cancelled", async () => {
    const controller = new AbortController();
    const rewriting = createLocalRewriter().rewrite({ sentences, maxWords: 8, signal: controller.signal });
    setImmediate(() => controller.abort(new Error("cancelled by the reader")));
    await expect(rewriting).rejects.toThrow("cancelled by the reader");
  });
});
