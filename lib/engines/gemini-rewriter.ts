// Gemini as a rewriter: long sentences go in batches sized by a token
// budget, every answer is validated per id, the ids that fail are asked
// again once (in smaller batches, with the reason), and what fails twice
// falls back to the offline engine's rewrite (the rules, or the cut). A batch
// Gemini refuses (a blocked prompt, a SAFETY or RECITATION finish) is not
// asked again: its sentences take the offline rewrite at once, with the
// reason "refused", and the chunk goes on. Up to GEMINI_BATCHES_IN_FLIGHT batches are
// asked at once: a chunk that asked them one after another held its worker
// slot for (batches × latency), and small books waited behind it. A request
// that fails for good (after the transport retries of gemini-call.ts) stops
// the others and throws GeminiCallError with the tokens spent so far; the
// caller decides what happens to the chunk.
import {
  createGeminiCaller,
  emptyGeminiUsage,
  GeminiCallError,
  type GeminiCallOptions,
} from "@/lib/engines/gemini-call";
import {
  buildRewriteRequest,
  estimateTokens,
  maxOutputTokensFor,
  parseRewriteAnswer,
  rewriteResponseSchema,
  rewriteSystemInstruction,
} from "@/lib/engines/rewrite-prompt";
import type {
  RewriteContext,
  RewriteFailureReason,
  RewriteInput,
  RewriteOutcome,
  RewriteResult,
  RewriteSentence,
  Rewriter,
} from "@/lib/engines/rewrite-types";
import { validateRewrites, type RewriteVerdict } from "@/lib/engines/validate-rewrite";
import { rewriteLocally } from "@/lib/rewriting/rewrite-locally";

export interface GeminiRewriterOptions extends GeminiCallOptions {
  defaultModel: string;
  /** Estimated tokens of sentences and context per request (GEMINI_BATCH_TOKENS). */
  batchTokens: number;
  temperature: number;
  /** REWRITE_MIN_CONTENT_SHARE. */
  minContentShare: number;
  /** GEMINI_BATCHES_IN_FLIGHT: requests of one rewrite call sent at once. */
  batchesInFlight: number;
}

/** Asked-again batches are this much smaller: fewer ids per answer, less for the model to get wrong. */
const retryBatchDivisor = 4;

function contextText(context: RewriteContext | undefined): string {
  return [context?.before ?? "", context?.after ?? ""].join(" ").trim();
}

/**
 * Consecutive sentences grouped so that each group's estimated tokens (text
 * and context) stay within `budget`; a sentence bigger than the budget goes alone.
 */
export function batchSentences(
  sentences: readonly RewriteSentence[],
  budget: number,
  context?: ReadonlyMap<string, RewriteContext>,
): RewriteSentence[][] {
  const batches: RewriteSentence[][] = [];
  let current: RewriteSentence[] = [];
  let size = 0;
  for (const sentence of sentences) {
    // A neighbour already in the batch is not sent again as context (see buildRewriteRequest).
    const around = context?.get(sentence.id);
    const previous = current[current.length - 1];
    const before = around?.before && around.before !== previous?.text ? around.before : "";
    const cost =
      estimateTokens(sentence.text) + estimateTokens(`${before} ${around?.after ?? ""}`.trim());
    if (current.length > 0 && size + cost > budget) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(sentence);
    size += cost;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * Runs `task` on every item, at most `limit` at a time. The first failure
 * aborts the signal handed to the tasks still running and is thrown once
 * all of them have settled, so none is left writing to shared state.
 */
export async function forEachInFlight<T>(
  items: readonly T[],
  limit: number,
  signal: AbortSignal | undefined,
  task: (item: T, signal: AbortSignal) => Promise<void>,
): Promise<void> {
  const stop = new AbortController();
  const taskSignal = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
  let next = 0;
  let failure: { error: unknown } | undefined;
  async function lane(): Promise<void> {
    while (next < items.length && !failure) {
      const item = items[next++]!;
      try {
        await task(item, taskSignal);
      } catch (error) {
        failure ??= { error };
        stop.abort(error);
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (failure) throw failure.error;
}

/** A sentence whose answers were refused twice, or that Gemini refused: the rules' rewrite (or the cut), with the reason. */
function fallBackToRules(text: string, maxWords: number, reason: RewriteFailureReason): RewriteOutcome {
  const { pieces, method } = rewriteLocally(text, maxWords);
  return { pieces, method, fallbackReason: reason };
}

export function createGeminiRewriter(options: GeminiRewriterOptions): Rewriter {
  const callGemini = createGeminiCaller(options);
  const systemInstruction = rewriteSystemInstruction();

  return {
    name: "gemini",
    async rewrite(input: RewriteInput): Promise<RewriteResult> {
      const ids = new Set(input.sentences.map((sentence) => sentence.id));
      if (ids.size !== input.sentences.length) {
        throw new RangeError("rewrite: sentence ids must be unique");
      }
      const model = input.model ?? options.defaultModel;
      const usage = input.usage ?? emptyGeminiUsage();
      const context = new Map(
        input.sentences.map((sentence) => [
          sentence.id,
          contextText(input.context?.get(sentence.id)),
        ]),
      );

      async function ask(
        batch: RewriteSentence[],
        purpose: string,
        signal: AbortSignal,
        problems?: ReadonlyMap<string, string>,
      ): Promise<Map<string, RewriteVerdict>> {
        const answers = await callGemini({
          model,
          purpose,
          subject: "these sentences",
          systemInstruction,
          parts: [
            {
              text: buildRewriteRequest({
                sentences: batch,
                context: input.context,
                maxWords: input.maxWords,
                problems,
              }),
            },
          ],
          responseSchema: rewriteResponseSchema,
          temperature: options.temperature,
          maxOutputTokens: maxOutputTokensFor(batch),
          parse: parseRewriteAnswer,
          signal,
          usage,
        }).catch((error: unknown) => {
          // The refusal's tokens are already on usage; the batch falls back below.
          if (error instanceof GeminiCallError && error.kind === "refused") return undefined;
          throw error;
        });
        if (answers === undefined) {
          return new Map<string, RewriteVerdict>(
            batch.map((sentence) => [sentence.id, { ok: false, reason: "refused", detail: "" }]),
          );
        }
        return validateRewrites(batch, answers, {
          maxWords: input.maxWords,
          minContentShare: options.minContentShare,
          context,
        });
      }

      const outcomes = new Map<string, RewriteOutcome>();
      const problems = new Map<string, string>();
      // A request that fails for good ends the call once the requests beside
      // it have settled; the error then carries every request the call made.
      const eachBatch = async (
        batches: RewriteSentence[][],
        task: (batch: RewriteSentence[], signal: AbortSignal) => Promise<void>,
      ) => {
        try {
          await forEachInFlight(batches, options.batchesInFlight, input.signal, task);
        } catch (error) {
          throw error instanceof GeminiCallError ? error.withUsage(usage) : error;
        }
      };
      const batches = batchSentences(input.sentences, options.batchTokens, input.context);
      await eachBatch(batches, async (batch, signal) => {
        const verdicts = await ask(batch, "rewrite", signal);
        for (const sentence of batch) {
          const verdict = verdicts.get(sentence.id)!;
          if (verdict.ok) outcomes.set(sentence.id, { pieces: verdict.pieces, method: "rewritten" });
          else if (verdict.reason === "refused") {
            outcomes.set(sentence.id, fallBackToRules(sentence.text, input.maxWords, "refused"));
          } else problems.set(sentence.id, `${verdict.reason}: ${verdict.detail}`);
        }
      });

      // In the book's order, whichever batch answered first.
      const again = input.sentences.filter((sentence) => problems.has(sentence.id));
      const smaller = Math.max(1, Math.floor(options.batchTokens / retryBatchDivisor));
      const retries = batchSentences(again, smaller, input.context);
      await eachBatch(retries, async (batch, signal) => {
        const verdicts = await ask(batch, "rewrite-again", signal, problems);
        for (const sentence of batch) {
          const verdict = verdicts.get(sentence.id)!;
          outcomes.set(
            sentence.id,
            verdict.ok
              ? { pieces: verdict.pieces, method: "rewritten" }
              : fallBackToRules(sentence.text, input.maxWords, verdict.reason),
          );
        }
      });
      return { outcomes, usage };
    },
  };
}
