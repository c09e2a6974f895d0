// Which pages look like a publisher's pages rather than the novel: title and
// half-title pages, "Du même auteur" lists, edition and copyright notices,
// tables of contents, colophons ("Achevé d'imprimer", ISBN, dépôt légal).
//
// This looks at one page at a time and only says "looks like matter"; a page
// is treated as front or back matter only inside the run of such pages at the
// very start or end of the book (see lib/text/mark-matter-rows.ts), so a
// sparse page in the middle of the novel (an epigraph, a letter's address)
// stays text. Markers are phrases a novel's prose practically never holds.
import { listWords } from "@/lib/text/count-words";
import type { PageLines, PageText } from "@/lib/text/extract-page-text";

const markers = [
  /\bISBN\b/u,
  /©|\(c\)\s*\d{4}|\bcopyright\b/iu,
  /tous droits (de [a-zé]+ )?(réservés|de reproduction)/iu,
  /dépôt légal/iu,
  /achevé d['’]imprimer/iu,
  /imprimé (en|au) (France|Belgique|Suisse|Canada|Italie|Espagne)/iu,
  /\bdu même auteur\b|\bchez le même éditeur\b|\bdans la même collection\b|\bœuvres de\b/iu,
  /\btable des matières\b|^\s*sommaire\s*$/imu,
  /\bn° d['’](édition|impression|éditeur)\b/iu,
  /\bwww\.|https?:\/\/|@[a-z0-9-]+\.(com|fr|org)\b/iu,
  /\blicence\b.*\b(creative commons|CC[- ]BY|art libre|GNU)\b|\bcreative commons\b/iu,
  /\bbibebook\b|\bebooksgratuits\b|\bgutenberg\b|\bwikisource\b/iu,
  /\bont contribué à cette édition\b|^\s*cr[ée]dits\s*$/imu,
];

const tocLine = /((\.\s?){3,}|…{2,}|\s{2,})\s*\d{1,4}\s*$/u;
const partHeading =
  /^(première|deuxième|troisième|quatrième|cinquième|sixième|septième|huitième|neuvième|dixième|seconde|dernière)\s+partie$|^(livre|partie|chapitre|tome|acte|scène)\b|^[IVXLC]+\.?$/iu;

/** One flag per page: true when the page reads as a publisher's page. */
export function detectMatterPages(lines: PageLines[], texts: PageText[]): boolean[] {
  return texts.map((page, index) => {
    const raw = (lines[index]?.lines ?? []).map((line) => line.text.trim()).filter(Boolean);
    const all = raw.join("\n");
    if (markers.some((marker) => marker.test(all))) return true;
    if (raw.filter((line) => tocLine.test(line)).length >= 3) return true;
    const headingsOnly =
      page.blocks.length > 0 &&
      page.blocks.every((block) => block.kind === "heading" && partHeading.test(block.text));
    if (headingsOnly) return false;
    // A title page, half-title or dedication: a few words and no sentence,
    // or a short page set all in capitals.
    const words = listWords(page.text).length;
    if (words > 0 && words <= 40 && !/[.!?…]/u.test(page.text)) return true;
    const letters = page.text.replace(/[^\p{L}]/gu, "");
    const capitals = letters.replace(/[^\p{Lu}]/gu, "").length;
    return words > 0 && words <= 120 && capitals >= 0.9 * letters.length;
  });
}
