// Tokenisation of one French sentence into the surface tokens of Universal
// Dependencies French (Sequoia, GSD), the units the tagger and parser read.
// Elisions split after their apostrophe ("l'" "homme"), inverted and
// imperative clitics split before their hyphen ("dit" "-il", "a" "-t-il",
// "donne" "-le" "-moi"), a number and its unit split ("14" "h" "30"), every
// punctuation mark stands alone, and everything else written without a space
// stays whole: compounds ("peut-être"), numbers ("3,5", "12 000", "1er"),
// abbreviations with their period ("M.", "J.-C."), URLs.
// Contractions ("du", "auquel") stay one token: the tagger expands them.
// One left-to-right pass with character tests, so nothing backtracks.

/** One surface token of a sentence, as UD French tokenises it. */
export interface SurfaceToken {
  /** The text as written in the input (typographic apostrophe kept: "l’"). */
  form: string;
  /** Offsets of `form` in the input string: input.slice(start, end) === form. */
  start: number;
  end: number;
  /**
   * Whitespace follows the token in the input; false is CoNLL-U's
   * SpaceAfter=No (and the last token of the text, which nothing follows).
   */
  spaceAfter: boolean;
}

/** Words that lose their vowel before another word, lower case, without the apostrophe ("y'a" too). */
const ELIDING_WORDS = new Set([
  "l", "d", "j", "m", "t", "s", "n", "c", "ç", "y", "qu",
  "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu", "quelqu",
]);

/**
 * Words with an apostrophe that the treebanks keep whole, lower case with a
 * straight apostrophe: "l'on" is one token in both, "aujourd'hui" and
 * "quelqu'un" are words of their own, and the "t'" of "semble t'il" is the
 * euphonic t misspelt, not the pronoun.
 */
const WHOLE_WORDS_WITH_APOSTROPHE = [
  "aujourd'hui", "quelqu'un", "quelqu'une", "quelqu'uns", "quelqu'unes",
  "presqu'île", "presqu'îles", "c'est-à-dire", "qu'en-dira-t-on", "m'as-tu-vu",
  "l'on", "t'il", "t'elle", "t'on",
];

const LONGEST_WHOLE_WORD = Math.max(...WHOLE_WORDS_WITH_APOSTROPHE.map((word) => word.length));

/** Pronouns that follow their verb after a hyphen ("dit-il", "est-ce", "a-t-elle"). */
const SUBJECT_CLITICS = new Set(["je", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "ce"]);

/** Pronouns that follow an imperative after a hyphen ("donne-le-moi", "allez-y"). */
const OBJECT_CLITICS = new Set(["moi", "toi", "le", "la", "les", "lui", "leur", "nous", "vous", "y", "en"]);

/** An elided pronoun and "en" or "y" after an imperative: "va-t'en", "donne-m'en". */
const ELIDED_CLITICS = new Set(["m'en", "t'en", "l'en", "m'y", "t'y", "l'y"]);

/** "-ci" and "-là" split from a noun ("ce jour" "-là") but not from these ("celui-ci", "jusque-là"). */
const DEMONSTRATIVE_PARTICLES = new Set(["ci", "là"]);
const DEMONSTRATIVE_HOSTS = new Set(["celui", "celle", "ceux", "celles", "jusque", "par", "de"]);

/** Hyphenated words whose last part looks like a clitic but which are one word. */
const HYPHENATED_WORDS = new Set(["rendez-vous"]);

/**
 * Abbreviations that keep their period in mid-sentence. Case matters ("M."
 * but not "m"), and common words ("art", "vol") are left out: their period
 * before a closing guillemet ends a quoted sentence.
 */
const ABBREVIATIONS = new Set([
  "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Mgr", "Dr", "Pr", "Mr", "Mrs", "Jr",
  "St", "Ste", "Cie", "Vol", "No", "p", "pp", "cf", "Cf", "etc", "av", "apr",
  "éd", "chap", "fig", "ibid", "cit", "tél", "vs", "c-à-d",
]);

/** What follows the digits of an ordinal: "1er", "2e", "3ème", "1re", "2nd", "19ᵉ". */
const ORDINAL_SUFFIXES = new Set([
  "e", "è", "er", "re", "ère", "ème", "eme", "es", "ers", "res", "ères", "èmes", "emes",
  "d", "de", "nd", "nde", "nds", "ndes", "o", "bis", "ter", "ᵉ", "ᵉʳ", "ʳᵉ", "ᵉˢ",
]);

/** Marks that may follow a sentence's final period: "etc. »" still ends on "etc" "." "»". */
const CLOSING_MARKS = new Set([")", "]", "}", "»", "›", '"', "”", "’", "'"]);

/** Punctuation written as a run of one mark, kept as one token: "...", "--", "***". */
const RUN_MARKS = new Set([".", "-", "*"]);

/** Exclamation and question marks run together as one token: "?!", "!!!" (as UD does). */
const END_MARKS = new Set(["!", "?"]);

/** Punctuation tokens of several different marks. */
const MULTI_MARK_TOKENS = ["+/-"];

const APOSTROPHES = new Set(["'", "’", "ʼ"]);
const HYPHENS = new Set(["-", "\u2010", "\u2011"]);
const NUMBER_SIGNS = new Set(["-", "+", "−"]);
const URL_START = /https?:\/\/|www\./iy;
const EMAIL_LOCAL_MARKS = new Set([".", "_", "-", "+"]);
/** A URL or an address ends at a space; these marks at its end belong to the sentence. */
const URL_TRAILING = new Set([".", ",", ";", ":", "!", "?", ")", "»", '"', "'", "’"]);

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const UPPER = /\p{Lu}/u;
const SPACE = /\s/u;

/** The modifier-letter apostrophe "ʼ" is a letter to Unicode, an apostrophe here. */
const MODIFIER_APOSTROPHE = 0x2bc;

// Classes of the code units below TABLE_SIZE (Latin, Greek, Cyrillic, general
// punctuation) come from a table built once: French text hardly leaves that
// range, and a lookup is cheaper than a Unicode regex test per accented letter.
const IS_WORD = 1;
const IS_SPACE = 2;
const IS_UPPER = 4;
const TABLE_SIZE = 0x2500;
const CHAR_CLASSES = Uint8Array.from({ length: TABLE_SIZE }, (_, code) => {
  const char = String.fromCharCode(code);
  const word = WORD_CHAR.test(char) && code !== MODIFIER_APOSTROPHE ? IS_WORD : 0;
  return word | (SPACE.test(char) ? IS_SPACE : 0) | (UPPER.test(char) ? IS_UPPER : 0);
});

function isDigitAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code >= 48 && code <= 57;
}

/** A letter, combining mark or digit starts at `i` (false outside the text). */
function isWordCharAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const code = text.charCodeAt(i);
  if (code < TABLE_SIZE) return (CHAR_CLASSES[code]! & IS_WORD) !== 0;
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i)!));
}

function isLetterAt(text: string, i: number): boolean {
  return isWordCharAt(text, i) && !isDigitAt(text, i);
}

function isUpperAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const code = text.charCodeAt(i);
  if (code < TABLE_SIZE) return (CHAR_CLASSES[code]! & IS_UPPER) !== 0;
  return UPPER.test(String.fromCodePoint(text.codePointAt(i)!));
}

function isSpaceAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const code = text.charCodeAt(i);
  if (code < TABLE_SIZE) return (CHAR_CLASSES[code]! & IS_SPACE) !== 0;
  return SPACE.test(text[i]!);
}

/** Length in UTF-16 units of the code point at `i` (2 for an emoji). */
function charLength(text: string, i: number): number {
  return text.codePointAt(i)! > 0xffff ? 2 : 1;
}

/** Lower case with straight apostrophes, for looking words up in the lists. */
function normalise(word: string): string {
  return word.toLowerCase().replace(/[’ʼ]/g, "'");
}

export function tokenizeSentence(text: string): SurfaceToken[] {
  const spans: [number, number][] = [];
  const finalFrom = closingPartStart(text);
  // The run of non-spaces being read, and where its "@" is (-1 if none): an e-mail's clue.
  let chunkEnd = 0;
  let chunkAt = -1;
  let i = 0;
  while (i < text.length) {
    if (isSpaceAt(text, i)) {
      i++;
      continue;
    }
    if (i >= chunkEnd) {
      chunkAt = -1;
      for (chunkEnd = i; chunkEnd < text.length && !isSpaceAt(text, chunkEnd); chunkEnd++) {
        if (chunkAt < 0 && text[chunkEnd] === "@") chunkAt = chunkEnd;
      }
    }
    if (isWordStart(text, i)) {
      const end = scanUrl(text, i, chunkEnd, chunkAt) ?? scanWord(text, i, finalFrom);
      splitWord(text, i, end, spans);
      i = end;
    } else {
      const end = scanPunctuation(text, i);
      spans.push([i, end]);
      i = end;
    }
  }
  return spans.map(([start, end]) => ({
    form: text.slice(start, end),
    start,
    end,
    spaceAfter: isSpaceAt(text, end),
  }));
}

/**
 * Where the sentence's closing part starts: from there on only spaces and
 * closing marks follow, so a period just before it is the sentence's own.
 */
function closingPartStart(text: string): number {
  let k = text.length;
  while (k > 0 && (isSpaceAt(text, k - 1) || CLOSING_MARKS.has(text[k - 1]!))) k--;
  return k;
}

/** A word starts with a letter or digit, or with a sign glued to a number ("-6", "+14"). */
function isWordStart(text: string, i: number): boolean {
  if (isWordCharAt(text, i)) return true;
  return NUMBER_SIGNS.has(text[i]!) && isDigitAt(text, i + 1) && !isWordCharAt(text, i - 1);
}

/**
 * The end of a URL or e-mail address starting at `i`, or undefined if there
 * is none; either runs to the next space (`chunkEnd`), `at` is the first "@"
 * before it.
 */
function scanUrl(text: string, i: number, chunkEnd: number, at: number): number | undefined {
  URL_START.lastIndex = i;
  if (!URL_START.test(text) && !isEmailAt(text, i, chunkEnd, at)) return undefined;
  let end = chunkEnd;
  while (end > i && URL_TRAILING.has(text[end - 1]!)) end--;
  return end;
}

/** An address starts at `i`: word characters, ".", "_", "-" or "+" up to the "@", a domain with a period after. */
function isEmailAt(text: string, i: number, chunkEnd: number, at: number): boolean {
  if (at <= i || !isWordCharAt(text, at + 1)) return false;
  for (let k = i; k < at; k++) if (!isWordCharAt(text, k) && !EMAIL_LOCAL_MARKS.has(text[k]!)) return false;
  return text.lastIndexOf(".", chunkEnd - 1) > at + 1;
}

/**
 * The end of the word starting at `i`: letters and digits, joined by the
 * marks that French writes inside a word (hyphen, apostrophe, the periods
 * of "J.-C." or "1.8.2", the decimal comma, the spaces of "12 000"), plus
 * the period of an abbreviation and the apostrophe of an elision before a
 * space. A number ends before its unit ("160" "km"), and a unit glued to a
 * number before the next number ("14" "h" "30").
 */
function scanWord(text: string, i: number, finalFrom: number): number {
  let j = NUMBER_SIGNS.has(text[i]!) ? i + 1 : i;
  const afterNumber = isDigitAt(text, i - 1);
  // Whether the word so far is digits in groups ("12 000"), and the last group's length.
  let digitGroups = true;
  let groupLength = 0;
  let hasLetter = false;
  // Start of the part after the last joining mark ("John" in "St.John").
  let partStart = j;
  for (;;) {
    while (isWordCharAt(text, j)) {
      if (isDigitAt(text, j)) {
        if (afterNumber && hasLetter) return j;
        groupLength++;
      } else {
        if (!hasLetter && j > i && isDigitAt(text, j - 1) && !isOrdinalSuffix(text, j)) return j;
        digitGroups = false;
        hasLetter = true;
      }
      j += charLength(text, j);
    }
    const c = text[j];
    if (c === undefined) break;
    let joined = j + 1;
    if (HYPHENS.has(c) && isWordCharAt(text, j + 1)) {
      digitGroups = false;
    } else if (APOSTROPHES.has(c) && isLetterAt(text, j + 1)) {
      digitGroups = false;
    } else if (c === "." && isWordCharAt(text, j + 1) && !isMissingSpace(text, partStart, j)) {
      digitGroups = false;
    } else if (c === "." && HYPHENS.has(text[j + 1]!) && isLetterAt(text, j + 2)) {
      // "J.-C.", "J.-P. Sartre": an initial of a hyphenated first name.
      joined = j + 2;
      digitGroups = false;
    } else if ((c === "," || c === "/") && isDigitAt(text, j - 1) && isDigitAt(text, j + 1)) {
      // "3,5", and fractions and dates ("1/10", "25/01/06"); units stay apart ("mg" "/" "kg").
      digitGroups = false;
    } else if (APOSTROPHES.has(c) && isDigitAt(text, j - 1) && isThousandsGroup(text, j + 1)) {
      // "10'000", the Swiss thousands separator.
      digitGroups = false;
    } else if (c === "(" && isLetterAt(text, j - 1) && inclusiveEndingEnd(text, j) !== undefined) {
      // "traité(e)s", "AUTRE(S)": the inclusive ending belongs to the word.
      joined = inclusiveEndingEnd(text, j)!;
      digitGroups = false;
    } else if (c === "°" && j === i + 1 && (text[i] === "n" || text[i] === "N")) {
      // "n°", numéro.
      digitGroups = false;
    } else if (digitGroups && groupLength <= 3 && isSpaceAt(text, j) && isThousandsGroup(text, j + 1)) {
      // "12 000": groups of three digits after one to three.
      groupLength = 0;
    } else {
      break;
    }
    j = joined;
    partStart = j;
  }
  const next = text[j];
  if (next === "." && text[j + 1] !== "." && j + 1 < finalFrom && keepsPeriod(text, i, j)) return j + 1;
  if (next !== undefined && APOSTROPHES.has(next) && ELIDING_WORDS.has(normalise(text.slice(partStart, j)))) {
    // "l’ homme", an elision before a space or a line break.
    return j + 1;
  }
  return j;
}

/**
 * "partit.Elle": a period between a word and a capital is a sentence end
 * missing its space (but "St.John", "H.R.F." and "10.JPG" hold together).
 */
function isMissingSpace(text: string, partStart: number, period: number): boolean {
  return (
    period - partStart >= 2 &&
    isLetterAt(text, period - 1) &&
    isUpperAt(text, period + 1) &&
    !ABBREVIATIONS.has(text.slice(partStart, period))
  );
}

/** The letters at `k`, after a number, make it an ordinal ("1er", "2e"), not a unit ("160km"). */
function isOrdinalSuffix(text: string, k: number): boolean {
  let end = k;
  while (isLetterAt(text, end)) end += charLength(text, end);
  return ORDINAL_SUFFIXES.has(text.slice(k, end).toLowerCase());
}

/** The end of "(e)" or "(S)" at `open` (one to three letters in parentheses), if it is one. */
function inclusiveEndingEnd(text: string, open: number): number | undefined {
  let k = open + 1;
  while (k - open <= 3 && isLetterAt(text, k)) k += charLength(text, k);
  return k > open + 1 && text[k] === ")" ? k + 1 : undefined;
}

/** Three digits start at `k` and no fourth follows: the next group of "12 000". */
function isThousandsGroup(text: string, k: number): boolean {
  return isDigitAt(text, k) && isDigitAt(text, k + 1) && isDigitAt(text, k + 2) && !isWordCharAt(text, k + 3);
}

/** The period after text[start, end) in mid-sentence belongs to it: abbreviation, initial, dotted acronym. */
function keepsPeriod(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end);
  if (ABBREVIATIONS.has(word)) return true;
  if (end - start === 1) return isUpperAt(text, start);
  return word.includes(".");
}

/** The punctuation token at `i`: one mark, a run ("...", "--", "?!"), "°C", "+/-". */
function scanPunctuation(text: string, i: number): number {
  const c = text[i]!;
  if (RUN_MARKS.has(c)) {
    let j = i + 1;
    while (text[j] === c) j++;
    return j;
  }
  if (END_MARKS.has(c)) {
    let j = i + 1;
    while (END_MARKS.has(text[j]!)) j++;
    return j;
  }
  if (c === "°" && isLetterAt(text, i + 1)) {
    // "°C": the degree sign and its scale are one unit.
    let j = i + 1;
    while (isLetterAt(text, j)) j += charLength(text, j);
    return j;
  }
  const multi = MULTI_MARK_TOKENS.find((token) => text.startsWith(token, i));
  return multi === undefined ? i + charLength(text, i) : i + multi.length;
}

/** Split the word text[start, end) into its elisions, its stem and its hyphenated clitics. */
function splitWord(text: string, start: number, end: number, spans: [number, number][]): void {
  let hasApostrophe = false;
  let hasHyphen = false;
  for (let k = start + 1; k < end; k++) {
    if (APOSTROPHES.has(text[k]!)) hasApostrophe = true;
    else if (HYPHENS.has(text[k]!)) hasHyphen = true;
  }
  let from = start;
  // Elisions come first: "qu'" "aujourd'hui", "n'" "y" "a".
  while (hasApostrophe) {
    const rest = normalise(text.slice(from, Math.min(end, from + LONGEST_WHOLE_WORD + 1)));
    if (WHOLE_WORDS_WITH_APOSTROPHE.some((word) => startsWithWord(rest, word))) break;
    let k = from;
    while (k < end && isLetterAt(text, k)) k += charLength(text, k);
    if (k >= end || !APOSTROPHES.has(text[k]!) || !ELIDING_WORDS.has(normalise(text.slice(from, k)))) break;
    spans.push([from, k + 1]);
    from = k + 1;
  }
  if (from === end) return;
  if (hasHyphen) splitClitics(text, from, end, spans);
  else spans.push([from, end]);
}

/** `rest` is `word`, or `word` followed by a hyphenated part. */
function startsWithWord(rest: string, word: string): boolean {
  return rest.startsWith(word) && (rest.length === word.length || HYPHENS.has(rest[word.length]!));
}

/** Split the clitics hyphenated after a verb: "dit" "-il", "a" "-t-il", "donne" "-le" "-moi". */
function splitClitics(text: string, start: number, end: number, spans: [number, number][]): void {
  if (HYPHENATED_WORDS.has(normalise(text.slice(start, end)))) {
    spans.push([start, end]);
    return;
  }
  // Part k runs from bounds[k] + 1 to bounds[k + 1]; bounds[k] is the hyphen before it.
  const bounds = [start - 1];
  for (let k = start; k < end; k++) if (HYPHENS.has(text[k]!)) bounds.push(k);
  bounds.push(end);
  const part = (k: number): string => normalise(text.slice(bounds[k]! + 1, bounds[k + 1]));
  // Where the clitic tokens start, found from the end of the word.
  const cuts: number[] = [];
  let p = bounds.length - 2;
  if (DEMONSTRATIVE_PARTICLES.has(part(p))) {
    if (!DEMONSTRATIVE_HOSTS.has(part(p - 1))) cuts.push(bounds[p]!);
  } else {
    if (ELIDED_CLITICS.has(part(p))) {
      // "va" "-t'" "en": the apostrophe ends the elided pronoun.
      cuts.push(bounds[p]! + 3, bounds[p]!);
      p--;
    }
    while (p >= 1) {
      const clitic = part(p);
      if (SUBJECT_CLITICS.has(clitic) && p >= 2 && part(p - 1) === "t") {
        // "-t-il": the euphonic t goes with the pronoun.
        cuts.push(bounds[p - 1]!);
        p -= 2;
      } else if (SUBJECT_CLITICS.has(clitic) || OBJECT_CLITICS.has(clitic)) {
        cuts.push(bounds[p]!);
        p--;
      } else {
        break;
      }
    }
  }
  let from = start;
  for (let c = cuts.length - 1; c >= 0; c--) {
    spans.push([from, cuts[c]!]);
    from = cuts[c]!;
  }
  spans.push([from, end]);
}
