// Joins the chunks' sentence lists into one list in reading order.
//
// Chunks overlap, so a sentence near a seam is seen by both neighbours, and a
// model rewrites it differently each time. Matching rewritten text would
// duplicate or drop such sentences. Instead the seam is found through the
// *original* sentence, the book's own text, which both chunks read from the
// same page: the
// last original kept from chunk k is looked up among chunk k+1's originals,
// and chunk k+1 contributes what follows it, up to its last sentence dated
// inside its owned pages. Page ownership decides where a chunk starts when
// the two share no original (an overlap of 0, or a failed neighbour).
import type { SentenceKind, SentenceMethod } from "@/lib/generated/prisma/client";

export interface StitchSentence {
  text: string;
  original: string;
  page: number;
  kind?: SentenceKind;
  /** From a page that looks like a publisher's page (see lib/text/detect-matter-pages.ts). */
  matter?: boolean;
  /** The original's id within the job (chunk index and ordinal), shared by its pieces. */
  id: string;
  /** How the original became these pieces (lib/pipeline/rewrite-chunk.ts). */
  method?: SentenceMethod;
  fallbackReason?: string;
  model?: string;
}

export interface StitchChunk {
  index: number;
  ownedFirst: number;
  ownedLast: number;
  /** null when the chunk has no result (failed or cancelled). */
  sentences: StitchSentence[] | null;
}

const minimumSimilarity = 0.8;

function wordsOf(text: string): string[] {
  return text
    .toLocaleLowerCase("fr")
    .normalize("NFKC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Dice coefficient on word multisets: 1 for the same words, 0 for none shared. */
export function originalSimilarity(a: string, b: string): number {
  const left = wordsOf(a);
  const right = wordsOf(b);
  if (left.length === 0 || right.length === 0) return left.length === right.length ? 1 : 0;
  const counts = new Map<string, number>();
  for (const word of left) counts.set(word, (counts.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of right) {
    const count = counts.get(word) ?? 0;
    if (count > 0) {
      shared++;
      counts.set(word, count - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

/** Consecutive entries of one original sentence: the pieces that share its id. */
export function groupByOriginal(sentences: StitchSentence[]): StitchSentence[][] {
  const groups: StitchSentence[][] = [];
  for (const sentence of sentences) {
    const last = groups.at(-1);
    if (last && last[0].id === sentence.id) last.push(sentence);
    else groups.push([sentence]);
  }
  return groups;
}

/**
 * Where `next` takes over from the sentence kept last: the index just after
 * the group matching `lastKept`, or -1 when no group near the start of `next`
 * matches it. The best match wins, the later one on a tie, so a sentence
 * repeated in the book matches its nearest occurrence.
 */
function indexAfterSeam(next: StitchSentence[][], lastKept: StitchSentence[], ownedFirst: number): number {
  const target = lastKept[0];
  let best = -1;
  let bestScore = minimumSimilarity;
  for (let index = 0; index < next.length; index++) {
    const candidate = next[index][0];
    // A seam sentence starts on the page before `ownedFirst` or the one after.
    if (candidate.page > ownedFirst) break;
    if (Math.abs(candidate.page - target.page) > 1) continue;
    const score = originalSimilarity(candidate.original, target.original);
    if (score >= bestScore) {
      best = index;
      bestScore = score;
    }
  }
  return best === -1 ? -1 : best + 1;
}

export function stitchChunks(chunks: StitchChunk[]): StitchSentence[] {
  const ordered = [...chunks].sort((a, b) => a.index - b.index);
  const result: StitchSentence[][] = [];
  let previousDone: StitchChunk | null = null;

  for (const chunk of ordered) {
    if (!chunk.sentences) {
      previousDone = null;
      continue;
    }
    const groups = groupByOriginal(chunk.sentences);
    const lastKept = previousDone ? result.at(-1) : undefined;
    const aligned = lastKept ? indexAfterSeam(groups, lastKept, chunk.ownedFirst) : -1;
    // Reading order is trusted over page numbers: a sentence dated to the
    // wrong page in the middle of the chunk is still kept in its place.
    const start = aligned !== -1 ? aligned : groups.findIndex((group) => group[0].page >= chunk.ownedFirst);
    const end = groups.findLastIndex((group) => group[0].page <= chunk.ownedLast);
    if (start !== -1) result.push(...groups.slice(start, end + 1));
    previousDone = chunk;
  }
  return result.flat();
}
