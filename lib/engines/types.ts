// The contract between the pipeline and an engine. An engine gets one chunk
// PDF and returns every sentence of its pages (overlap pages included), each
// tagged with the book page where it starts; the merge step keeps the owned
// pages. One original sentence yields 1..k consecutive entries that share
// the same `original`, each `text` at most `maxWords` words.

export interface EngineSentence {
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

export interface EngineUsage {
  promptTokens: number;
  outputTokens: number;
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

export type EngineName = "local" | "gemini";

export interface Engine {
  readonly name: EngineName;
  process(input: EngineInput): Promise<EngineResult>;
}
