// The benchmark book's text as an EPUB (one chapter file per 40 paragraphs,
// a navigation document, a cover and a publisher's page) and as a
// Gutenberg-style text file (header, footer, hard-wrapped paragraphs).
import { zipSync } from "fflate";
import { gutenbergFooter, gutenbergHeader, hardWrap, publisherLines } from "@/tests/fixtures/make-book-files";

const encoder = new TextEncoder();
const escapeXml = (text: string) => text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;");
const page = (body: string, type = "") =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>x</title></head><body${type ? ` epub:type="${type}"` : ""}>${body}</body></html>`;

export function paragraphsToEpub(paragraphs: string[], perChapter = 40): Uint8Array {
  const files: Record<string, [Uint8Array, { level: 0 | 6 }]> = {};
  const add = (path: string, content: string, level: 0 | 6 = 6) => (files[path] = [encoder.encode(content), { level }]);
  add("mimetype", "application/epub+zip", 0);
  add("META-INF/container.xml", `<container><rootfiles><rootfile full-path="OEBPS/content.opf"/></rootfiles></container>`);
  add("OEBPS/cover.xhtml", page(`<img src="cover.jpg" alt="Couverture"/>`, "cover"));
  add("OEBPS/publisher.xhtml", page(publisherLines.filter(Boolean).map((line) => `<p>${escapeXml(line)}</p>`).join("")));
  const ids: string[] = [];
  for (let start = 0, chapter = 1; start < paragraphs.length; start += perChapter, chapter++) {
    const body = paragraphs.slice(start, start + perChapter).map((paragraph) => `<p>${escapeXml(paragraph)}</p>`).join("\n");
    add(`OEBPS/c${chapter}.xhtml`, page(`<h2>Chapitre ${chapter}</h2>\n${body}`));
    ids.push(`c${chapter}`);
  }
  add("OEBPS/nav.xhtml", page(`<nav epub:type="toc"><ol>${ids.map((id) => `<li><a href="${id}.xhtml">${id}</a></li>`).join("")}</ol></nav>`));
  const items = ["cover", "publisher", "nav", ...ids]
    .map((id) => `<item id="${id}" href="${id}.xhtml" media-type="application/xhtml+xml"${id === "nav" ? ` properties="nav"` : ""}/>`)
    .join("");
  add(
    "OEBPS/content.opf",
    `<package version="3.0"><manifest>${items}</manifest><spine>${["cover", "publisher", "nav", ...ids].map((id) => `<itemref idref="${id}"/>`).join("")}</spine></package>`,
  );
  return zipSync(files);
}

export function paragraphsToGutenbergText(paragraphs: string[], perChapter = 40): Uint8Array {
  const lines = [...gutenbergHeader, ...publisherLines];
  paragraphs.forEach((paragraph, index) => {
    if (index % perChapter === 0) lines.push(`CHAPITRE ${index / perChapter + 1}`, "");
    lines.push(...hardWrap(paragraph), "");
  });
  lines.push(...gutenbergFooter);
  return encoder.encode(lines.join("\n"));
}
