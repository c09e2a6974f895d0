// A small tokenizer for the XML an EPUB is made of (container.xml, the
// package document, the navigation document, chapters in XHTML): tags with
// their attributes, text with entities decoded, comments, CDATA, processing
// instructions and doctypes skipped. It does not validate; it is linear in
// the input (one regular expression pass), so a huge chapter costs its size.

export type MarkupToken =
  | { type: "open"; name: string; attributes: Record<string, string>; selfClosing: boolean }
  | { type: "close"; name: string }
  | { type: "text"; text: string };

// Named entities a chapter may use through the XHTML DTD, besides XML's five.
// prettier-ignore
const named: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", shy: "\u00ad", laquo: "«", raquo: "»",
  hellip: "…", mdash: "—", ndash: "–", lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”", thinsp: "\u2009",
  eacute: "é", egrave: "è", ecirc: "ê", euml: "ë", agrave: "à", acirc: "â", auml: "ä", ccedil: "ç", icirc: "î",
  iuml: "ï", ocirc: "ô", ouml: "ö", ugrave: "ù", ucirc: "û", uuml: "ü", yuml: "ÿ", oelig: "œ", aelig: "æ",
  Eacute: "É", Egrave: "È", Ecirc: "Ê", Agrave: "À", Acirc: "Â", Ccedil: "Ç", Icirc: "Î", Ocirc: "Ô", Ugrave: "Ù",
  Ucirc: "Û", OElig: "Œ", AElig: "Æ", copy: "©", reg: "®", deg: "°", middot: "·", sect: "§", para: "¶", times: "×",
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/giu, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
    }
    return named[body] ?? whole;
  });
}

const tokenPattern = /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<![^>]*>|<\?[\s\S]*?\?>|<\/\s*([^\s>]+)\s*>|<([^\s/>]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|[^<]+|</gu;
const attributePattern = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gu;

/** Element and attribute names lose their namespace prefix ("epub:type" keeps it: it matters). */
function localName(name: string): string {
  const lower = name.toLowerCase();
  if (lower.startsWith("epub:")) return lower;
  const colon = lower.indexOf(":");
  return colon >= 0 ? lower.slice(colon + 1) : lower;
}

export function* tokenizeMarkup(source: string): Generator<MarkupToken> {
  for (const match of source.matchAll(tokenPattern)) {
    const [whole, cdata, closeName, openName, attributeText, slash] = match;
    if (cdata !== undefined) yield { type: "text", text: cdata };
    else if (closeName !== undefined) yield { type: "close", name: localName(closeName) };
    else if (openName !== undefined) {
      const attributes: Record<string, string> = {};
      for (const attribute of (attributeText ?? "").matchAll(attributePattern)) {
        attributes[localName(attribute[1]!)] = decodeEntities(attribute[2] ?? attribute[3] ?? attribute[4] ?? "");
      }
      yield { type: "open", name: localName(openName), attributes, selfClosing: slash === "/" };
    } else if (whole[0] !== "<" || whole === "<") yield { type: "text", text: decodeEntities(whole) };
  }
}
