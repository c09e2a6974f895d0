// An EPUB or a text file has no pages, so the product cuts it into sections
// of about `wordsPerSection` words and uses a section wherever a PDF uses a
// page: credits, chunks, progress, the row's location. The cut is a pure
// function of the blocks' words, so the web (which counts sections to price
// the upload) and the worker (which reads them) cut the book the same way.
//
// A section closes at a paragraph end once it holds the target, or inside a
// paragraph that would take it past one and a quarter of it (preferring a
// sentence end); a heading opens a new section when the current one already
// has text, and so does each file of an EPUB, so a publisher's page never
// shares a section with the novel and is weighed alone by the matter rules.
import { wordsPerSection } from "@/lib/books/book-format";
import { countWords } from "@/lib/text/count-words";
import type { PageBlock, PageLines, PageText, TextLine } from "@/lib/text/extract-page-text";

export interface BookBlock extends PageBlock {
  /** The block's lines as laid out in the source (verse, a list), for the matter rules' layout cues. */
  lines?: string[];
  /** A new section starts here (each file of an EPUB). */
  breakBefore?: boolean;
  /** The source marks it as a publisher's page (an EPUB's titlepage, colophon, copyright page). */
  matter?: boolean;
}

export interface BookSections {
  pages: PageText[];
  /** Per section: the source marked it as a publisher's page. */
  markedMatter: boolean[];
  /** Lines as a page of a printed book would set them, for detect-matter-pages. */
  lines: PageLines[];
}

const sentenceEnd = /[.!?…][»”’")\]]*$/u;

/** Cuts `text` after its `count`-th whitespace-separated token (words and punctuation alike). */
function cutAfterTokens(text: string, count: number): [string, string] {
  const pattern = /\S+/gu;
  let seen = 0;
  for (const match of text.matchAll(pattern)) {
    if (countWords(match[0]) > 0) seen++;
    if (seen === count) {
      const end = match.index + match[0].length;
      return [text.slice(0, end), text.slice(end).trimStart()];
    }
  }
  return [text, ""];
}

/** Where to cut a paragraph that overflows: a sentence end between 2/3 of the room and the room, else the room. */
function cutPoint(text: string, room: number): number {
  let words = 0;
  let best = 0;
  for (const match of text.matchAll(/\S+/gu)) {
    if (countWords(match[0]) > 0) words++;
    if (words > room) break;
    if (words >= (room * 2) / 3 && sentenceEnd.test(match[0])) best = words;
  }
  return best || room;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/u)) {
    if (word === "") continue;
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** A page of a printed book: prose wrapped at 66 characters, headings centred and larger. */
function layOut(page: number, blocks: BookBlock[]): PageLines {
  const characterWidth = 6;
  const measure = 66 * characterWidth;
  const lines: TextLine[] = [];
  let y = 800;
  for (const block of blocks) {
    const heading = block.kind === "heading";
    const texts = block.lines?.length
      ? block.lines.flatMap((line) => (line.length > 80 ? wrap(line, 66) : [line]))
      : heading
        ? [block.text]
        : wrap(block.text, 66);
    for (const text of texts) {
      const width = text.length * characterWidth;
      const x = heading ? Math.max(0, (measure - width) / 2) : 0;
      lines.push({ text, x, y, endX: x + width, size: heading ? 14 : 10 });
      y -= 12;
    }
    y -= 6;
  }
  return { page, lines };
}

export function paginateBlocks(blocks: BookBlock[], target = wordsPerSection): BookSections {
  const sections: { blocks: BookBlock[]; words: number; matter: boolean }[] = [];
  let current = { blocks: [] as BookBlock[], words: 0, matter: false };
  const close = () => {
    if (current.blocks.length > 0) sections.push(current);
    current = { blocks: [], words: 0, matter: false };
  };
  const hasText = () => current.blocks.some((block) => block.kind === "text");
  for (const block of blocks) {
    if (block.breakBefore) close();
    if ((block.matter ?? false) !== current.matter && current.blocks.length > 0) close();
    if (block.kind === "heading" && hasText()) close();
    current.matter = block.matter ?? false;
    if (block.kind === "heading") {
      current.blocks.push(block);
      current.words += countWords(block.text);
      continue;
    }
    let rest = block.text;
    let words = countWords(rest);
    while (current.words + words > target * 1.25) {
      const room = Math.max(1, target - current.words);
      const [head, tail] = cutAfterTokens(rest, cutPoint(rest, room));
      // Lines of a verse block stay with their text only while the block is whole.
      current.blocks.push({ kind: "text", text: head });
      close();
      current.matter = block.matter ?? false;
      rest = tail;
      words = countWords(rest);
    }
    if (rest.trim() !== "") {
      current.blocks.push(rest === block.text ? block : { kind: "text", text: rest });
      current.words += words;
    }
    if (current.words >= target) close();
  }
  close();
  return {
    pages: sections.map((section, index) => ({
      page: index + 1,
      blocks: section.blocks.map(({ kind, text }) => ({ kind, text })),
      text: section.blocks.map((block) => block.text).join("\n\n"),
    })),
    markedMatter: sections.map((section) => section.matter),
    lines: sections.map((section, index) => layOut(index + 1, section.blocks)),
  };
}
