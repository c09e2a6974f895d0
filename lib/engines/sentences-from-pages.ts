// The local rewriting pipeline after text extraction: segment the pages'
// text into sentences, tag each with the page it starts on, and split the
// long ones at natural breaks. Sentences may run across page breaks.
import type { EngineSentence } from "@/lib/engines/types";
import type { PageText } from "@/lib/text/extract-page-text";
import { countWords } from "@/lib/text/count-words";
import { segmentSentenceSpans } from "@/lib/text/segment-sentences";
import { splitLongSentence } from "@/lib/text/split-long-sentence";

export function sentencesFromPages(pages: PageText[], maxWords: number): EngineSentence[] {
  let text = "";
  const starts: { offset: number; page: number }[] = [];
  for (const page of pages) {
    if (page.text.trim() === "") continue;
    // A page break is a plain line break: a sentence may continue overleaf.
    if (text !== "") text += "\n";
    starts.push({ offset: text.length, page: page.page });
    text += page.text;
  }

  const sentences: EngineSentence[] = [];
  let pageIndex = 0;
  for (const span of segmentSentenceSpans(text)) {
    while (pageIndex + 1 < starts.length && starts[pageIndex + 1]!.offset <= span.start) {
      pageIndex++;
    }
    if (countWords(span.text) === 0) continue; // "* * *" scene breaks, stray marks.
    const page = starts[pageIndex]!.page;
    for (const piece of splitLongSentence(span.text, maxWords)) {
      sentences.push({ text: piece, original: span.text, page });
    }
  }
  return sentences;
}
