// The local rewriting pipeline after text extraction: segment the pages'
// text into sentences, tag each with the page it starts on, and split the
// long ones at natural breaks. Sentences may run across page breaks;
// headings never join a sentence, and start none: each is a row of its own.
// Rows from pages that look like a publisher's pages carry `matter`, for the
// merge step to keep or leave out.
import type { EngineSentence } from "@/lib/engines/types";
import type { PageText } from "@/lib/text/extract-page-text";
import { countWords } from "@/lib/text/count-words";
import { normalizeSpaces } from "@/lib/text/normalize-spaces";
import { segmentSentenceSpans } from "@/lib/text/segment-sentences";
import { splitLongSentence } from "@/lib/text/split-long-sentence";

export function sentencesFromPages(
  pages: PageText[],
  maxWords: number,
  matterPages: ReadonlySet<number> = new Set(),
): EngineSentence[] {
  const sentences: EngineSentence[] = [];
  const tag = (page: number): Pick<EngineSentence, "matter"> =>
    matterPages.has(page) ? { matter: true } : {};
  let text = "";
  let starts: { offset: number; page: number }[] = [];

  const flush = () => {
    let pageIndex = 0;
    for (const span of segmentSentenceSpans(text)) {
      while (pageIndex + 1 < starts.length && starts[pageIndex + 1]!.offset <= span.start) {
        pageIndex++;
      }
      if (countWords(span.text) === 0) continue; // "* * *" scene breaks, stray marks.
      const page = starts[pageIndex]!.page;
      for (const piece of splitLongSentence(span.text, maxWords)) {
        sentences.push({ text: piece, original: span.text, page, ...tag(page) });
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
      if (block.kind === "heading") {
        flush();
        const heading = normalizeSpaces(block.text);
        if (countWords(heading) === 0) continue;
        for (const piece of splitLongSentence(heading, maxWords)) {
          sentences.push({ text: piece, original: heading, page: page.page, kind: "heading", ...tag(page.page) });
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
  return sentences;
}
