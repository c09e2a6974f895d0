// An EPUB (2 or 3) to the book's blocks: the container names the package
// document, whose spine gives the chapters in reading order. Left out, by
// the EPUB's own marks: spine items outside the linear reading order, the
// navigation document, the cover, tables of contents and notes documents
// (epub:type, the guide); marked as a publisher's page (kept only when the
// job asks for them): title pages, copyright pages, colophons and the like.
// Pages an EPUB does not mark go through the same matter rules as a PDF's
// (lib/text/detect-matter-pages.ts), each file in sections of its own.
// Gutenberg's header and footer, which its EPUBs carry too, are left out.
//
// Refused with a clear error: a ZIP that is not an EPUB, a damaged
// container, encrypted (DRM) text, a bomb or an oversized chapter
// (lib/books/unzip-entries.ts counts what inflates), an EPUB without text.
import type { BookBlock } from "@/lib/books/paginate-blocks";
import { tokenizeMarkup } from "@/lib/books/read-markup";
import { withoutGutenbergWrapper } from "@/lib/books/read-text-book";
import { unzipEntries } from "@/lib/books/unzip-entries";
import { xhtmlToBlocks } from "@/lib/books/xhtml-to-blocks";
import { AppError } from "@/lib/errors";

export interface EpubLimits {
  maxInflatedBytes: number;
  /** Most bytes one chapter may inflate to. */
  maxChapterBytes?: number;
}

/** One chapter file may inflate to at most this: the longest novels' chapters are well under 1 MB. */
export const maxChapterBytes = 8 * 1024 * 1024;

const utf8 = new TextDecoder("utf-8");
const markupFile = /\.(xml|opf|ncx|xhtml|html|htm|xht)$/iu;
const droppedTypes = /\b(cover|toc|landmarks|loi|lot|index|footnotes?|endnotes?|rearnotes?|page-list)\b/u;
const matterTypes =
  /\b(titlepage|halftitlepage|copyright-page|colophon|imprint|imprimatur|contributors|other-credits|errata|seriespage|frontispiece|publisher|acknowledgments|copyright|credits|cover)\b/u;
const notesHeading = /^notes?( de l'auteur| du traducteur| de l'éditeur)?\.?$/iu;

function notAnEpub(): AppError {
  return new AppError("unsupported_media_type", "This file is a ZIP archive, not an EPUB (it has no EPUB container). Choose a PDF, an EPUB or a text file.", {
    detected: "a ZIP archive",
  });
}

function damaged(detail: string): AppError {
  return new AppError("book_invalid", `The EPUB is damaged: ${detail}. Try exporting it again from the original file.`);
}

/** A path inside the archive from an href relative to `base` (a folder, "" or ending with "/"). */
function resolvePath(base: string, href: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(href.split("#")[0]!);
  } catch {
    decoded = href.split("#")[0]!;
  }
  const parts: string[] = [];
  for (const part of `${base}${decoded}`.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return parts.join("/");
}

const folderOf = (path: string) => (path.includes("/") ? path.slice(0, path.lastIndexOf("/") + 1) : "");

interface ManifestItem {
  href: string;
  path: string;
  mediaType: string;
  properties: string;
}

function assertNotEncrypted(entries: Map<string, Uint8Array>): void {
  if (entries.has("META-INF/rights.xml")) {
    throw new AppError("book_encrypted", "This EPUB is protected by DRM (Adobe rights), so its text cannot be read. Upload a DRM-free copy.");
  }
  const encryption = entries.get("META-INF/encryption.xml");
  if (!encryption) return;
  // Font obfuscation (IDPF, Adobe) is allowed; encrypted text is DRM.
  let algorithm = "";
  for (const token of tokenizeMarkup(utf8.decode(encryption))) {
    if (token.type !== "open") continue;
    if (token.name === "encryptionmethod") algorithm = token.attributes.algorithm ?? "";
    if (token.name === "cipherreference") {
      const uri = token.attributes.uri ?? "";
      const fontObfuscation = /idpf\.org\/2008\/embedding|ns\.adobe\.com\/pdf\/enc#RC/u.test(algorithm);
      if (!fontObfuscation || markupFile.test(uri)) {
        throw new AppError("book_encrypted", "This EPUB is protected by DRM (its text is encrypted), so it cannot be read. Upload a DRM-free copy.", { uri });
      }
    }
  }
}

/** The navigation titles (EPUB 3 nav or EPUB 2 NCX), by chapter path, then element id ("" for the file's start). */
function readNavigationTitles(source: string, base: string, ncx: boolean): Map<string, Map<string, string>> {
  const titles = new Map<string, Map<string, string>>();
  const add = (href: string, title: string) => {
    const label = title.replace(/\s+/gu, " ").trim();
    if (!label) return;
    const path = resolvePath(base, href);
    const id = href.includes("#") ? href.slice(href.indexOf("#") + 1) : "";
    if (!titles.has(path)) titles.set(path, new Map());
    if (!titles.get(path)!.has(id)) titles.get(path)!.set(id, label);
  };
  let inToc = !ncx ? 0 : 1;
  let href: string | undefined;
  let label = "";
  let inLabel = false;
  const depth: string[] = [];
  for (const token of tokenizeMarkup(source)) {
    if (token.type === "open") {
      if (!ncx && token.name === "nav") {
        depth.push("nav");
        if (/\btoc\b/u.test(token.attributes["epub:type"] ?? "") || inToc > 0) inToc++;
      }
      if (inToc > 0 && !ncx && token.name === "a") {
        href = token.attributes.href;
        label = "";
        inLabel = true;
      }
      if (ncx && token.name === "navlabel") {
        label = "";
        inLabel = true;
      }
      if (ncx && token.name === "content" && token.attributes.src) {
        add(token.attributes.src, label);
        inLabel = false;
      }
    } else if (token.type === "close") {
      if (!ncx && token.name === "nav" && depth.pop() && inToc > 0) inToc--;
      if (!ncx && token.name === "a" && href !== undefined) {
        add(href, label);
        href = undefined;
        inLabel = false;
      }
      if (ncx && token.name === "navlabel") inLabel = false;
    } else if (inLabel) label += token.text;
  }
  return titles;
}

export function readEpubBook(bytes: Uint8Array, limits: EpubLimits): BookBlock[] {
  const entries = unzipEntries(
    bytes,
    { maxInflatedBytes: limits.maxInflatedBytes, maxEntryBytes: limits.maxChapterBytes ?? maxChapterBytes },
    (name) => name === "mimetype" || markupFile.test(name),
  );
  const mimetype = entries.get("mimetype");
  const container = entries.get("META-INF/container.xml");
  if (!container) throw mimetype && utf8.decode(mimetype).trim() === "application/epub+zip" ? damaged("it has no META-INF/container.xml") : notAnEpub();
  assertNotEncrypted(entries);

  let packagePath: string | undefined;
  for (const token of tokenizeMarkup(utf8.decode(container))) {
    if (token.type === "open" && token.name === "rootfile" && !packagePath) packagePath = token.attributes["full-path"];
  }
  if (!packagePath) throw damaged("its container names no package document");
  const packageBytes = entries.get(resolvePath("", packagePath));
  if (!packageBytes) throw damaged(`its package document ${packagePath} is missing`);
  const base = folderOf(resolvePath("", packagePath));

  const manifest = new Map<string, ManifestItem>();
  const spine: { idref: string; linear: boolean }[] = [];
  const guide = new Map<string, string>();
  let tocId: string | undefined;
  for (const token of tokenizeMarkup(utf8.decode(packageBytes))) {
    if (token.type !== "open") continue;
    const { attributes } = token;
    if (token.name === "item" && attributes.id && attributes.href) {
      manifest.set(attributes.id, {
        href: attributes.href,
        path: resolvePath(base, attributes.href),
        mediaType: (attributes["media-type"] ?? "").toLowerCase(),
        properties: attributes.properties ?? "",
      });
    }
    if (token.name === "spine") tocId = attributes.toc;
    if (token.name === "itemref" && attributes.idref) spine.push({ idref: attributes.idref, linear: attributes.linear !== "no" });
    if (token.name === "reference" && attributes.href && attributes.type) guide.set(resolvePath(base, attributes.href), attributes.type.toLowerCase());
  }
  if (spine.length === 0) throw damaged("its package document has no spine (no reading order)");

  const nav = [...manifest.values()].find((item) => /\bnav\b/u.test(item.properties));
  const ncx = (tocId ? manifest.get(tocId) : undefined) ?? [...manifest.values()].find((item) => item.mediaType === "application/x-dtbncx+xml");
  const navSource = nav ? entries.get(nav.path) : ncx ? entries.get(ncx.path) : undefined;
  const titles = navSource ? readNavigationTitles(utf8.decode(navSource), folderOf((nav ?? ncx)!.path), !nav) : new Map();

  const blocks: BookBlock[] = [];
  for (const { idref, linear } of spine) {
    const item = manifest.get(idref);
    if (!item || !linear || item === nav) continue;
    if (!/html|xml/u.test(item.mediaType)) continue;
    const guideType = guide.get(item.path) ?? "";
    if (/^(cover|toc|notes|index)$/u.test(guideType)) continue;
    const source = entries.get(item.path);
    if (!source) throw damaged(`the chapter ${item.href} is missing`);
    const chapter = xhtmlToBlocks(utf8.decode(source), titles.get(item.path));
    const types = [...chapter.types].join(" ");
    if (droppedTypes.test(types) && !/\bbodymatter\b|\bchapter\b/u.test(types)) continue;
    const firstHeading = chapter.blocks.find((block) => block.kind === "heading");
    if (firstHeading && firstHeading === chapter.blocks[0] && notesHeading.test(firstHeading.text)) continue;
    const matter = matterTypes.test(types) || /^(title-page|copyright-page|colophon|dedication)$/u.test(guideType);
    chapter.blocks.forEach((block, index) => {
      blocks.push({ ...block, ...(index === 0 ? { breakBefore: true } : {}), ...(matter ? { matter: true } : {}) });
    });
  }
  return withoutGutenbergBlocks(blocks);
}

/** Gutenberg's header and footer in an EPUB: blocks before its start marker and from its end marker. */
function withoutGutenbergBlocks(blocks: BookBlock[]): BookBlock[] {
  const texts = blocks.map((block) => block.text.split("\n")[0]!);
  const kept = withoutGutenbergWrapper(texts);
  if (kept.length === texts.length) return blocks;
  const start = texts.findIndex((text) => /START OF (THE|THIS) PROJECT GUTENBERG/iu.test(text));
  const from = start >= 0 ? start + 1 : 0;
  const result = blocks.slice(from, from + kept.length);
  if (result[0]) result[0] = { ...result[0], breakBefore: true };
  return result;
}
