// The quality checker: reads a book's rows (as the merge step writes them)
// and says how readable the pieces are and whether only the novel's text
// became sentences. It is deliberately independent of the splitter: its
// function words are a closed list written from a French grammar, not the
// Lefff tagger the splitter uses, so the splitter cannot grade itself.
//
// Where the book's true text is known (PDFs made by make-novel-pdf), the
// rows' words are aligned against it to count words lost or added and rows
// dated to the wrong page.

import { endAgainstDash } from "@/lib/text/segment-sentences";

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
  /** Pieces holding a ; or : with two words or more on each side: the piece could have ended there. */
  innerBreaks: number;
  /** Cuts right after a clitic + verb or a negated verb ("et la rendait ‖ peut-être", "ne fût pas ‖ pour"). */
  verbCuts: number;
  /** Cuts between a short subject and its verb ("quand Swann ‖ leur avait donné"). */
  subjectCuts: number;
  /** Cuts between "ne" and the pas, jamais or rien that closes it ("Il n'y avait évidemment ‖ pas de conversion"). */
  negationSplits: number;
  matterRows: number;
  gluedHeadings: number;
  /** Undefined without a known true text. */
  lostWords?: number;
  addedWords?: number;
  misdated?: number;
  /** Words present on both sides but with a line-end hyphen kept or dropped differently. */
  hyphenDifferences?: number;
  examples: {
    hanging: string[];
    names: string[];
    innerBreaks: string[];
    verbs: string[];
    subjects: string[];
    negations: string[];
    matter: string[]; glued: string[]; lost: string[] };
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
// Clitics that always stand right before a verb (or another clitic); "le", "la",
// "les", "l'" only do when a subject clitic or "ne" precedes them.
// prettier-ignore
const subjectClitics = new Set(["je", "j'", "tu", "il", "ils", "on", "elle", "elles"]);
// prettier-ignore
const verbClitics = new Set(["me", "m'", "te", "t'", "se", "s'", "lui", "leur", "y", "ne", "n'", "nous", "vous"]);
const objectArticles = new Set(["le", "la", "les", "l'"]);
const negationEnds = new Set(["pas", "point", "jamais", "plus", "guère"]);
// A finite verb's ending, for a word after a clitic that could be an article ("la rendait").
const finiteEnding = /(ait|aient|ais|ai|a|ont|ent|it|ut|èrent|irent|urent|ez|ons|ra|rai|ront|rait|raient|ât|ît|ût|e|es)$/u;
const functionWords = new Set([...determiners, ...prepositions, ...clitics, ...conjunctions]);
const auxiliaryForms = new Set(auxiliaries);
// prettier-ignore
const titles = new Set(["m.", "mm.", "mme", "mmes", "mlle", "mlles", "mgr", "dr", "me", "monsieur", "madame", "mademoiselle", "messieurs", "saint", "sainte", "maître"]);
const participleEnding = /(é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|it|ite|its|ert|erte|ort|orte|int|ainte|eint|ait|aite)$/u;
const romanNumeral = /^(?=[MDCLXVI])M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})[.,;:]?$/u;
const matterPattern =
  /ISBN|©|tous droits réservés|dépôt légal|achevé d'imprimer|imprimé en|du même auteur|table des matières|n° d'édition|bibebook|www\.|licence (cc|creative)|creative commons|éditions du quai/iu;

/** A text's words, a token split where a sentence ends inside it ("manger.--Mes"), as the segmenter splits it. */
function words(text: string): string[] {
  return text
    .split(/\s+/u)
    .flatMap((token) => token.split(endAgainstDash))
    .filter((token) => /[\p{L}\p{N}]/u.test(token));
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

/** The last word after an elision: "qu'il" → "il", "n'avait" → "avait". */
function elisionTail(word: string): string {
  return word.slice(word.lastIndexOf("'") + 1) || word;
}

/** The elided head of a word with its apostrophe: "qu'il" → "qu'", else the word. */
function elisionHead(word: string): string {
  const apostrophe = word.indexOf("'");
  return apostrophe === -1 || apostrophe === word.length - 1 ? word : word.slice(0, apostrophe + 1);
}

/** Whether the words end on a verb that a clitic or a negation marks as finite: "il faut", "lui montra", "ne fût pas". */
function endsOnMarkedVerb(tokens: string[]): boolean {
  const last = bare(tokens.at(-1) ?? "");
  const before = bare(tokens.at(-2) ?? "");
  const third = bare(tokens.at(-3) ?? "");
  if (last === "" || last.includes("-")) return false;
  // "ne fût pas", "n'était point".
  if (negationEnds.has(last) && (third === "ne" || elisionHead(before) === "n'")) return true;
  if (functionWords.has(last)) return false;
  const head = elisionHead(last);
  if (head !== last && (head === "n'" || head === "m'" || head === "t'" || head === "s'" || head === "l'")) {
    // "n'avait", "s'arrêta": the elided clitic stands before a verb.
    return finiteEnding.test(elisionTail(last)) && !functionWords.has(elisionTail(last));
  }
  const clitic = elisionTail(before);
  if (subjectClitics.has(clitic) && !prepositions.includes(third)) return true;
  if (verbClitics.has(before)) return finiteEnding.test(last) && !functionWords.has(last);
  if (objectArticles.has(before)) {
    const opener = elisionTail(third);
    return (subjectClitics.has(opener) || third === "ne" || verbClitics.has(opener)) && finiteEnding.test(last);
  }
  return false;
}

/** Whether a piece ending on `tokens` leaves a finite verb without the complement that `next` opens. */
export function cutsVerbFromComplement(tokens: string[], next: string): boolean {
  if (endsWithPunctuation(tokens.at(-1) ?? "")) return false;
  const following = bare(next);
  // "que" after a finite verb opens its object clause ("s'il faut ‖ qu'il"); other conjunctions open a new clause.
  const head = elisionHead(following);
  if (/^[«“—–(-]/u.test(next) || (conjunctions.includes(head) && head !== "que" && head !== "qu'")) return false;
  return endsOnMarkedVerb(tokens);
}

const closesNegation = /^(pas|point|jamais|plus|guère|rien)[,.;:!?]*$/iu;

/** Whether a cut after `tokens` leaves a "ne" its closing word opens `next` with: "n'y avait évidemment ‖ pas". */
export function splitsNegation(tokens: string[], next: string): boolean {
  if (!closesNegation.test(next)) return false;
  const ne = tokens.findLastIndex((token) => /^(ne|n['’])/iu.test(token));
  return ne !== -1 && !tokens.slice(ne + 1).some((token) => closesNegation.test(token) || /^qu/iu.test(token));
}

/** Whether a cut after `tokens` separates a short subject (a name, or article + noun) from the verb `next` opens. */
export function cutsSubjectFromVerb(tokens: string[], next: string, following = ""): boolean {
  const last = tokens.at(-1) ?? "";
  if (tokens.length < 2 || endsWithPunctuation(last) || /^[«“—–(-]/u.test(next)) return false;
  const word = bare(last);
  const previous = bare(tokens.at(-2)!);
  const opensClause = (token: string) =>
    endsWithPunctuation(token) || conjunctions.includes(elisionHead(bare(token))) || /^[«“—–(-]/u.test(token);
  const name = isCapitalized(last) && !titles.has(word) && opensClause(tokens.at(-2)!);
  const article = ["le", "la", "les", "l'", "un", "une", "mon", "ton", "son", "ma", "ta", "sa", "mes", "tes", "ses", "ce", "cet", "cette", "ces"];
  const nounPhrase =
    !functionWords.has(word) && article.includes(previous) && tokens.length >= 3 && opensClause(tokens.at(-3)!);
  if (!name && !nounPhrase) return false;
  const first = bare(next);
  const head = elisionHead(first);
  // Before the verb: "ne", an object clitic, or the verb's auxiliary.
  if (["ne", "n'", "se", "s'", "me", "m'", "te", "t'", "y"].includes(head)) return true;
  if (auxiliaryForms.has(first)) return true;
  const nextWord = bare(following);
  return (first === "lui" || first === "leur") && (auxiliaryForms.has(nextWord) || finiteEnding.test(nextWord));
}

/** Whether a piece holds a ; or : with at least two words on each side, where it could have ended. */
export function holdsInnerBreak(text: string): boolean {
  const tokens = text.trim().split(/\s+/u);
  let wordsBefore = 0;
  const total = words(text).length;
  for (let index = 0; index < tokens.length - 1; index++) {
    const token = tokens[index]!;
    if (/[\p{L}\p{N}]/u.test(token)) wordsBefore++;
    if (/[;:][»”)]*$/u.test(token) && wordsBefore >= 2 && total - wordsBefore >= 2) return true;
  }
  return false;
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
  const examples: QualityReport["examples"] = {
    hanging: [],
    names: [],
    innerBreaks: [],
    verbs: [],
    subjects: [],
    negations: [],
    matter: [],
    glued: [],
    lost: [],
  };
  let cuts = 0;
  let hanging = 0;
  let nameCuts = 0;
  let innerBreaks = 0;
  let verbCuts = 0;
  let subjectCuts = 0;
  let negationSplits = 0;
  for (const group of groupPieces(rows)) {
    if (group.length > 1) {
      for (const piece of group) {
        if (!holdsInnerBreak(piece.text)) continue;
        innerBreaks++;
        if (examples.innerBreaks.length < 12) examples.innerBreaks.push(piece.text);
      }
    }
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
      const tokens = group[index]!.text.trim().split(/\s+/u);
      const following = group[index + 1]!.text.trim().split(/\s+/u)[1] ?? "";
      if (cutsVerbFromComplement(tokens, next)) {
        verbCuts++;
        if (examples.verbs.length < 12) examples.verbs.push(seam);
      }
      if (cutsSubjectFromVerb(tokens, next, following)) {
        subjectCuts++;
        if (examples.subjects.length < 12) examples.subjects.push(seam);
      }
      if (splitsNegation(tokens, next)) {
        negationSplits++;
        if (examples.negations.length < 12) examples.negations.push(seam);
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
    innerBreaks,
    verbCuts,
    subjectCuts,
    negationSplits,
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
