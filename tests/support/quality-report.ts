// The quality checker: reads a book's rows (as the merge step writes them)
// and says how readable the pieces are and whether only the novel's text
// became sentences. It is deliberately independent of the splitter: its
// function words are a closed list written from a French grammar, not the
// Lefff tagger the splitter uses, so the splitter cannot grade itself.
//
// Where the book's true text is known (PDFs made by make-novel-pdf), the
// rows' words are aligned against it to count words lost or added and rows
// dated to the wrong page.

export interface CheckedRow {
  text: string;
  original: string;
  page: number;
  kind?: "sentence" | "heading";
}

export interface BookTruth {
  /** The body's words page by page (index 0 is page 1), headings included. */
  pageWords: string[][];
  headings: string[];
}

export interface QualityReport {
  rows: number;
  headingRows: number;
  cuts: number;
  hanging: number;
  /** hanging / cuts, in percent. */
  hangingPercent: number;
  nameCuts: number;
  matterRows: number;
  gluedHeadings: number;
  /** Undefined without a known true text. */
  lostWords?: number;
  addedWords?: number;
  misdated?: number;
  /** Words present on both sides but with a line-end hyphen kept or dropped differently. */
  hyphenDifferences?: number;
  examples: { hanging: string[]; names: string[]; matter: string[]; glued: string[]; lost: string[] };
}

// prettier-ignore
const determiners = ["le", "la", "les", "l'", "un", "une", "des", "du", "au", "aux", "ce", "cet", "cette", "ces", "mon", "ton", "son", "ma", "ta", "sa", "mes", "tes", "ses", "notre", "votre", "nos", "vos", "leurs", "chaque", "quelques", "plusieurs", "quelque"];
// prettier-ignore
const prepositions = ["à", "de", "d'", "en", "dans", "par", "pour", "sur", "sous", "avec", "sans", "vers", "chez", "entre", "contre", "depuis", "pendant", "avant", "après", "devant", "derrière", "parmi", "selon", "malgré", "dès", "jusqu'", "jusque", "envers", "hors", "auprès", "afin"];
// Subject and object clitics that cannot stand last; "elle", "nous", "lui" can (after a preposition).
// prettier-ignore
const clitics = ["je", "j'", "tu", "il", "ils", "on", "me", "m'", "te", "t'", "se", "s'", "ne", "n'"];
// prettier-ignore
const conjunctions = ["et", "ou", "mais", "ni", "car", "que", "qu'", "qui", "dont", "où", "quand", "lorsque", "lorsqu'", "puisque", "puisqu'", "quoique", "si", "comme", "parce", "tandis"];
// prettier-ignore
const auxiliaries = ["ai", "as", "a", "avons", "avez", "ont", "avais", "avait", "avions", "aviez", "avaient", "eus", "eut", "eûmes", "eurent", "aurai", "auras", "aura", "aurons", "aurez", "auront", "aurais", "aurait", "aurions", "auraient", "aie", "ait", "aient", "eût", "suis", "es", "est", "sommes", "êtes", "sont", "étais", "était", "étions", "étiez", "étaient", "fus", "fut", "furent", "serai", "sera", "serons", "seront", "serais", "serait", "seraient", "sois", "soit", "soient", "fût", "avoir", "être", "ayant", "étant"];
const functionWords = new Set([...determiners, ...prepositions, ...clitics, ...conjunctions]);
const auxiliaryForms = new Set(auxiliaries);
// prettier-ignore
const titles = new Set(["m.", "mm.", "mme", "mmes", "mlle", "mlles", "mgr", "dr", "me", "monsieur", "madame", "mademoiselle", "messieurs", "saint", "sainte", "maître"]);
const participleEnding = /(é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|it|ite|its|ert|erte|ort|orte|int|ainte|eint|ait|aite)$/u;
const romanNumeral = /^(?=[MDCLXVI])M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})[.,;:]?$/u;
const matterPattern =
  /ISBN|©|tous droits réservés|dépôt légal|achevé d'imprimer|imprimé en|du même auteur|table des matières|n° d'édition|bibebook|www\.|licence (cc|creative)|creative commons|éditions du quai/iu;

function words(text: string): string[] {
  return text.split(/\s+/u).filter((token) => /[\p{L}\p{N}]/u.test(token));
}

function bare(token: string): string {
  return token
    .toLowerCase()
    .replace(/’/gu, "'")
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}'.]+$/gu, "");
}

function endsWithPunctuation(token: string): boolean {
  return /[,;:.!?…)»”—–-]$/u.test(token);
}

/** Why a cut after `last` (before `next`) leaves a word hanging, or null. */
export function hangingReason(last: string, next: string): string | null {
  if (endsWithPunctuation(last)) return null;
  const word = bare(last);
  const tail = word.slice(word.lastIndexOf("'") + 1) || word;
  if (functionWords.has(word) || (tail !== word && functionWords.has(tail))) return "function word";
  const afterNegation = word.startsWith("n'") && auxiliaryForms.has(tail);
  if (afterNegation) return "negation";
  const following = bare(next);
  const participle =
    following.length > 3 &&
    !following.includes("'") &&
    !/(ais|ait|aient)$/u.test(following) &&
    participleEnding.test(following);
  if (auxiliaryForms.has(tail) && participle) return "auxiliary";
  return null;
}

function isCapitalized(token: string): boolean {
  return /^[^\p{L}]*\p{Lu}/u.test(token);
}

/** Whether a cut between `last` and `next` splits a name, a title from its name or a number from its unit. */
export function splitsName(last: string, next: string): boolean {
  if (endsWithPunctuation(last) && !/^(M|MM|Mme|Mlle|Mgr|Dr)\.$/u.test(last)) return false;
  const word = bare(last);
  if (/^[«“—–(]/u.test(next)) return false;
  const particle = /^(de|du|d'\p{Lu})/u.test(next.replace(/’/gu, "'"));
  if (titles.has(word) && (isCapitalized(next) || particle)) return true;
  if (isCapitalized(last) && (isCapitalized(next) || romanNumeral.test(next))) return true;
  return /^\d+$/u.test(word) && /^\p{Ll}/u.test(next) && !functionWords.has(bare(next));
}

/** Consecutive rows cut from one original sentence. */
function groupPieces(rows: CheckedRow[]): CheckedRow[][] {
  const groups: CheckedRow[][] = [];
  let wordsLeft = 0;
  for (const row of rows) {
    const last = groups.at(-1);
    if (last && wordsLeft > 0 && last[0]!.original === row.original && row.kind !== "heading") {
      last.push(row);
      wordsLeft -= words(row.text).length;
    } else {
      groups.push([row]);
      wordsLeft = words(row.original).length - words(row.text).length;
    }
  }
  return groups;
}

/** Greedy alignment that resynchronises within a window: enough for books whose words mostly match. */
function alignWords(expected: string[], actual: string[]) {
  const lost: number[] = [];
  const added: number[] = [];
  const matchOf = new Int32Array(actual.length).fill(-1);
  const window = 400;
  let i = 0;
  let j = 0;
  // A compound kept or joined at a line end ("berge-rade" for "bergerade")
  // is the same word: counted apart as a hyphen difference, not as lost.
  const form = (word: string) => word.replace(/’/gu, "'").replace(/-/gu, "");
  const same = (a: string, b: string) => form(a) === form(b);
  while (i < expected.length && j < actual.length) {
    if (same(expected[i]!, actual[j]!)) {
      matchOf[j] = i;
      i++;
      j++;
      continue;
    }
    let skipActual = -1;
    for (let k = 1; k < window && j + k < actual.length; k++) {
      if (same(actual[j + k]!, expected[i]!) && same(actual[j + k + 1] ?? "", expected[i + 1] ?? "")) {
        skipActual = k;
        break;
      }
    }
    let skipExpected = -1;
    for (let k = 1; k < window && i + k < expected.length; k++) {
      if (same(expected[i + k]!, actual[j]!) && same(expected[i + k + 1] ?? "", actual[j + 1] ?? "")) {
        skipExpected = k;
        break;
      }
    }
    if (skipActual !== -1 && (skipExpected === -1 || skipActual <= skipExpected)) {
      for (let k = 0; k < skipActual; k++) added.push(j + k);
      j += skipActual;
    } else if (skipExpected !== -1) {
      for (let k = 0; k < skipExpected; k++) lost.push(i + k);
      i += skipExpected;
    } else {
      lost.push(i++);
      added.push(j++);
    }
  }
  while (i < expected.length) lost.push(i++);
  while (j < actual.length) added.push(j++);
  return { lost, added, matchOf };
}

export function checkQuality(rows: CheckedRow[], truth?: BookTruth): QualityReport {
  const examples: QualityReport["examples"] = { hanging: [], names: [], matter: [], glued: [], lost: [] };
  let cuts = 0;
  let hanging = 0;
  let nameCuts = 0;
  for (const group of groupPieces(rows)) {
    for (let index = 0; index + 1 < group.length; index++) {
      const before = words(group[index]!.text);
      const after = words(group[index + 1]!.text);
      // The raw last token: a piece ending on a lone ":" or "»" ends at punctuation.
      const last = group[index]!.text.trim().split(/\s+/u).at(-1) ?? "";
      const next = group[index + 1]!.text.trim().split(/\s+/u)[0] ?? "";
      cuts++;
      const seam = `${before.slice(-4).join(" ")} ‖ ${after.slice(0, 3).join(" ")}`;
      if (hangingReason(last, next)) {
        hanging++;
        if (examples.hanging.length < 12) examples.hanging.push(seam);
      }
      if (splitsName(last, next)) {
        nameCuts++;
        if (examples.names.length < 12) examples.names.push(seam);
      }
    }
  }

  let matterRows = 0;
  for (const row of rows) {
    if (matterPattern.test(row.text) || /(\.\s?){5,}\s*\d+\s*$/u.test(row.text)) {
      matterRows++;
      if (examples.matter.length < 8) examples.matter.push(row.text);
    }
  }

  // A heading glued to a sentence: the sentence's original starts with the
  // heading and runs on (known headings), or with a run of capitals or a
  // lone numeral followed by an ordinary capitalised word (any book).
  const known = (truth?.headings ?? []).map((heading) => words(heading).join(" "));
  // A known heading is glued when fewer rows hold it alone than the book
  // sets it, and a sentence starts with it.
  const headingRows = new Map<string, number>();
  for (const row of rows) {
    const key = words(row.original).join(" ");
    headingRows.set(key, (headingRows.get(key) ?? 0) + 1);
  }
  const missing = new Map<string, number>();
  for (const heading of known) missing.set(heading, (missing.get(heading) ?? 0) + 1);
  for (const [heading, count] of missing) missing.set(heading, count - (headingRows.get(heading) ?? 0));
  let gluedHeadings = 0;
  rows.forEach((row, index) => {
    const previous = rows[index - 1];
    if (row.kind === "heading" || previous?.original === row.original) return;
    const tokens = words(row.original);
    const knownHeading = known.find((heading) => {
      const length = heading.split(" ").length;
      return (
        tokens.length > length &&
        tokens.slice(0, length).join(" ") === heading &&
        (missing.get(heading) ?? 0) > 0
      );
    });
    if (knownHeading) missing.set(knownHeading, missing.get(knownHeading)! - 1);
    const glued =
      knownHeading !== undefined ||
      (tokens.length > 2 &&
        romanNumeral.test(tokens[0]!) &&
        !/^[MDCL]$/u.test(tokens[0]!) &&
        !/[.,;:]$/u.test(tokens[0]!) &&
        /^\p{Lu}\p{Ll}/u.test(tokens[1]!)) ||
      (tokens.length > 3 &&
        /^\p{Lu}{2,}$/u.test(tokens[0]!) &&
        /^\p{Lu}{2,}$/u.test(tokens[1]!) &&
        /^\p{Lu}\p{Ll}/u.test(tokens[2]!));
    if (glued) {
      gluedHeadings++;
      if (examples.glued.length < 8) examples.glued.push(row.original.slice(0, 100));
    }
  });

  const report: QualityReport = {
    rows: rows.length,
    headingRows: rows.filter((row) => row.kind === "heading").length,
    cuts,
    hanging,
    hangingPercent: cuts === 0 ? 0 : Math.round((1000 * hanging) / cuts) / 10,
    nameCuts,
    matterRows,
    gluedHeadings,
    examples,
  };
  if (!truth) return report;

  const expected: string[] = [];
  const pageOf: number[] = [];
  truth.pageWords.forEach((pageWords, index) => {
    for (const word of pageWords) {
      for (const part of words(word)) {
        expected.push(part);
        pageOf.push(index + 1);
      }
    }
  });
  const actual: string[] = [];
  const rowOf: number[] = [];
  rows.forEach((row, index) => {
    for (const word of words(row.text)) {
      actual.push(word);
      rowOf.push(index);
    }
  });
  const { lost, added, matchOf } = alignWords(expected, actual);
  report.lostWords = lost.length;
  report.addedWords = added.length;
  report.hyphenDifferences = 0;
  matchOf.forEach((match, index) => {
    if (match !== -1 && expected[match] !== actual[index]) report.hyphenDifferences!++;
  });
  for (const index of lost.slice(0, 10)) examples.lost.push(`p. ${pageOf[index]}: ${expected[index]}`);
  // The first piece of each sentence (and each heading) must carry the page of its first word.
  let misdated = 0;
  let previousOriginal: string | undefined;
  let firstWordOfRow = 0;
  rows.forEach((row, index) => {
    const rowWords = words(row.text).length;
    const first = firstWordOfRow;
    firstWordOfRow += rowWords;
    const startsSentence = row.kind === "heading" || row.original !== previousOriginal;
    previousOriginal = row.original;
    if (!startsSentence || rowWords === 0 || rowOf[first] !== index) return;
    const match = matchOf[first]!;
    if (match !== -1 && pageOf[match] !== row.page) misdated++;
  });
  report.misdated = misdated;
  return report;
}
