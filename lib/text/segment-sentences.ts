// French-aware sentence segmentation. Intl.Segmenter('fr') splits after "M.",
// before a spaced closing », and after ?/! in dialogue ("— Vraiment ?
// demanda-t-elle."), so this is a small scanner over whitespace-separated
// tokens instead. Its rules:
// - a sentence may end at . ! ? … (or ...), then takes along any closing
//   marks that follow, even after a (no-break) space: "fin. »";
// - it ends only if the next word starts with a capital or a digit (after any
//   « — “ ( openers): French dialogue tags and incises continue in lowercase;
// - "M.", "Mme.", "cf.", initials such as "J." or "J.-C." never end one;
// - a blank line (a paragraph break) always ends one;
// - ".--Ils" (no space before a dash that opens the next sentence) is two tokens.

import { normalizeSpaces } from "@/lib/text/normalize-spaces";

export interface SentenceSpan {
  /** Offsets in the input text: text.slice(start, end) is the raw sentence. */
  start: number;
  end: number;
  /** The sentence with its internal whitespace normalized. */
  text: string;
}

const terminals = new Set([".", "!", "?", "…"]);
const closers = new Set(["»", "”", "’", '"', "'", ")", "]", "}", "›", "_", "*"]);
const openers = new Set([
  "«",
  "“",
  "‘",
  '"',
  "'",
  "(",
  "[",
  "{",
  "‹",
  "„",
  "—",
  "–",
  "-",
  "_",
  "*",
  "¿",
  "¡",
]);
// Marks that keep a sentence going when they start the next token: "! », dit-il".
const continuers = new Set([",", ";", ":", "»", ")", "]", "”", "›"]);

// Abbreviations that end with a period in French prose but never end a sentence.
// prettier-ignore
const abbreviations = new Set([
  "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Mgr", "Mgrs", "Me", "Mes", "Dr", "Drs", "Pr",
  "St", "Ste", "Sts", "Stes", "Vve", "Cie", "Cf", "cf", "p", "pp", "t", "v", "vol", "chap",
  "ch", "éd", "fig", "art", "av", "apr", "env", "ex", "suiv", "sqq", "sq", "ibid", "id", "op",
  "cit", "loc", "boul", "bd", "no", "nos", "ms", "mss",
]);

interface Token {
  start: number;
  end: number;
  text: string;
}

// A sentence that ends against a dash opening the next one, with no space
// between ("l'obsédaient.--Ils étaient là."), as older editions print them.
export const endAgainstDash = /(?<=[.!?…])(?=(?:--|—|–)\p{Lu})/gu;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(/\S+/gu)) {
    let start = match.index;
    for (const part of match[0].split(endAgainstDash)) {
      tokens.push({ start, end: start + part.length, text: part });
      start += part.length;
    }
  }
  return tokens;
}

function stripTrailingClosers(token: string): string {
  let end = token.length;
  while (end > 0 && closers.has(token[end - 1]!)) end--;
  return token.slice(0, end);
}

function stripLeadingOpeners(token: string): string {
  let start = 0;
  while (start < token.length && openers.has(token[start]!)) start++;
  return token.slice(start);
}

function isAbbreviation(core: string): boolean {
  // core ends with a single period: "M." "J.-C." "c.-à-d."
  const word = stripLeadingOpeners(core.slice(0, -1));
  if (word === "") return false;
  if (abbreviations.has(word)) return true;
  if (/^\p{Lu}$/u.test(word)) return true; // An initial: "J. Verne", "M. Bovary".
  return word.includes("."); // Dotted forms: "J.-C.", "c.-à-d.", "N.-D."
}

/** True when the token can close a sentence (before looking at what follows). */
function closesSentence(token: string): boolean {
  const core = stripTrailingClosers(token);
  const last = core[core.length - 1];
  if (last === undefined || !terminals.has(last)) return false;
  if (last === "." && !core.endsWith("..") && isAbbreviation(core)) return false;
  return true;
}

function isPureClosing(token: string): boolean {
  for (const char of token) if (!closers.has(char) && !terminals.has(char)) return false;
  return true;
}

/** Whether the text starting at `tokens[index]` begins a new sentence. */
function startsNewSentence(tokens: Token[], index: number): boolean {
  for (let k = index; k < tokens.length; k++) {
    const rest = stripLeadingOpeners(tokens[k]!.text);
    if (rest === "") continue; // A lone « or — : look at the word after it.
    const first = rest[0]!;
    if (/[\p{Lu}\p{Lt}\p{N}]/u.test(first)) return true;
    if (/\p{Ll}/u.test(first)) return false;
    return !continuers.has(first);
  }
  return true;
}

/** The gap between two tokens is all whitespace, so two newlines mean a blank line. */
function hasBlankLine(text: string, from: number, to: number): boolean {
  let newlines = 0;
  for (let at = from; at < to; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x2029) return true; // Unicode paragraph separator.
    if (code === 0x0a && ++newlines === 2) return true;
  }
  return false;
}

export function segmentSentenceSpans(text: string): SentenceSpan[] {
  const tokens = tokenize(text);
  const spans: SentenceSpan[] = [];
  let first = 0;
  const emit = (last: number) => {
    const start = tokens[first]!.start;
    const end = tokens[last]!.end;
    spans.push({ start, end, text: normalizeSpaces(text.slice(start, end)) });
    first = last + 1;
  };
  for (let index = 0; index < tokens.length;) {
    const closes = closesSentence(tokens[index]!.text);
    let last = index;
    // Closing marks after the terminal belong to this sentence: "fin. »", "? !".
    while (
      closes &&
      last + 1 < tokens.length &&
      isPureClosing(tokens[last + 1]!.text) &&
      !hasBlankLine(text, tokens[last]!.end, tokens[last + 1]!.start)
    ) {
      last++;
    }
    const next = tokens[last + 1];
    if (!next) {
      emit(last);
      break;
    }
    if (
      hasBlankLine(text, tokens[last]!.end, next.start) ||
      (closes && startsNewSentence(tokens, last + 1))
    ) {
      emit(last);
    }
    index = last + 1;
  }
  return spans;
}

export function segmentSentences(text: string): string[] {
  return segmentSentenceSpans(text).map((span) => span.text);
}
