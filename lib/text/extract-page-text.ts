// Turns the text lines of consecutive book pages into each page's body text:
// running headers and footers and page numbers dropped, words hyphenated at a
// line end (or a page end) joined again, lines joined into paragraphs, and
// headings (a centred title, "Première partie", a chapter numeral standing
// alone) kept apart as heading blocks so that no sentence absorbs them.
//
// Input is plain data (see lib/pdf/read-page-lines.ts for the PDF side), so
// the rules are testable without a PDF. Paragraphs are separated by a blank
// line only where the sentence segmenter must not run across them (after a
// sentence end, around a heading, before a dialogue line); other layout breaks
// (verse indents, stanza gaps in mid-sentence) become plain spaces.

import { isCommonWord, isKnownForm } from "@/lib/french/lexicon";
import { listWords } from "@/lib/text/count-words";

export interface TextLine {
  text: string;
  /** Left edge and baseline, in PDF points (y grows upwards). */
  x: number;
  y: number;
  /** Right edge of the last glyph. */
  endX: number;
  /** Font size in points. */
  size: number;
}

export interface PageLines {
  page: number;
  lines: TextLine[];
}

export interface PageBlock {
  kind: "heading" | "text";
  text: string;
}

export interface PageText {
  page: number;
  /** The blocks' texts separated by blank lines. */
  text: string;
  /** Paragraph groups in reading order; a "text" block may run on to the next page. */
  blocks: PageBlock[];
}

const pageNumberPatterns = [
  /^[-–—\s]*\d{1,4}[-–—\s]*$/u,
  /^[-–—\s]*[ivxlcdm]{1,7}[-–—\s]*$/iu,
  /^(page|p\.)\s*\d{1,4}$/iu,
  /^\d{1,4}\s*(\/|sur|of)\s*\d{1,4}$/iu,
];
const romanNumeral = /^(?=[MDCLXVI])M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})\.?$/u;
const lowerRomanNumeral = /^(?=[mdclxvi])m{0,4}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})\.?$/u;
const numeralOnly = /^(\d{1,4}|(?=[MDCLXVI])M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3}))\.?$/u;
const tableOfContentsLeader = /(\.\s?){5,}\s*\d*\s*$|…{3,}/u;
const terminalEnd = /[.!?…][»”’")\]\s]*$/u;
const dialogueStart = /^(«|“|—|–|--)/u;
const lineEndHyphen = /\p{L}[-\u00ad\u2010]$/u;

// Words that follow a hyphen in French compounds and inversions
// ("dit-il", "peut-être", "là-bas"): a line-end hyphen before them is kept.
// prettier-ignore
const hyphenPartners = new Set([
  "t", "il", "ils", "elle", "elles", "on", "je", "tu", "nous", "vous", "ce", "ci", "là", "y",
  "en", "le", "la", "les", "lui", "leur", "leurs", "moi", "toi", "soi", "eux", "même", "mêmes",
  "être", "dessus", "dessous", "dedans", "dehors", "delà", "bas", "haut", "ça",
]);

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** A running line's identity: a folio at either end ("12 MADAME BOVARY") does not count. */
function edgeKey(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/^[\d\s.|•·–—-]+|[\d\s.|•·–—-]+$/gu, "")
    .replace(/\s+/gu, " ");
}

/** Lines nearest the top and bottom of the page, where running heads and folios sit. */
function edgeLines(lines: TextLine[]): Set<TextLine> {
  const byHeight = [...lines].sort((a, b) => b.y - a.y);
  return new Set([...byHeight.slice(0, 2), ...byHeight.slice(-2)]);
}

function isPageNumber(text: string): boolean {
  return pageNumberPatterns.some((pattern) => pattern.test(text));
}

/** A word for comparing forms: lowercase, no surrounding punctuation, no elided article ("l'aide-" → "aide-"). */
function bareToken(token: string): string {
  const bare = token
    .toLowerCase()
    .replace(/’/gu, "'")
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}'-]+$/gu, "");
  return bare.slice(bare.lastIndexOf("'") + 1);
}

/** Every word form of these lines (an EPUB's or a text file's), as buildVocabulary gives a PDF's. */
export function vocabularyOfLines(lines: Iterable<string>): Set<string> {
  return buildVocabulary([{ page: 0, lines: [...lines].map((text) => ({ text, x: 0, y: 0, endX: 0, size: 0 })) }]);
}

/** Every word form on these pages, to tell "mer-\nveilleux" from "aide-\nchirurgien". */
function buildVocabulary(pages: PageLines[]): Set<string> {
  // Each distinct token is reduced once: a book repeats most of its words,
  // and reducing every occurrence was most of this module's time.
  const tokens = new Set<string>();
  for (const page of pages) {
    for (const line of page.lines) {
      for (const word of listWords(line.text)) tokens.add(word);
    }
  }
  const vocabulary = new Set<string>();
  for (const token of tokens) vocabulary.add(bareToken(token));
  return vocabulary;
}

/**
 * Joins `left` (ending with a hyphen) and `right` (the next line's text).
 * The hyphen goes when it only broke a word; it stays in compounds.
 */
export function joinHyphenated(left: string, right: string, vocabulary: ReadonlySet<string>): string {
  const hyphen = left[left.length - 1];
  const head = left.slice(0, -1);
  if (hyphen === "\u00ad") return head + right; // A soft hyphen is always a line-break hyphen.
  const leftPart = bareToken(head.split(/\s/u).pop() ?? "");
  const rightToken = right.split(/\s/u, 1)[0] ?? "";
  const rightPart = bareToken(rightToken);
  const partner = rightPart.split(/[-'’]/u, 1)[0] ?? "";
  let keep: boolean;
  if (vocabulary.has(`${leftPart}${rightPart}`)) keep = false;
  else if (vocabulary.has(`${leftPart}-${rightPart}`)) keep = true;
  else if (hyphenPartners.has(partner) || /^[^\p{Ll}]/u.test(rightToken)) keep = true;
  // Joined first: the Lefff also lists old spellings such as "long-temps",
  // and a line-end hyphen that could be either is most often a plain break.
  else if (isKnownForm(`${leftPart}${rightPart}`)) keep = false;
  else if (isKnownForm(`${leftPart}-${rightPart}`)) keep = true;
  // "après-midi", "mi-voix", "sous-officier": no word when joined, two words
  // apart. A name ("Boischevron") is broken like any word.
  else {
    const name = /^\p{Lu}/u.test(head.split(/\s/u).pop()?.replace(/^[^\p{L}]+/u, "") ?? "");
    keep = !name && isCommonWord(leftPart) && isCommonWord(rightPart);
  }
  return keep ? left + right : head + right;
}

export function endsWithHyphen(text: string): boolean {
  return lineEndHyphen.test(text);
}

function looksLikeHeading(
  lines: TextLine[],
  bodySize: number,
  left: number,
  right: number,
): boolean {
  const text = lines
    .map((line) => line.text)
    .join(" ")
    .trim();
  const words = listWords(text).length;
  if (words === 0 || words > 10 || /[,;:\-–—]$/u.test(text) || terminalEnd.test(text)) return false;
  const line = lines[0]!;
  const allCaps = text === text.toUpperCase() && /\p{Lu}/u.test(text);
  const otherSize = Math.abs(line.size - bodySize) > bodySize * 0.1;
  const centered =
    line.x - left > 2 * line.size && Math.abs(line.x - left - (right - line.endX)) < 2 * line.size;
  return allCaps || otherSize || centered;
}

function mostCommon(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const value of values) {
    counts.set(Math.round(value), (counts.get(Math.round(value)) ?? 0) + 1);
  }
  let best: number | undefined;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && value < best)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

interface PageLayout {
  bodySize: number;
  lineGap: number;
}

interface PageContext {
  lines: TextLine[];
  edges: Set<TextLine>;
  top: TextLine | undefined;
  bottom: TextLine | undefined;
  repeated: Map<string, number>;
  pageCount: number;
  layout: PageLayout;
}

function isRunningLine(line: TextLine, context: PageContext): boolean {
  const text = line.text.trim();
  if (tableOfContentsLeader.test(text)) return true;
  // A chapter numeral ("II", "XVI.") is text or a heading, decided with its
  // neighbours (see buildBlocks); a folio sits at the page's edge, and an
  // upper-case roman folio only at its foot.
  if (!context.edges.has(line)) return false;
  const upperRoman = romanNumeral.test(text) && !lowerRomanNumeral.test(text);
  if (upperRoman && line !== context.bottom) return false;
  if (isPageNumber(text)) return true;
  // Running heads and feet stand apart from the text block; a line of body
  // text at the top of several pages does not.
  const { lines, layout } = context;
  const nearest = Math.min(
    ...lines.filter((other) => other !== line).map((other) => Math.abs(other.y - line.y)),
  );
  if (nearest < 1.3 * layout.lineGap) return false;
  const key = edgeKey(text);
  const seen = context.repeated.get(key) ?? 0;
  if (key !== "" && seen >= 2 && (seen >= 3 || context.pageCount <= 4)) return true;
  // A lone short line in a smaller type at the very top or bottom: a running
  // head on a page too isolated for the repetition test.
  if (line !== context.top && line !== context.bottom) return false;
  if (lines.length < 3 || listWords(text).length > 12) return false;
  return line.size < layout.bodySize * 0.95 && nearest >= 1.5 * layout.lineGap;
}

/** The median of values counted `weight` times each. */
function weightedMedian(weights: Map<number, number>): number | undefined {
  let total = 0;
  for (const weight of weights.values()) total += weight;
  let rank = Math.floor(total / 2);
  for (const value of [...weights.keys()].sort((a, b) => a - b)) {
    rank -= weights.get(value)!;
    if (rank < 0) return value;
  }
  return undefined;
}

function bodyLayout(pages: PageLines[]): PageLayout {
  // Weighted by length (one count per 10 characters, up to 20), so a page of
  // text outweighs its headings.
  const sizeWeights = new Map<number, number>();
  for (const page of pages) {
    for (const line of page.lines) {
      const weight = Math.ceil(Math.min(line.text.length, 200) / 10);
      if (weight > 0) sizeWeights.set(line.size, (sizeWeights.get(line.size) ?? 0) + weight);
    }
  }
  const bodySize = weightedMedian(sizeWeights) ?? 10;
  // Line spacing measured between consecutive lines of body type only.
  const isBody = (line: TextLine) => Math.abs(line.size - bodySize) <= bodySize * 0.1;
  const gaps: number[] = [];
  for (const page of pages) {
    page.lines.forEach((line, index) => {
      const previous = page.lines[index - 1];
      if (previous && previous.y > line.y && isBody(previous) && isBody(line)) {
        gaps.push(previous.y - line.y);
      }
    });
  }
  return { bodySize, lineGap: median(gaps) ?? bodySize * 1.2 };
}

// A block's text is kept as its lines' texts (a word hyphenated at a line end
// joined into one part) and joined once at the end: testing the end of a
// string that grows by one line at a time flattens it on every line, which
// made one long paragraph quadratic (16,000 lines took 30 s; 0.1 s now).
interface Block {
  lines: TextLine[];
  parts: string[];
}

const closersOnly = /^[»”’")\]\s]*$/u;

/** terminalEnd on the parts joined, reading only the parts that can matter. */
function partsEndSentence(parts: string[]): boolean {
  // The sentence end is the last character that is not a closing quote,
  // bracket or space: in the last part, unless that part is only closers
  // ("»" alone on its line).
  let start = parts.length - 1;
  while (start > 0 && closersOnly.test(parts[start]!)) start--;
  return terminalEnd.test(parts.slice(start).join(" "));
}

function buildBlocks(lines: TextLine[], layout: PageLayout, vocabulary: Set<string>): PageBlock[] {
  if (lines.length === 0) return [];
  const left = mostCommon(lines.map((line) => line.x)) ?? 0;
  const right = Math.max(...lines.map((line) => line.endX));
  const gaps = lines
    .slice(1)
    .map((line, index) => lines[index]!.y - line.y)
    .filter((gap) => gap > 0);
  const lineGap = median(gaps) ?? layout.lineGap;

  const blocks: Block[] = [];
  let paragraph: TextLine[] = [];
  lines.forEach((line, index) => {
    const content = line.text.trim();
    const previous = lines[index - 1];
    const current = blocks.at(-1);
    if (!previous || !current) {
      blocks.push({ lines: [line], parts: [content] });
      paragraph = [line];
      return;
    }
    const last = current.parts.length - 1;
    // Parts are joined by spaces, so the last part holds the last word whole.
    if (endsWithHyphen(current.parts[last]!)) {
      current.parts[last] = joinHyphenated(current.parts[last]!, content, vocabulary);
      current.lines.push(line);
      paragraph.push(line);
      return;
    }
    const gap = previous.y - line.y;
    const layoutBreak = gap > 1.45 * lineGap || gap < -line.size || line.x - left > 0.6 * line.size;
    const hard =
      layoutBreak &&
      (partsEndSentence(current.parts) ||
        dialogueStart.test(content) ||
        looksLikeHeading(paragraph, layout.bodySize, left, right) ||
        looksLikeHeading([line], layout.bodySize, left, right));
    if (hard) blocks.push({ lines: [line], parts: [content] });
    else {
      current.parts.push(content);
      current.lines.push(line);
    }
    // Appended in place: copying the paragraph on every line made long
    // paragraphs quadratic.
    if (layoutBreak) paragraph = [line];
    else paragraph.push(line);
  });

  const result: PageBlock[] = [];
  blocks.forEach(({ lines: blockLines, parts }, index) => {
    const text = parts.join(" ");
    const previous = result.at(-1);
    const numeral = numeralOnly.test(text);
    // A numeral is a chapter number only alone, after a sentence end or at
    // the page top; otherwise it belongs to the text ("Louis XVI.").
    const standsAlone = previous === undefined || terminalEnd.test(previous.text) || previous.kind === "heading";
    if (numeral && !standsAlone && previous) {
      previous.text += ` ${text}`;
      return;
    }
    const after = blocks[index + 1]?.parts.join(" ");
    const heading =
      numeral ||
      (looksLikeHeading(blockLines, layout.bodySize, left, right) &&
        !(previous?.kind === "text" && isLineOfTheText(text, previous.text, after)));
    result.push({ kind: heading ? "heading" : "text", text });
  });
  return result;
}

// Words that make a short line a chapter or part title whatever its place.
const structuralHeading =
  /^(chapitre|livre|partie|tome|acte|scène|prologue|épilogue|préface|avant-propos|introduction|conclusion|fin|(première|deuxième|troisième|quatrième|cinquième|sixième|septième|huitième|neuvième|dixième|seconde|dernière)\s+partie)\b|^[IVXLC]+\b[.\s—–-]*/iu;
const nameParticles = new Set(["de", "du", "des", "d'", "d’", "la", "le", "van", "von", "di", "da", "y"]);

/**
 * Capitalised words that read as a person's name ("Georges Duroy", "Mme de
 * Marelle", "J.-Y. Dupuis"): every word capitalised but particles, 2 to 4
 * words, no title word. A lowercase word ("Un amour de Swann") or a chapter
 * word makes it a title.
 */
function isNameLike(text: string): boolean {
  if (text === text.toUpperCase() || structuralHeading.test(text)) return false;
  const tokens = text.split(/\s+/u).filter(Boolean);
  if (tokens.length < 2 || tokens.length > 4) return false;
  return tokens.every(
    (token, index) =>
      /^\p{Lu}[\p{L}.'’-]*,?$/u.test(token) || (index > 0 && nameParticles.has(token.toLowerCase())),
  );
}

/**
 * A short centred or set-apart line inside a page of prose that belongs to
 * the story rather than opening a chapter: a signature, a visiting card, a
 * sign the text announces ("…où il lut :"). It follows text that runs on
 * (":" or ","), or the text after it continues in lowercase, or it is a
 * person's name. Chapter words and numerals stay headings.
 */
function isLineOfTheText(text: string, before: string, after: string | undefined): boolean {
  if (structuralHeading.test(text)) return false;
  if (/[:,;—–-][»”’")\]\s]*$/u.test(before)) return true;
  if (after !== undefined && /^[^\p{L}\p{N}]*\p{Ll}/u.test(after)) return true;
  return isNameLike(text);
}

function joinBlocks(blocks: PageBlock[]): string {
  return blocks.map((block) => block.text).join("\n\n");
}

/**
 * A drop cap (a big initial letter set beside the first lines: "P" + "AR
 * CHARLES…") comes out as a line of its own; put it back on its word.
 */
function mergeDropCaps(input: TextLine[], bodySize: number): TextLine[] {
  const lines = [...input];
  const merged: TextLine[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const next = lines[index + 1];
    const isDropCap =
      next !== undefined &&
      /^\p{Lu}$/u.test(line.text.trim()) &&
      line.size > 1.5 * Math.max(bodySize, next.size) &&
      Math.abs(next.x - line.endX) < next.size;
    if (isDropCap) {
      lines[index + 1] = { ...next, text: line.text.trim() + next.text.trimStart() };
      continue;
    }
    merged.push(line);
  }
  return merged;
}

export function extractPageText(pages: PageLines[]): PageText[] {
  const layout = bodyLayout(pages);
  const vocabulary = buildVocabulary(pages);
  const cleaned = pages.map((page) => ({
    page: page.page,
    lines: mergeDropCaps(
      page.lines.filter((line) => line.text.trim() !== ""),
      layout.bodySize,
    ),
  }));

  // How many pages carry each edge line (digits ignored: "12 MADAME BOVARY").
  const repeated = new Map<string, number>();
  const edgesByPage = cleaned.map((page) => edgeLines(page.lines));
  edgesByPage.forEach((edges) => {
    const keys = new Set([...edges].map((line) => edgeKey(line.text)));
    for (const key of keys) repeated.set(key, (repeated.get(key) ?? 0) + 1);
  });

  const texts: PageText[] = cleaned.map((page, index) => {
    const byHeight = [...page.lines].sort((a, b) => b.y - a.y);
    const context: PageContext = {
      lines: page.lines,
      edges: edgesByPage[index]!,
      top: byHeight[0],
      bottom: byHeight[byHeight.length - 1],
      repeated,
      pageCount: cleaned.length,
      layout,
    };
    const body = page.lines.filter((line) => !isRunningLine(line, context));
    const blocks = buildBlocks(body, layout, vocabulary);
    return { page: page.page, text: joinBlocks(blocks), blocks };
  });

  // A word hyphenated across a page break belongs to the page where it starts.
  for (let index = 0; index + 1 < texts.length; index++) {
    const current = texts[index]!;
    const next = texts[index + 1]!;
    const last = current.blocks.at(-1);
    const first = next.blocks[0];
    if (!last || !first || last.kind !== "text" || !endsWithHyphen(last.text)) continue;
    const match = /^(\S+)\s*/u.exec(first.text)!;
    last.text = joinHyphenated(last.text, match[1]!, vocabulary);
    first.text = first.text.slice(match[0].length);
    if (first.text === "") next.blocks.shift();
    current.text = joinBlocks(current.blocks);
    next.text = joinBlocks(next.blocks);
  }
  return texts;
}
