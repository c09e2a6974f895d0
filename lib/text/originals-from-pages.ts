// From the pages' text to the book's sentences as printed: segment the text
// into sentences and tag each with the page it starts on. Sentences may run
// across page breaks; headings never join a sentence, and start none: each
// is a row of its own, and so is each entry of a table of contents run
// together into one paragraph. Rows from pages that look like a publisher's pages
// carry `matter`, for the merge step to keep or leave out.
import { contentsEntries } from "@/lib/text/contents-entries";
import type { PageText } from "@/lib/text/extract-page-text";
import { countWords, isWord } from "@/lib/text/count-words";
import { normalizeSpaces } from "@/lib/text/normalize-spaces";
import { segmentSentenceSpans } from "@/lib/text/segment-sentences";
import { splitLongSentence } from "@/lib/text/split-long-sentence";

/** One sentence of the book as printed (or a heading). */
export interface PageOriginal {
  text: string;
  /** Book page where it starts. */
  page: number;
  kind?: "heading";
  matter?: boolean;
}

/**
 * The pages' sentences as printed, in reading order. A sentence over
 * `hardLimit` words (a book without punctuation) is cut there first, into
 * sentences of their own, so no original runs to thousands of words.
 */
export function originalsFromPages(
  pages: PageText[],
  matterPages: ReadonlySet<number> = new Set(),
  hardLimit = Number.MAX_SAFE_INTEGER,
): PageOriginal[] {
  const originals: PageOriginal[] = [];
  const tag = (page: number): Pick<PageOriginal, "matter"> =>
    matterPages.has(page) ? { matter: true } : {};
  const capped = (text: string) =>
    countWords(text) > hardLimit ? splitLongSentence(text, hardLimit) : [text];
  let text = "";
  let starts: { offset: number; page: number }[] = [];

  const pageAt = (offset: number) => starts.findLast((start) => start.offset <= offset)!.page;

  const flush = () => {
    for (const span of segmentSentenceSpans(text)) {
      if (countWords(span.text) === 0) continue; // "* * *" scene breaks, stray marks.
      const parts = capped(span.text);
      if (parts.length === 1) {
        const page = pageAt(span.start);
        originals.push({ text: span.text, page, ...tag(page) });
        continue;
      }
      // Each part of a capped sentence is dated by where its first word is.
      const words = [...span.text.matchAll(/\S+/gu)].filter((match) => isWord(match[0]));
      let word = 0;
      for (const part of parts) {
        const page = pageAt(span.start + (words[word]?.index ?? 0));
        originals.push({ text: part, page, ...tag(page) });
        word += countWords(part);
      }
    }
    text = "";
    starts = [];
  };

  for (const page of pages) {
    // No sentence runs from the novel into a publisher's page or back.
    const previousPage = starts.at(-1)?.page;
    if (previousPage !== undefined && matterPages.has(previousPage) !== matterPages.has(page.page)) {
      flush();
    }
    for (const block of page.blocks) {
      if (block.text.trim() === "") continue;
      const entries = block.kind === "heading" ? [block.text] : contentsEntries(normalizeSpaces(block.text));
      if (entries) {
        flush();
        for (const entry of entries) {
          const heading = normalizeSpaces(entry);
          if (countWords(heading) === 0) continue;
          for (const part of capped(heading)) {
            originals.push({ text: part, page: page.page, kind: "heading", ...tag(page.page) });
          }
        }
        continue;
      }
      // A page break is a plain line break: a sentence may continue overleaf.
      if (text !== "") text += starts.at(-1)?.page === page.page ? "\n\n" : "\n";
      if (starts.at(-1)?.page !== page.page) starts.push({ offset: text.length, page: page.page });
      text += block.text;
    }
  }
  flush();
  return originals;
}
