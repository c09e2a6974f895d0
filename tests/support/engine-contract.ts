// The whole-PDF engine contract of the first design, kept for tests and
// benchmarks only: the local reference engine (tests/support/local-engine.ts)
// and the chunk-PDF Gemini engine the token benchmark compares with
// (bench/support/pdf-inline-engine.ts). The product's pipeline reads the
// text itself and asks a rewriter (lib/engines/rewrite-types.ts).
//
// An engine gets one chunk PDF and returns every sentence of its pages
// (overlap pages included), each tagged with the book page where it starts.
// One original sentence yields 1..k consecutive entries that share its `id`
// and `original`, each `text` at most `maxWords` words.
import type { EngineUsage } from "@/lib/engines/engine-error";

export interface EngineSentence {
  /** The original's id, shared by its pieces (as the pipeline's `<chunk index>.<ordinal>`). */
  id: string;
  /** The rewritten piece, at most maxWords words. */
  text: string;
  /** The full original sentence this piece comes from. */
  original: string;
  /** Book page (1-based) where the original sentence starts. */
  page: number;
  /** A heading ("Première partie", "XII"): its own row, never part of a sentence. Absent for sentences. */
  kind?: "heading";
  /** From a page that looks like a publisher's page (title, notice, contents, colophon). */
  matter?: boolean;
}

export interface EngineInput {
  /** The chunk PDF; its page 1 is book page `firstPage`. */
  pdf: Uint8Array;
  firstPage: number;
  lastPage: number;
  ownedFirst: number;
  ownedLast: number;
  maxWords: number;
  model?: string;
  signal: AbortSignal;
}

export interface EngineResult {
  sentences: EngineSentence[];
  usage: EngineUsage;
}

export interface Engine {
  readonly name: "local" | "gemini";
  process(input: EngineInput): Promise<EngineResult>;
}
