// The chunk grid travels in the progress answer as a run-length string, one
// letter per state: "12d1f4r18p" is 12 done, 1 failed, 4 running, 18
// pending. A 700-page book's grid is a dozen characters instead of 35 JSON
// objects, the server builds it from one aggregate over the chunk index
// without loading chunk rows, and the browser expands it (decodeChunkStates).
import type { ChunkStatus } from "@/lib/generated/prisma/enums";

/** Each state's first letter, so SQL builds the same string with left(status, 1). */
export const chunkStateLetters: Record<ChunkStatus, string> = {
  pending: "p",
  queued: "q",
  running: "r",
  done: "d",
  failed: "f",
  cancelled: "c",
};

const statusOfLetter = Object.fromEntries(
  Object.entries(chunkStateLetters).map(([status, letter]) => [letter, status as ChunkStatus]),
) as Record<string, ChunkStatus>;

/** Run-length code of the states in chunk order; `letters` holds one state letter per chunk. */
export function encodeChunkStates(letters: string): string {
  let code = "";
  for (let index = 0; index < letters.length; ) {
    let end = index + 1;
    while (end < letters.length && letters[end] === letters[index]) end++;
    code += `${end - index}${letters[index]}`;
    index = end;
  }
  return code;
}

/** Each chunk's state in order; unknown letters are skipped. */
export function decodeChunkStates(code: string): ChunkStatus[] {
  const states: ChunkStatus[] = [];
  for (const [, count, letter] of code.matchAll(/(\d+)([a-z])/g)) {
    const status = statusOfLetter[letter!];
    if (status) for (let index = 0; index < Number(count); index++) states.push(status);
  }
  return states;
}

/** How many chunks are in each state (the job's version tag counts them). */
export function countChunkStates(letters: string): Partial<Record<ChunkStatus, number>> {
  const counts: Partial<Record<ChunkStatus, number>> = {};
  for (const letter of letters) {
    const status = statusOfLetter[letter];
    if (status) counts[status] = (counts[status] ?? 0) + 1;
  }
  return counts;
}
