// One EPUB chapter (XHTML) to the book's blocks: every block element (p,
// div, li, blockquote…) a paragraph, <br> a line break kept as a line (verse,
// a letter's address), h1–h6 headings. Left out: the head, scripts and
// styles, navigation, notes (asides, epub:type or role footnote/endnote,
// note references such as a superscript "12" or "[3]"), page-break markers.
// A title the navigation document gives a place in the chapter becomes a
// heading there when the chapter sets none of its own.
import type { BookBlock } from "@/lib/books/paginate-blocks";
import { tokenizeMarkup } from "@/lib/books/read-markup";
import { normalizeSpaces } from "@/lib/text/normalize-spaces";

export interface ChapterBlocks {
  blocks: BookBlock[];
  /** The epub:type values on the document's html, body and top sections ("titlepage", "colophon"…). */
  types: Set<string>;
}

// prettier-ignore
const blockElements = new Set([
  "p", "div", "li", "ul", "ol", "dl", "dd", "dt", "blockquote", "section", "article", "header", "footer", "main",
  "pre", "table", "tr", "td", "th", "caption", "figure", "figcaption", "address", "center", "hgroup", "body", "hr",
  "h1", "h2", "h3", "h4", "h5", "h6",
]);
const headingElements = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);
const skippedElements = new Set(["head", "script", "style", "nav", "aside", "svg", "math", "template", "rt", "rp", "object", "iframe"]);
const voidElements = new Set(["br", "img", "hr", "meta", "link", "input", "wbr", "col", "area", "base", "source", "image"]);
const skippedTypes = /\b(footnotes?|endnotes?|rearnotes?|note|noteref|toc|landmarks|page-list|pagebreak|annotation)\b/u;
const noteMarker = /^\s*[[(]?\s*(\d{1,4}|[*†‡]+|[ivxlc]{1,6})\s*[\])]?\s*$/u;

function typesOf(attributes: Record<string, string>): string {
  return `${attributes["epub:type"] ?? ""} ${(attributes.role ?? "").replace(/\bdoc-/gu, "")}`.toLowerCase();
}

/**
 * `navTitles`: titles the navigation document places in this chapter, by
 * element id ("" for the chapter's start).
 */
export function xhtmlToBlocks(source: string, navTitles: ReadonlyMap<string, string> = new Map()): ChapterBlocks {
  const blocks: BookBlock[] = [];
  const types = new Set<string>();
  const stack: string[] = [];
  let skipDepth = 0;
  let headingDepth = 0;
  let buffer = "";
  let bufferIsHeading = false;
  let pendingTitle = navTitles.get("");
  const inlineStarts: { name: string; start: number; href: boolean }[] = [];

  const flush = () => {
    const lines = buffer
      .split("\n")
      .map((line) => normalizeSpaces(line.replace(/\u00ad/gu, "")))
      .filter((line) => line !== "");
    buffer = "";
    const heading = bufferIsHeading;
    bufferIsHeading = false;
    if (lines.length === 0) return;
    if (pendingTitle !== undefined) {
      if (!heading) blocks.push({ kind: "heading", text: pendingTitle });
      pendingTitle = undefined;
    }
    if (heading) for (const line of lines) blocks.push({ kind: "heading", text: line });
    else blocks.push({ kind: "text", text: lines.join("\n"), lines });
  };

  for (const token of tokenizeMarkup(source)) {
    if (token.type === "text") {
      if (skipDepth === 0 && stack.includes("body")) {
        buffer += token.text.replace(/[\t\r\n]+/gu, " ");
        if (headingDepth > 0) bufferIsHeading = true;
      }
      continue;
    }
    if (token.type === "open") {
      const { name, attributes } = token;
      const isVoid = token.selfClosing || voidElements.has(name);
      const kinds = typesOf(attributes);
      if (["html", "body", "section"].includes(name) && stack.filter((entry) => entry === "section").length < 2) {
        for (const kind of kinds.split(/\s+/u)) if (kind) types.add(kind);
      }
      if (skipDepth > 0) {
        if (!isVoid) {
          stack.push(name);
          skipDepth++;
        }
        continue;
      }
      if (skippedElements.has(name) || (skippedTypes.test(kinds) && !["html", "body"].includes(name))) {
        if (!isVoid) {
          stack.push(name);
          skipDepth = 1;
        }
        continue;
      }
      if (attributes.id !== undefined && navTitles.has(attributes.id)) {
        flush();
        pendingTitle = navTitles.get(attributes.id);
      }
      if (name === "br") {
        buffer += "\n";
        continue;
      }
      if (blockElements.has(name)) flush();
      if (isVoid) continue;
      stack.push(name);
      if (headingElements.has(name)) headingDepth++;
      if (name === "sup" || name === "a") inlineStarts.push({ name, start: buffer.length, href: (attributes.href ?? "").includes("#") });
      continue;
    }
    // A closing tag: pop to its element (tolerating unclosed inner ones).
    const index = stack.lastIndexOf(token.name);
    if (index < 0) continue;
    const popped = stack.splice(index);
    if (skipDepth > 0) {
      skipDepth = Math.max(0, skipDepth - popped.length);
      continue;
    }
    for (const name of popped) {
      if (headingElements.has(name)) headingDepth = Math.max(0, headingDepth - 1);
      if (name === "sup" || name === "a") {
        const inline = inlineStarts.pop();
        // A note reference: a superscript or a linked "12", "[3]", "*".
        if (inline && (name === "sup" || inline.href) && noteMarker.test(buffer.slice(inline.start))) {
          buffer = buffer.slice(0, inline.start);
        }
      }
    }
    if (popped.some((name) => blockElements.has(name))) {
      if (headingElements.has(token.name)) bufferIsHeading = true;
      flush();
    }
  }
  flush();
  return { blocks, types };
}
