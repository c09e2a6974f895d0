import { describe, expect, it } from "vitest";
import { createLocalEngine } from "@/tests/support/local-engine";
import { readPdfPageLines } from "@/lib/pdf/read-page-lines";
import { buildBookRows } from "@/lib/pipeline/book-rows";
import { detectMatterPages } from "@/lib/text/detect-matter-pages";
import { extractPageText, type PageLines, type TextLine } from "@/lib/text/extract-page-text";
import { buildEditionPdf, publisherStyles, type EditionPdf } from "@/tests/fixtures/publisher-pages";

// A novel in the manner of Bel-Ami, written for these tests: a first
// chapter, a visiting card and a letter's signature set alone on their
// lines (make-novel-pdf centres a short paragraph like a title), a second
// chapter, and "FIN" after the last sentence.
const scene = [
  "Quand la caissière lui eut rendu la monnaie de sa pièce, le jeune homme sortit du restaurant et resta un moment sur le trottoir, ne sachant pas ce qu'il allait faire de sa soirée.",
  "Il avait dans sa poche trois francs et quelques sous, de quoi dîner deux fois sans déjeuner, ou déjeuner deux fois sans dîner, et il calculait cela en marchant vers le boulevard.",
  "— Tiens, te voilà ! cria une voix derrière lui. Je te cherchais depuis une heure, mon vieux, et je commençais à croire que tu avais quitté Paris.",
  "Il se retourna et reconnut son ancien camarade de régiment, engraissé, vêtu d'un pardessus neuf, qui lui tendait les deux mains avec une joie bruyante.",
];
const novelText = [
  "I",
  ...scene,
  "Le lendemain matin, il alla chez le graveur du passage et se fit faire des cartes de visite. Il en tendit une au concierge de la maison, qui la lut tout haut avec respect :",
  "Georges Duroy",
  "Le concierge la garda un instant entre ses doigts, puis il monta l'escalier en la tenant devant lui comme un objet précieux, et revint dire que madame recevait.",
  ...scene.slice(0, 2),
  "II",
  ...scene.slice(1),
  "Le soir, il écrivit à son amie une longue lettre où il lui racontait tout, et il la termina ainsi : Je vous baise les mains, chère madame, et je reste votre serviteur dévoué.",
  "Georges Duroy",
  "Puis il relut sa lettre deux fois, la trouva bonne, et alla la jeter lui-même à la poste avant minuit, en sifflant un air de café-concert.",
  ...scene.slice(0, 3),
  "Il descendit les marches du perron, et le peuple de Paris le regardait passer. Il aperçut au loin, derrière la Concorde, la Chambre des députés, et il lui sembla qu'il allait faire un bond du portique de la Madeleine au portique du Palais-Bourbon.",
  "FIN",
].join("\n\n");

async function editionRows(edition: EditionPdf, includeMatter = false) {
  const result = await createLocalEngine().process({
    pdf: edition.bytes,
    firstPage: 1,
    lastPage: edition.pageCount,
    ownedFirst: 1,
    ownedLast: edition.pageCount,
    maxWords: 12,
    signal: new AbortController().signal,
  });
  return buildBookRows(result.sentences, { maxWords: 12, includeMatter, pageCount: edition.pageCount });
}

// Words only the publishers' pages hold.
const matterWords =
  /Collection|Volume|Relecture|Mise en page|Édition|Bibliothèque|Jean-Yves|Dupuis|Horla|Yvette|ebook|licence|Gallimard|ISBN|Dépôt|Impression|Imprimé|Composition|contributeurs|Zephyrine|HAVARD|Préface|Dossier|propriété|ouvrage|Exporté|domaine public/iu;

describe.each(Object.entries(publisherStyles))("an edition in the style of a %s", (_, style) => {
  it("flags its publisher's pages and none of the novel's", async () => {
    const edition = await buildEditionPdf(style, { text: novelText, title: "Bel-Ami" });
    const lines = await readPdfPageLines(edition.bytes, 1);
    const flags = detectMatterPages(lines, extractPageText(lines));
    const novelPages = edition.pageCount - edition.frontMatterPages - edition.backMatterPages;
    expect(flags).toEqual([
      ...Array<boolean>(edition.frontMatterPages).fill(true),
      ...Array<boolean>(novelPages).fill(false),
      ...Array<boolean>(edition.backMatterPages).fill(true),
    ]);
  });

  it("leaves those pages out of the rows, keeps the first chapter and the last page with FIN, and keeps them when asked", async () => {
    const edition = await buildEditionPdf(style, { text: novelText, title: "Bel-Ami" });
    const book = await editionRows(edition);
    expect(book.frontMatterPages).toBe(edition.frontMatterPages);
    expect(book.backMatterPages).toBe(edition.backMatterPages);
    expect(book.rows.filter((row) => matterWords.test(row.text)).map((row) => row.text)).toEqual([]);
    expect(book.rows[0]).toMatchObject({ kind: "heading", text: "I" });
    expect(book.rows[1]!.text).toMatch(/^Quand la caissière/u);
    expect(book.rows.at(-1)).toMatchObject({ kind: "heading", text: "FIN" });
    expect(book.rows.at(-2)!.original).toMatch(/Palais-Bourbon\.$/u);

    const kept = await editionRows(edition, true);
    expect(kept.rows.length).toBeGreaterThan(book.rows.length);
    expect(kept.rows.some((row) => matterWords.test(row.text))).toBe(true);
  });
});

describe("a name alone on its line inside the story", () => {
  it("is a sentence row, not a heading, while chapter numerals stay headings", async () => {
    const edition = await buildEditionPdf(publisherStyles["digital library (collection page, list, credits, colophon)"], {
      text: novelText,
      title: "Bel-Ami",
    });
    const book = await editionRows(edition);
    const names = book.rows.filter((row) => row.text === "Georges Duroy");
    expect(names).toHaveLength(2);
    expect(names.map((row) => row.kind)).toEqual(["sentence", "sentence"]);
    expect(book.rows.filter((row) => row.kind === "heading").map((row) => row.text)).toEqual(["I", "II", "FIN"]);
  });

  // Lines as pdfjs gives them: 11 pt prose on a 288 pt measure, a centred name.
  function prosePage(page: number, before: string[], name: string, after: string[]): PageLines {
    const lines: TextLine[] = [];
    let y = 546;
    const push = (text: string, x: number, endX: number) => {
      lines.push({ text, x, y, endX, size: 11 });
      y -= 13.5;
    };
    before.forEach((text, index) => push(text, index === 0 ? 72 : 54, 342));
    y -= 13.5;
    push(name, 160, 236);
    y -= 13.5;
    after.forEach((text, index) => push(text, index === 0 ? 72 : 54, 342));
    return { page, lines };
  }

  it("is text after a sentence end too (a signature), and after a colon (a card)", () => {
    const [signed, card] = extractPageText([
      prosePage(
        221,
        ["Il termina sa lettre par les formules d'usage,", "et la signa d'une main ferme et rapide."],
        "Georges Duroy",
        ["Puis il cacheta l'enveloppe et sortit", "pour la porter lui-même à la poste."],
      ),
      prosePage(
        222,
        ["Le concierge prit la carte et lut à voix", "haute, en regardant le visiteur :"],
        "Rédacteur à la Vie Française",
        ["Il le fit monter sans un mot de plus,", "avec un respect tout nouveau."],
      ),
    ]);
    expect(signed!.blocks.map((block) => block.kind)).toEqual(["text", "text", "text"]);
    expect(signed!.blocks[1]!.text).toBe("Georges Duroy");
    expect(card!.blocks.map((block) => block.kind)).toEqual(["text", "text", "text"]);
  });

  it("leaves a centred chapter title after a chapter's end a heading", () => {
    const [page] = extractPageText([
      prosePage(
        40,
        ["Et il s'endormit, le cœur plein de projets,", "avant même d'avoir soufflé sa bougie."],
        "Un dîner chez les Walter",
        ["Le jeudi suivant, il arriva le premier", "et attendit au salon."],
      ),
    ]);
    expect(page!.blocks.map((block) => block.kind)).toEqual(["text", "heading", "text"]);
  });
});

describe("detectMatterPages on single pages", () => {
  const lineAt = (text: string, y: number, x = 54, size = 11): TextLine => ({
    text,
    x,
    y,
    endX: x + text.length * 5.1,
    size,
  });

  it("keeps a first page of prose that mentions a year, a library and a collection", () => {
    const prose = [
      "En 1815, le vieux bibliothécaire de la ville passait ses",
      "journées dans la bibliothèque du collège, où il rangeait",
      "avec soin sa collection de gravures et de vieux volumes.",
      "Il n'avait jamais quitté le pays, et il disait souvent",
      "qu'il mourrait là, entre ses livres et son jardin. Sa",
      "sœur tenait la maison. Elle était plus jeune que lui, et",
      "elle riait de ses manies sans jamais les contrarier.",
      "Chaque soir, ils dînaient ensemble dans la petite salle",
      "qui donnait sur la rue, et ils parlaient du temps qu'il",
      "ferait le lendemain. Puis il remontait lire jusqu'à minuit.",
    ];
    const lines = [{ page: 7, lines: prose.map((text, index) => lineAt(text, 500 - 13.5 * index)) }];
    expect(detectMatterPages(lines, extractPageText(lines))).toEqual([false]);
  });

  it("flags a list of titles one per line without a heading, but not a page of verse", () => {
    const list = ["Boule de suif", "Contes de la bécasse", "Fort comme la mort", "Notre cœur", "Pierre et Jean", "Une vie"];
    const verse = [
      "Souvent, pour s'amuser, les hommes d'équipage",
      "Prennent des albatros, vastes oiseaux des mers,",
      "Qui suivent, indolents compagnons de voyage,",
      "Le navire glissant sur les gouffres amers.",
    ];
    const pages = [
      { page: 3, lines: list.map((text, index) => lineAt(text, 500 - 20 * index, 150)) },
      { page: 60, lines: verse.map((text, index) => lineAt(text, 500 - 13.5 * index, 80)) },
    ];
    expect(detectMatterPages(pages, extractPageText(pages))).toEqual([true, false]);
  });
});
