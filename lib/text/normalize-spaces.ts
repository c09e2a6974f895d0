// Sentences come out of PDFs and hard-wrapped files with newlines and runs of
// spaces inside them. French typography, though, puts a no-break space
// (U+00A0) or narrow no-break space (U+202F) before ? ! ; : and inside « »,
// and those carry meaning for display, so a run keeps one of them if it has one.

const noBreak = /[\u00a0\u202f]/u;

export function normalizeSpaces(text: string): string {
  return text
    .trim()
    .replace(/\s+/gu, (run) => (run === " " ? run : (noBreak.exec(run)?.[0] ?? " ")));
}
