import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { sniffBookFormat } from "@/lib/books/book-format";
import { findMatterSections, readBookSections } from "@/lib/books/read-book-sections";
import { xhtmlToBlocks } from "@/lib/books/xhtml-to-blocks";
import { countWords } from "@/lib/text/count-words";
import { corpusMissing } from "@/tests/fixtures/corpus-text";
import { epubFiles, makeEpub, utf8, zipFiles } from "@/tests/fixtures/make-book-files";
import { refusal } from "@/tests/support/refusal";

const limits = { maxInflatedBytes: 32 * 1024 * 1024 };

describe("XHTML chapters to blocks", () => {
  it("makes paragraphs of block elements, lines of <br>, headings of h1–h6, and leaves notes out", () => {
    const { blocks } = xhtmlToBlocks(`<html><head><title>x</title><style>p{}</style></head><body>
      <h2>Chapitre <em>III</em></h2>
      <p>Il entra&#160;; elle le vit<sup><a href="n.xhtml#1" epub:type="noteref">12</a></sup>. Puis
        il sortit&nbsp;!</p>
      <div class="poem"><p>Le ciel est, par-dessus le toit,<br/>Si bleu, si calme&#x202F;!</p></div>
      <span epub:type="pagebreak" id="p12">12</span>
      <aside epub:type="footnote"><p>Une note.</p></aside>
      <blockquote><p>« Cher ami, »</p></blockquote>
    </body></html>`);
    expect(blocks).toEqual([
      { kind: "heading", text: "Chapitre III" },
      { kind: "text", text: "Il entra\u00a0; elle le vit. Puis il sortit\u00a0!", lines: ["Il entra\u00a0; elle le vit. Puis il sortit\u00a0!"] },
      { kind: "text", text: "Le ciel est, par-dessus le toit,\nSi bleu, si calme\u202f!", lines: ["Le ciel est, par-dessus le toit,", "Si bleu, si calme\u202f!"] },
      { kind: "text", text: "« Cher ami, »", lines: ["« Cher ami, »"] },
    ]);
  });

  it("puts the navigation document's title where a chapter sets none", () => {
    const { blocks } = xhtmlToBlocks(`<html><body><p>Premier.</p><section id="c2"><p>Second.</p></section></body></html>`, new Map([["", "I"], ["c2", "II"]]));
    expect(blocks.map((block) => `${block.kind}:${block.text}`)).toEqual(["heading:I", "text:Premier.", "heading:II", "text:Second."]);
  });

  it("reads a huge chapter in time linear in its size", () => {
    const paragraph = "<p>Elle regardait la campagne, et le vent soufflait sur les blés.</p>";
    const { blocks } = xhtmlToBlocks(`<html><body>${paragraph.repeat(50_000)}</body></html>`);
    expect(blocks).toHaveLength(50_000);
  });
});

describe.skipIf(corpusMissing())("an EPUB of Madame Bovary", () => {
  for (const version of [3, 2] as const) {
    it(`EPUB ${version}: reads the spine in order, the cover, contents and notes left out, the publisher's pages flagged`, () => {
      const bytes = makeEpub({ words: 3000, version });
      expect(sniffBookFormat(bytes).format).toBe("epub");
      const sections = readBookSections("epub", bytes, limits);
      const matter = findMatterSections(sections);
      const texts = sections.pages.map((page) => page.text);
      const all = texts.join("\n");
      expect(all).not.toMatch(/Table des matières|Note de l'éditeur|Couverture/u);
      expect(all).not.toMatch(/vit\.1|professeur\.1/u);
      const first = texts.findIndex((text) => text.includes("Nous étions"));
      expect(first).toBeGreaterThan(0);
      expect(matter.slice(0, first)).toEqual(Array(first).fill(true));
      expect(matter.at(-1)).toBe(true); // The colophon.
      expect(matter.slice(first, -1).some(Boolean)).toBe(false);
      const headings = sections.pages.flatMap((page) => page.blocks.filter((block) => block.kind === "heading").map((block) => block.text));
      expect(headings).toEqual(["Madame Bovary", "Première partie", "I", "II", "III"]);
      expect(all).toContain("Souvent la chaleur d'un petit jour\nFait rêver fillette à l'amour.");
      expect(Math.max(...sections.pages.map((page) => countWords(page.text)))).toBeLessThanOrEqual(375);
    });
  }

  it("refuses a ZIP that is not an EPUB, a broken container, DRM and an EPUB without text, each with its own message", () => {
    const files = (changes: Record<string, string | Uint8Array | null>) => zipFiles(epubFiles({ words: 500, files: changes }));
    const cases: [string, Uint8Array, string, RegExp][] = [
      ["a Word file", zipSync({ "[Content_Types].xml": utf8("<Types/>"), "word/document.xml": utf8("<w:document/>") }), "unsupported_media_type", /ZIP archive, not an EPUB/u],
      ["no package document", files({ "OEBPS/content.opf": null }), "book_invalid", /package document/u],
      ["no container", files({ "META-INF/container.xml": null }), "book_invalid", /container/u],
      ["a missing chapter", files({ "OEBPS/chapter-2.xhtml": null }), "book_invalid", /chapter-2/u],
      ["Adobe DRM", files({ "META-INF/rights.xml": "<rights/>" }), "book_encrypted", /DRM/u],
      [
        "encrypted chapters",
        files({
          "META-INF/encryption.xml": `<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData><enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/><enc:CipherData><enc:CipherReference URI="OEBPS/chapter-1.xhtml"/></enc:CipherData></enc:EncryptedData></encryption>`,
        }),
        "book_encrypted",
        /DRM/u,
      ],
      ["a truncated file", makeEpub({ words: 500 }).subarray(0, 3000), "book_invalid", /damaged/u],
    ];
    const messages = new Set<string>();
    for (const [name, bytes, code, message] of cases) {
      const refused = refusal(() => readBookSections("epub", bytes, limits));
      expect(refused.code, name).toBe(code);
      expect(refused.message, name).toMatch(message);
      messages.add(refused.message);
    }
    expect(messages.size).toBeGreaterThanOrEqual(cases.length - 1);
    // Font obfuscation is no DRM.
    const fonts = files({
      "META-INF/encryption.xml": `<encryption><EncryptedData><EncryptionMethod Algorithm="http://www.idpf.org/2008/embedding"/><CipherData><CipherReference URI="OEBPS/fonts/serif.otf"/></CipherData></EncryptedData></encryption>`,
    });
    expect(readBookSections("epub", fonts, limits).pages.length).toBeGreaterThan(0);
    // Only images: no text to read.
    const pictures = ["title", "publisher", "chapter-1", "chapter-2", "chapter-3", "colophon"];
    const empty = files(Object.fromEntries(pictures.map((name) => [`OEBPS/${name}.xhtml`, `<html><body><img src="a.jpg"/></body></html>`])));
    expect(refusal(() => readBookSections("epub", empty, limits))).toMatchObject({ code: "book_invalid", message: expect.stringMatching(/no text/u) });
  });

  it("refuses a zip bomb and a huge chapter while unzipping, before holding them", () => {
    // 64 MB of spaces deflate to about 64 KB.
    const bomb = zipFiles(epubFiles({ words: 500, files: { "OEBPS/chapter-1.xhtml": new Uint8Array(64 * 1024 * 1024).fill(0x20) } }));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(refusal(() => readBookSections("epub", bomb, limits))).toMatchObject({ code: "book_invalid", message: expect.stringMatching(/chapter-1\.xhtml|unpacks/u) });
    const many = Object.fromEntries(Array.from({ length: 8 }, (_, index) => [`OEBPS/extra-${index}.xhtml`, new Uint8Array(6 * 1024 * 1024).fill(0x20)]));
    expect(refusal(() => readBookSections("epub", zipFiles(epubFiles({ words: 500, files: many })), limits))).toMatchObject({
      code: "book_invalid",
      message: expect.stringMatching(/unpacks to more than 32 MB/u),
    });
  });
});
