// A plain-text book to blocks: Project Gutenberg's header and footer left out
// (they wrap the book, they are not its text: never rows, never credits),
// paragraphs found whether the file is hard-wrapped (lines of about the
// same width, paragraphs apart by a blank line or a short line ending a
// sentence) or has one paragraph per line, words hyphenated at a line end
// joined as the PDF path joins them, verse and lists kept line by line, and
// chapter lines ("CHAPITRE III", "I", "XII. Le départ", "Première partie")
// and short lines set in capitals as headings.
import type { BookBlock } from "@/lib/books/paginate-blocks";
import { endsWithHyphen, joinHyphenated, vocabularyOfLines } from "@/lib/text/extract-page-text";

/** Joins a line ending with a hyphen and the next one; the worker's default consults the French lexicon. */
export type HyphenJoiner = (left: string, right: string, vocabulary: ReadonlySet<string>) => string;

/** The web's joiner, to count sections without loading the lexicon: the words (and so the sections) are the same. */
export const joinWithoutLexicon: HyphenJoiner = (left, right) => left.slice(0, -1) + right;

const gutenbergStart = /^\s*\*{3}\s*START OF (THE|THIS) PROJECT GUTENBERG/iu;
const gutenbergEnd = /^\s*\*{3}\s*END OF (THE|THIS) PROJECT GUTENBERG|^\s*End of (the )?Project Gutenberg'?s /iu;

const ordinalPart =
  /^(première|premier|deuxième|troisième|quatrième|cinquième|sixième|septième|huitième|neuvième|dixième|seconde|second|dernière)\s+(partie|livre|époque)\b/iu;
const chapterWord =
  /^(chapitre|livre|partie|tome|acte|scène|prologue|épilogue|préface|avant-propos|introduction|conclusion|postface|avertissement)\b/iu;
const numeral = /^((?=[MDCLXVI])M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})|\d{1,3})\.?(\s*[—–-]?\s+(\p{Lu}.*))?$/u;
const terminal = /[.!?…:;,][»”’")\]]*$/u;

/** Lines between Gutenberg's start and end markers, or all of them. */
export function withoutGutenbergWrapper(lines: string[]): string[] {
  const start = lines.findIndex((line) => gutenbergStart.test(line));
  const from = start >= 0 ? start + 1 : 0;
  const endOffset = lines.slice(from).findIndex((line) => gutenbergEnd.test(line));
  return lines.slice(from, endOffset >= 0 ? from + endOffset : lines.length);
}

function wordCount(text: string): number {
  return text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** A chapter line: "CHAPITRE III", "III", "XII. Le départ", "Première partie", a title in capitals. */
export function isHeadingLine(line: string): boolean {
  const text = line.trim();
  if (text === "" || wordCount(text) > 12 || text.length > 90) return false;
  const endsSentence = /[.!?…][»”’")\]]*$/u;
  if (ordinalPart.test(text) || chapterWord.test(text)) {
    return !endsSentence.test(text) || /^\S+\s+([\dIVXLCDM]+|premier|première)\.$/iu.test(text);
  }
  const numbered = numeral.exec(text);
  // "M. Homais entra" is Monsieur, not a thousand.
  if (numbered && !/^M\.?\s/u.test(text)) return !numbered[5] || (!endsSentence.test(numbered[5]) && wordCount(numbered[5]) <= 8);
  const letters = text.replace(/[^\p{L}]/gu, "");
  return letters.length >= 2 && letters === letters.toUpperCase() && !terminal.test(text.replace(/\.$/u, ""));
}

const contentsTitle = /^(table des mati[èe]res|table|sommaire|contents|table of contents)\.?$/iu;
const normalized = (line: string) => line.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

/**
 * The groups of a table of contents: from its title to the line that repeats
 * its first entry (the novel's first heading), or else to the first
 * paragraph of prose, less the headings just before that paragraph.
 */
function findContentsRun(groups: string[][]): { start: number; end: number } {
  const start = groups.findIndex((lines) => lines.length === 1 && contentsTitle.test(lines[0]!.trim()));
  if (start < 0) return { start: 0, end: 0 };
  const firstEntry = groups[start + 1]?.[0];
  for (let index = start + 1; index < groups.length; index++) {
    const lines = groups[index]!;
    if (index > start + 1 && firstEntry && normalized(lines[0]!) === normalized(firstEntry)) return { start, end: index };
    const text = lines.join(" ");
    const entries = lines.filter((line) => isHeadingLine(line)).length;
    const prose = wordCount(text) >= 25 && /[.!?…][»”’")\]]*(\s|$)/u.test(text) && entries < lines.length / 2;
    if (prose) {
      let end = index;
      while (end > start + 1 && groups[end - 1]!.length <= 3 && isHeadingLine(groups[end - 1]![0]!)) end--;
      return { start, end };
    }
  }
  return { start, end: groups.length };
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function joinLines(lines: string[], join: HyphenJoiner, vocabulary: ReadonlySet<string>): string {
  let text = lines[0] ?? "";
  for (const line of lines.slice(1)) {
    text = endsWithHyphen(text) ? join(text, line, vocabulary) : `${text} ${line}`;
  }
  return text;
}

export function readTextBook(source: string, join: HyphenJoiner = joinHyphenated): BookBlock[] {
  const allLines = source
    .replace(/^\ufeff/u, "")
    .split(/\r\n|\r|\n/u)
    .map((line) => line.replace(/\s+$/u, "").replace(/\u00ad/gu, ""));
  const lines = withoutGutenbergWrapper(allLines).map((line) => line.replace(/\t/gu, " "));
  const vocabulary = vocabularyOfLines(lines);

  // The width a hard-wrapped file fills: lines that end inside a paragraph.
  const lengths = lines.map((line) => line.trim().length).filter((length) => length > 0);
  const typical = median(lengths);
  const wrapWidth = median(lengths.filter((length) => length >= typical));
  const oneParagraphPerLine = wrapWidth > 120;

  const groups: string[][] = [];
  let group: string[] = [];
  for (const line of lines) {
    if (line.trim() === "") {
      if (group.length > 0) groups.push(group);
      group = [];
    } else group.push(line.trim());
  }
  if (group.length > 0) groups.push(group);

  const contents = findContentsRun(groups);
  const blocks: BookBlock[] = [];
  let afterHeading = false;
  const pushText = (paragraph: string[], asLines: boolean) => {
    const text = asLines ? paragraph.join("\n") : joinLines(paragraph, join, vocabulary);
    // The source's lines go along for the matter rules' layout cues (a contents list, a title page).
    blocks.push({ kind: "text", text, lines: paragraph });
    afterHeading = false;
  };
  for (const [index, lines] of groups.entries()) {
    // A table of contents: its lines as they are, marked as a publisher's page.
    if (index >= contents.start && index < contents.end) {
      blocks.push({ kind: "text", text: lines.join("\n"), lines, matter: true });
      continue;
    }
    // A chapter line and its title, set as a group of their own.
    if (lines.length <= 3 && lines.every((line) => line.length < 0.75 * wrapWidth) && isHeadingLine(lines[0]!)) {
      for (const line of lines) blocks.push({ kind: "heading", text: line });
      afterHeading = true;
      continue;
    }
    // "Le départ" alone after "CHAPITRE III": the chapter's title.
    if (afterHeading && lines.length === 1 && wordCount(lines[0]!) <= 10 && !/[.!?…,;:][»”’")\]]*$/u.test(lines[0]!)) {
      blocks.push({ kind: "heading", text: lines[0]! });
      continue;
    }
    if (oneParagraphPerLine) {
      for (const line of lines) {
        if (isHeadingLine(line)) blocks.push({ kind: "heading", text: line });
        else pushText([line], false);
      }
      continue;
    }
    // Verse or a list: every line short of the measure.
    const short = (line: string) => line.length < 0.75 * wrapWidth;
    if (lines.length >= 2 && lines.every(short)) {
      pushText(lines, true);
      continue;
    }
    // Hard-wrapped prose: a short line ending a sentence ends its paragraph
    // (files that set no blank line between paragraphs).
    let paragraph: string[] = [];
    for (const line of lines) {
      paragraph.push(line);
      if (short(line) && /[.!?…][»”’")\]]*$/u.test(line)) {
        pushText(paragraph, false);
        paragraph = [];
      }
    }
    if (paragraph.length > 0) pushText(paragraph, false);
  }
  return blocks;
}
