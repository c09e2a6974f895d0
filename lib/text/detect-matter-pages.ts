// Which pages look like a publisher's pages rather than the novel: covers,
// title and half-title pages, "Du même auteur" lists, collection pages,
// credits ("Édition de référence", "Relecture : …"), edition, copyright and
// licence notices, tables of contents, colophons.
//
// This looks at one page at a time and only says "looks like matter"; a page
// is treated as front or back matter only inside the run of such pages at the
// very start or end of the book (see lib/text/find-matter-rows.ts), so a
// sparse page in the middle of the novel (an epigraph, a letter's address)
// stays text.
//
// No publisher's own strings: the page is weighed by its layout (short
// centred lines one item each, little text, lines that do not fill the
// measure) and its content (no finite-verb prose, few sentence ends, many
// capitalised words, "Label : value" lines) and by how many distinct kinds
// of publisher's vocabulary it holds (identifiers, rights, printing, edition,
// collection, digital edition, licence, credits, dates, addresses, another
// language). One cue alone never decides: a novel's first page may well say
// "bibliothèque" or "1815".
import { listWords } from "@/lib/text/count-words";
import type { PageLines, PageText } from "@/lib/text/extract-page-text";

/** Lowercase, accents off, ligatures and spacing normalised: cues match any typesetting of the word. */
function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[’ʼ`]/gu, "'")
    .replace(/[\s\u00a0]+/gu, " ");
}

// Kinds of publisher's vocabulary, matched on folded text. A page counts
// each kind once, however often it appears. Strong kinds are words a novel's
// prose practically never holds; weak ones (an edition, a collection, a
// year, a translation) it may, so they count only on a page that is not prose.
const strongCues: RegExp[] = [
  // Identifiers.
  /\bisbn\b|\bissn\b|\bean ?13\b|\b97[89][- ]?\d[\d -]{8,}/u,
  // Rights.
  /©|\(c\) ?\d{4}|\bcopyright\b|\btous droits\b|\bdroits (de reproduction|d'auteur|reserves)\b|\breproduction (interdite|reservee)\b/u,
  // Printing and legal deposit.
  /\bdepot legal\b|\bacheve d'imprimer\b|\bimprime (en|au|par|sur)\b|\bimprimerie\b|\bimprimeur\b|\bphotocomposition\b|\bn ?[°o] d'(edition|impression|editeur|imprimeur)\b/u,
  // Lists of the author's or publisher's other books.
  /\bdu meme auteur\b|\bdes memes auteurs\b|\bchez le meme editeur\b|\bdans la meme collection\b|\b(œ|oe)uvres (de|du|completes)\b|\bouvrages (de|du)\b|\bbibliographie\b|\ba paraitre\b/u,
  // Contents.
  /\btable des matieres\b|^ ?(sommaire|table|index|contents) ?$/mu,
  // Web and mail addresses.
  /\bwww\.|https?:\/\/|\b[a-z0-9.-]+@[a-z0-9-]+\.[a-z]{2,}\b|\b[a-z0-9-]+\.(com|org|net|fr|ca|be|ch)\b/u,
  // Licences and terms of use.
  /\blicen[cs]es?\b|\bdomaine public\b|\bpublic domain\b|\bcreative commons\b|\bcc[- ]by\b|\blibre de droits\b|\btelecharg|\busage (prive|personnel|commercial)\b|\bfree of charge\b/u,
  // Digital editions.
  /\b(livre|edition|bibliotheque|version|texte)s? (electronique|numerique)s?\b|\be-?books?\b|\bepub\b|\bpdf\b|\bnumeris(e|ee|ation)\b/u,
  // Talking about the book as an object.
  /\b(cet|ce|cette) (ouvrage|livre|edition|volume|fichier|ebook)\b|\bla presente edition\b|\bthis (ebook|book|work|edition|file)\b/u,
];
const weakCues: RegExp[] = [
  // Edition and publisher.
  /\beditions?\b|\bediteurs?\b|\bedite(e|es|s)?\b|\bpubli(e|ee|es|ees|cation)\b|\bparution\b|\breedition\b/u,
  // Collection, series, volume, version.
  /\bcollection\b|\bvolume\b|\bversion \d|\bv\. ?\d\.\d|\bn ?[°o] ?\d+\b|\bparus\b/u,
  // Credits.
  /\brelecture\b|\brelu (par|et)\b|\bcorrect(ion|ions|eurs?)\b|\bmise en page\b|\bcouverture\b|\billustrations?\b|\bmaquette\b|\btranscri(ption|t|te)\b|\btexte etabli\b|\bedition de reference\b|\bcredits?\b|\bcontribu(teurs?|tion)\b|\bbenevoles?\b|\bremerciements\b|\btradu(ction|cteur|it de|ite de)\b|\bpreface de\b|\bfontes?\b|\bgratuit(e|es|ement)?\b/u,
  // Dates of an imprint.
  /\b(1[5-9]\d\d|20\d\d)\b/u,
];

// A page in another language than the novel's (an English licence): its most
// frequent function words.
// prettier-ignore
const englishWords = new Set(["the", "of", "and", "to", "is", "this", "you", "with", "for", "any", "or", "are", "by", "not", "may", "be", "it", "that", "under", "at", "in", "on", "from", "as", "your", "use"]);
// Finite-verb prose: subject pronouns and the commonest finite verbs.
// prettier-ignore
const proseWords = new Set(["il", "elle", "ils", "elles", "je", "j'", "tu", "on", "nous", "vous", "est", "etait", "sont", "etaient", "fut", "a", "avait", "ont", "avaient", "eut", "dit", "fit", "se", "s'", "ne", "n'", "qui", "que", "qu'"]);

const tocLine = /((\.\s?){3,}|…{2,}|\s{2,})\s*\d{1,4}\s*$/u;
const numberedLine = /\S\s+\d{1,4}$/u;
const pageNumberLine = /^[-–—\s]*([\divxlcdm]{1,7}|page \d+)[-–—\s]*$/iu;
const labelLine = /^[\p{L}][\p{L}'’ -]{1,40}\s?:\s?\S/u;
const sentenceEnd = /[.!?…](?=[»”’")\]\s]*(\s|$))/gu;
const lineEndsSentence = /[.!?…][»”’")\]]*$/u;
const verseLineEnd = /[,;:]$/u;
const partHeading =
  /^(première|deuxième|troisième|quatrième|cinquième|sixième|septième|huitième|neuvième|dixième|seconde|dernière)\s+partie$|^(livre|partie|chapitre|tome|acte|scène|prologue|épilogue)\b|^[IVXLC]+\.?$|^fin\.?$/iu;

interface Measure {
  /** The measure of a line of prose in this chunk (points), when it has prose. */
  bodyWidth?: number;
}

function chunkMeasure(lines: PageLines[]): Measure {
  const widths = lines
    .flatMap((page) => page.lines)
    .filter((line) => listWords(line.text).length >= 8)
    .map((line) => line.endX - line.x)
    .sort((a, b) => a - b);
  if (widths.length < 10) return {};
  return { bodyWidth: widths[Math.floor(widths.length * 0.75)] };
}

interface PageFeatures {
  words: number;
  lines: number;
  /** Lines that fill the measure (prose). */
  fullLines: number;
  /** Short lines holding one item: a title, a name, a label. */
  shortLines: number;
  sentenceEnds: number;
  linesEndingSentence: number;
  linesEndingVerse: number;
  labelLines: number;
  numberedLines: number;
  proseWords: number;
  englishWords: number;
  capitalised: number;
  strongCues: number;
  weakCues: number;
}

function measurePage(page: PageLines, text: PageText, measure: Measure): PageFeatures {
  const lines = page.lines.filter((line) => line.text.trim() !== "" && !pageNumberLine.test(line.text.trim()));
  const tokens = listWords(text.text);
  const folded = fold(lines.map((line) => line.text.trim()).join("\n"));
  let fullLines = 0;
  let shortLines = 0;
  let linesEndingSentence = 0;
  let linesEndingVerse = 0;
  let labelLines = 0;
  let numberedLines = 0;
  for (const line of lines) {
    const content = line.text.trim();
    const words = listWords(content).length;
    const width = line.endX - line.x;
    const full = measure.bodyWidth ? width >= 0.8 * measure.bodyWidth && words >= 6 : words >= 10;
    if (full) fullLines++;
    const short = words <= 7 && (!measure.bodyWidth || width < 0.7 * measure.bodyWidth);
    if (short) shortLines++;
    if (lineEndsSentence.test(content)) linesEndingSentence++;
    if (verseLineEnd.test(content)) linesEndingVerse++;
    if (labelLine.test(content) && words <= 12) labelLines++;
    if (numberedLine.test(content) && words <= 12) numberedLines++;
  }
  let proseCount = 0;
  let englishCount = 0;
  let capitalised = 0;
  for (const token of tokens) {
    const bare = fold(token).replace(/^[^\p{L}]+|[^\p{L}']+$/gu, "");
    const head = bare.includes("'") ? bare.slice(0, bare.indexOf("'") + 1) : bare;
    if (proseWords.has(bare) || proseWords.has(head)) proseCount++;
    if (englishWords.has(bare)) englishCount++;
    if (/^[^\p{L}]*\p{Lu}/u.test(token)) capitalised++;
  }
  return {
    words: tokens.length,
    lines: lines.length,
    fullLines,
    shortLines,
    sentenceEnds: [...text.text.matchAll(sentenceEnd)].length,
    linesEndingSentence,
    linesEndingVerse,
    labelLines,
    numberedLines,
    proseWords: proseCount,
    englishWords: englishCount,
    capitalised,
    strongCues: strongCues.filter((kind) => kind.test(folded)).length,
    weakCues: weakCues.filter((kind) => kind.test(folded)).length,
  };
}

/** A page of the author's text: lines filling the measure, sentences, finite verbs. */
function isProse(page: PageFeatures): boolean {
  return (
    page.words >= 60 &&
    page.fullLines >= 4 &&
    page.fullLines >= 0.4 * page.lines &&
    page.sentenceEnds >= 2 &&
    page.proseWords >= 0.06 * page.words
  );
}

/** One flag per page: true when the page reads as a publisher's page. */
export function detectMatterPages(lines: PageLines[], texts: PageText[]): boolean[] {
  const measure = chunkMeasure(lines);
  return texts.map((text, index) => {
    const page = lines[index] ?? { page: text.page, lines: [] };
    const raw = page.lines.map((line) => line.text.trim()).filter(Boolean);
    if (raw.filter((line) => tocLine.test(line)).length >= 3) return true;
    const features = measurePage(page, text, measure);
    if (features.words === 0) return false;
    const headingsOnly =
      text.blocks.length > 0 && text.blocks.every((block) => block.kind === "heading" && partHeading.test(block.text));
    if (headingsOnly) return false;

    // Another language than the novel's (an English licence or notice).
    let strong = features.strongCues;
    if (features.words >= 20 && features.englishWords >= 0.12 * features.words) strong += 2;
    // Contents set as "Title  12" lines.
    if (features.numberedLines >= 3 && features.numberedLines >= 0.5 * features.lines) strong += 2;
    let weak = features.weakCues;
    // Credits set as "Label : value" lines; names and titles, most words capitalised.
    if (features.labelLines >= 2) weak++;
    if (features.words >= 4 && features.capitalised >= 0.5 * features.words) weak++;

    // A notice written in sentences (a licence, "about this edition").
    if (strong >= 3) return true;
    if (isProse(features)) return false;
    if (strong + weak >= 2) return true;
    // A title page, half-title or dedication: a few words and no sentence.
    if (features.words <= 40 && features.sentenceEnds === 0) return true;
    // A list, one item per line: titles, names, credits. Verse has its
    // punctuation at line ends and its verbs; a list has neither.
    const listLike =
      features.lines >= 3 &&
      features.shortLines >= 0.7 * features.lines &&
      features.linesEndingSentence <= 0.3 * features.lines &&
      features.linesEndingVerse <= 0.2 * features.lines &&
      features.proseWords <= Math.max(1, 0.04 * features.words);
    if (listLike) return true;
    // A short page set all in capitals.
    const letters = text.text.replace(/[^\p{L}]/gu, "");
    const capitals = letters.replace(/[^\p{Lu}]/gu, "").length;
    return features.words <= 120 && capitals >= 0.9 * letters.length;
  });
}
