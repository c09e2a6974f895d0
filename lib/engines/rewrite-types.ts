// The rewriting contract (text-first design): the pipeline owns the book's
// sentences and asks a rewriter only about the long ones. A rewriter answers
// every id it was given, with pieces of at most maxWords words each, and says
// how each was produced: "rewritten" by the model and accepted by validation,
// or "split" locally (the local engine, or a model answer that failed
// validation twice, with the reason).
import type { GeminiTokenRecord } from "@/lib/engines/gemini-call";
import type { Engine } from "@/lib/generated/prisma/enums";

export interface RewriteSentence {
  /** Stable within the job; the answer is keyed by it. */
  id: string;
  text: string;
}

/** The sentences around one asked sentence, so the model can resolve "il" or "elle". */
export interface RewriteContext {
  before?: string;
  after?: string;
}

export interface RewriteInput {
  sentences: readonly RewriteSentence[];
  /** Neighbouring sentences per id; names and numbers found there may appear in the pieces. */
  context?: ReadonlyMap<string, RewriteContext>;
  maxWords: number;
  /** A Gemini model name; the rewriter's default when unset. */
  model?: string;
  signal: AbortSignal;
  /**
   * Receives the tokens of every request as it ends (the result's usage is
   * then this object), so a step that fails for any reason, an abort
   * included, still has what it spent.
   */
  usage?: RewriteUsage;
}

/** Why a sentence fell back to the local split. */
export const rewriteFailureReasons = [
  /** The model did not answer this id. */
  "missing",
  /** The model answered this id more than once. */
  "duplicate",
  /** No pieces, or a piece without a word. */
  "empty",
  /** A piece is over maxWords words. */
  "too_long",
  /** A name, number or quoted name the sentence and its neighbours do not have, or added words. */
  "invented",
  /** A negation of the sentence (ne…pas, jamais, rien…) is gone. */
  "negation_dropped",
  /** Too few of the sentence's content words are left. */
  "content_lost",
  /** A locution of the sentence ("peu à peu", "à cause de") is cut across two pieces. */
  "locution_split",
  /** A locution of the sentence is kept only in part ("à peu" left of "peu à peu"). */
  "locution_partial",
  /** A piece has only function words ("Et il.", "De la."). */
  "function_words_only",
  /** A piece ends on a word that opens a phrase ("Il regarde le.") or an auxiliary cut from its participle. */
  "dangling_end",
  /** A piece starts as a continuation: closing punctuation, or lower case after a full stop. */
  "bad_start",
  /** Gemini refused the sentence's batch (a blocked prompt, a SAFETY or RECITATION finish): never asked again. */
  "refused",
] as const;

export type RewriteFailureReason = (typeof rewriteFailureReasons)[number];

export type RewriteMethod = "rewritten" | "split";

export interface RewriteOutcome {
  pieces: string[];
  method: RewriteMethod;
  /** Set when method is "split" because the model's answer failed validation. */
  fallbackReason?: RewriteFailureReason;
}

export interface RewriteUsage {
  promptTokens: number;
  outputTokens: number;
  requests: number;
  /** One record per generateContent request, failed attempts included. */
  records: GeminiTokenRecord[];
}

export interface RewriteResult {
  /** One outcome per asked id. */
  outcomes: Map<string, RewriteOutcome>;
  usage: RewriteUsage;
}

export interface Rewriter {
  readonly name: Engine;
  rewrite(input: RewriteInput): Promise<RewriteResult>;
}
