// Fixed multi-word expressions ("peu à peu", "tout à coup", "à cause de",
// "parce que", "pomme de terre"): the Lefff lists about 2,100 forms spelt
// with a space, read with the rest of the file by lib/french/load-lefff.ts.
// A piece that cuts one ("peu | à peu") is not French any more, so the
// splitter keeps each one whole and the validation of model answers refuses
// a rewrite that breaks one across two pieces.
//
// Which entries count: adverbial, prepositional, conjunctional, determiner
// and pronoun locutions, compound nouns and adjectives, and interjections
// ("eh bien"); not the proper names (capitals already keep names whole) nor
// the interrogative "est -ce que" entries, spelt with a stray space. Left out
// too: entries with markup or symbols ("_NUMBER à _NUMBER", "a +"), spaced
// elisions ("dans l' espoir que"), and the few listed below that novels use
// far more often as free words than as a locution.
import { lefffMultiWordForms, lefffReadings } from "@/lib/french/load-lefff";

/**
 * What a locution does in the sentence. The function kinds (preposition,
 * subordinator, coordinator, determiner) open a constituent, so a piece
 * never ends on one; the others stand on their own.
 */
export type LocutionKind =
  | "preposition"
  | "subordinator"
  | "coordinator"
  | "determiner"
  | "adverb"
  | "pronoun"
  | "adjective"
  | "noun"
  | "interjection";

export interface Locution {
  /** As the Lefff spells it, in lower case: "à cause de". */
  form: string;
  kind: LocutionKind;
  /** Its words as the finder compares them ("d'abord" → "d'", "abord"). */
  words: readonly string[];
}

export interface LocutionMatch {
  locution: Locution;
  /** Index of the first token the locution touches. */
  first: number;
  /** Index of the last token it touches ("d'une" for "au bout d'une"). */
  last: number;
  /**
   * The last token goes on past the locution: "plus d'" in "plus d'abus"
   * ends inside "d'abus", whose noun closes the phrase.
   */
  endsInsideToken: boolean;
}

// Lefff categories by kind. A form listed under several categories takes the
// first kind here that it has: one that can stand alone wins ("de près" is
// an adverb before it is a preposition), so a piece may end on it.
const kindOrder: readonly [LocutionKind, readonly string[]][] = [
  ["adverb", ["adv", "advneg"]],
  ["pronoun", ["pro"]],
  ["adjective", ["adj"]],
  ["noun", ["nc"]],
  ["interjection", ["pres"]],
  ["preposition", ["prep"]],
  ["subordinator", ["csu"]],
  ["coordinator", ["coo"]],
  ["determiner", ["det"]],
];

export const functionLocutionKinds: ReadonlySet<LocutionKind> = new Set([
  "preposition",
  "subordinator",
  "coordinator",
  "determiner",
]);

// Noun or verb + que/où that the Lefff lists as conjunctions but that novels
// mostly use as a free noun or verb before a relative or completive clause
// ("le jour | où il partit", "il avait attendu | que la pluie cesse"): a cut
// there is a natural break, not a broken locution.
// prettier-ignore
const freeWords = new Set([
  "le jour où", "du temps où", "à l'heure où", "à l'instant où", "à l'époque où",
  "un jour que", "un jour qu'", "le temps que", "le temps qu'", "cette fois que", "cette fois qu'",
  "preuve que", "preuve qu'", "vu que", "vu qu'", "attendu que", "attendu qu'",
  "considéré que", "considéré qu'", "considérant que", "considérant qu'", "sachant que", "sachant qu'",
  "déjà que", "déjà qu'", "surtout que", "surtout qu'", "encore que", "encore qu'",
  "reste à savoir si", "de parce que", "de parce qu'",
]);

// "une fois" is listed only as a preposition ("une fois la porte fermée"),
// but "je l'ai vu une fois." ends a clause as often: it stands alone.
const kindOverrides: Record<string, LocutionKind> = { "une fois": "adverb" };

// Frequent in novels but missing from the Lefff: added so that "côte |
// à côte" or "de temps | en temps" are not cut either.
// prettier-ignore
const missingFromLefff: readonly [string, LocutionKind][] = [
  ["côte à côte", "adverb"], ["de temps en temps", "adverb"], ["de bonne heure", "adverb"],
  ["à voix basse", "adverb"], ["à haute voix", "adverb"], ["à la hâte", "adverb"],
  ["sur le champ", "adverb"], ["corps à corps", "adverb"], ["un à un", "adverb"],
  ["jour et nuit", "adverb"], ["nuit et jour", "adverb"], ["à son tour", "adverb"],
  ["à leur tour", "adverb"], ["à mon tour", "adverb"], ["à la fin", "adverb"],
  ["à peu de chose près", "adverb"], ["loin de", "preposition"], ["loin d'", "preposition"],
  ["tout le long de", "preposition"], ["tout le long d'", "preposition"],
  ["salle à manger", "noun"], ["salles à manger", "noun"], ["ne fût-ce que", "adverb"],
  ["ne fût-ce qu'", "adverb"], ["de l'un à l'autre", "adverb"],
  ["les uns après les autres", "adverb"], ["les unes après les autres", "adverb"],
  ["l'un après l'autre", "adverb"], ["l'une après l'autre", "adverb"],
  ["d'un bout à l'autre", "adverb"], ["bras dessus bras dessous", "adverb"], ["de fond en comble", "adverb"],
  ["du haut en bas", "adverb"], ["de haut en bas", "adverb"], ["de la tête aux pieds", "adverb"],
  ["des pieds à la tête", "adverb"], ["de droite et de gauche", "adverb"], ["de droite à gauche", "adverb"],
  ["de long en large", "adverb"], ["tôt ou tard", "adverb"], ["à bras ouverts", "adverb"],
  ["à perte de vue", "adverb"], ["à la dérobée", "adverb"], ["à tout hasard", "adverb"],
  ["chambre à coucher", "noun"], ["chambres à coucher", "noun"], ["robe de chambre", "noun"],
  ["coup d'oeil", "noun"], ["coups d'oeil", "noun"], ["clair de lune", "noun"], ["chemin de fer", "noun"],
  ["table de nuit", "noun"], ["bonnet de nuit", "noun"], ["garde champêtre", "noun"],
];

// "bien que" is the concessive conjunction only where a clause opens ("Bien
// qu'il fût tard", ", bien qu'elle…"); after a verb it is an adverb and the
// que of the verb's own clause ("ma tante savait bien ‖ que ce n'était pas
// pour rien"), and the cut belongs after "bien".
const onlyWhereAClauseOpens = new Set(["bien que", "bien qu'"]);
const clauseOpeningWords = new Set(["et", "mais", "ou", "or", "car", "donc", "ni"]);

/** Lower case, straight apostrophes, œ and æ spelt out as the Lefff spells them. */
function normalizeWord(text: string): string {
  return text.toLowerCase().replace(/[’ʼ‘]/gu, "'").replace(/œ/gu, "oe").replace(/æ/gu, "ae");
}

/** "d'abord" → "d'", "abord"; "jusqu'à" → "jusqu'", "à"; hyphenated words stay one. */
function splitElisions(word: string): string[] {
  return word.split(/(?<=')(?=.)/u);
}

function kindOf(form: string, categories: ReadonlySet<string>): LocutionKind | undefined {
  const override = kindOverrides[form];
  if (override) return override;
  return kindOrder.find(([, lefff]) => lefff.some((category) => categories.has(category)))?.[0];
}

interface LocutionIndex {
  /** First word → the locutions starting with it, longest first. */
  byFirstWord: Map<string, Locution[]>;
  size: number;
}

let index: LocutionIndex | undefined;

function buildIndex(): LocutionIndex {
  const byFirstWord = new Map<string, Locution[]>();
  const seen = new Set<string>();
  const add = (form: string, kind: LocutionKind) => {
    const words = form.split(" ").flatMap(splitElisions).map(normalizeWord);
    const id = words.join(" ");
    if (words.length < 2 || seen.has(id)) return;
    seen.add(id);
    const list = byFirstWord.get(words[0]!) ?? [];
    list.push({ form, kind, words });
    byFirstWord.set(words[0]!, list);
  };
  for (const key of lefffMultiWordForms()) {
    // "afin de__prep" is a second entry of "afin de"; "d'abord (...ensuite)" is "d'abord".
    const form = key.replace(/__\p{L}+$/u, "").replace(/\s*\(.*\)\s*$/u, "").trim();
    if (!/^[\p{L}' -]+$/u.test(form) || /' | -|- /u.test(form) || freeWords.has(form)) continue;
    const kind = kindOf(form, new Set(lefffReadings(key).map((reading) => reading.category)));
    if (kind) add(form, kind);
  }
  for (const [form, kind] of missingFromLefff) add(form, kind);
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { byFirstWord, size: seen.size };
}

function locutionIndex(): LocutionIndex {
  index ??= buildIndex();
  return index;
}

/** How many locutions the finder knows (after the choices above). */
export function locutionCount(): number {
  return locutionIndex().size;
}

interface Part {
  word: string;
  token: number;
  /** Punctuation (or a non-word token) separates it from the part before. */
  breakBefore: boolean;
  breakAfter: boolean;
  /** The last part of its token. */
  tokenEnd: boolean;
}

/** The tokens' words, elisions split off, with the punctuation between them noted. */
function partsOf(tokens: readonly string[]): Part[] {
  const parts: Part[] = [];
  let pendingBreak = false;
  tokens.forEach((raw, token) => {
    const text = normalizeWord(raw);
    const core = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}']*)$/u.exec(text)!;
    if (core[2] === "") {
      const previous = parts[parts.length - 1];
      if (previous) previous.breakAfter = true;
      pendingBreak = true;
      return;
    }
    splitElisions(core[2]!).forEach((word, n, all) => {
      parts.push({
        word,
        token,
        breakBefore: n === 0 && (pendingBreak || core[1] !== ""),
        breakAfter: n === all.length - 1 && core[3] !== "",
        tokenEnd: n === all.length - 1,
      });
    });
    pendingBreak = false;
  });
  return parts;
}

// The text joins "à le" and "de le" into one word: "à cause du bruit", "grâce aux soins".
const contractedEndings: Record<string, ReadonlySet<string>> = {
  de: new Set(["de", "du", "des"]),
  à: new Set(["à", "au", "aux"]),
};

function matchesAt(parts: readonly Part[], at: number, words: readonly string[]): boolean {
  if (at + words.length > parts.length) return false;
  for (let k = 0; k < words.length; k++) {
    const part = parts[at + k]!;
    if (k > 0 && (part.breakBefore || parts[at + k - 1]!.breakAfter)) return false;
    const wanted = words[k]!;
    const last = k === words.length - 1;
    if (part.word !== wanted && !(last && contractedEndings[wanted]?.has(part.word))) return false;
  }
  return true;
}

function opensWhereItMay(parts: readonly Part[], at: number, locution: Locution): boolean {
  if (!onlyWhereAClauseOpens.has(locution.form)) return true;
  const previous = parts[at - 1];
  return !previous || previous.breakAfter || parts[at]!.breakBefore || clauseOpeningWords.has(previous.word);
}

/**
 * "d'année en année", "de ville en ville", "phrase à phrase", "pas à pas":
 * one noun said twice around "en" or "à" is an adverb, whatever the noun;
 * the Lefff lists a few.
 */
function repeatedNounAt(parts: readonly Part[], at: number): Locution | undefined {
  const [first, second, third, fourth] = parts.slice(at, at + 4);
  if (first && second && third && /^(de|d')$/u.test(first.word) && fourth?.word === second.word && third.word === "en") {
    const words = [first.word, second.word, "en", second.word];
    if (matchesAt(parts, at, words)) return { form: `${first.word === "de" ? "de " : "d'"}${second.word} en ${second.word}`, kind: "adverb", words };
  }
  if (first && second?.word === "à" && third?.word === first.word && /^\p{L}{2,}$/u.test(first.word)) {
    const words = [first.word, "à", first.word];
    if (matchesAt(parts, at, words)) return { form: words.join(" "), kind: "adverb", words };
  }
  return undefined;
}

/**
 * The locutions of a run of whitespace tokens (a sentence's words, their
 * punctuation attached), left to right, each the longest that starts there;
 * matches do not overlap. Case is ignored; a locution never spans
 * punctuation ("peu, à peu" is not one).
 */
export function findLocutions(tokens: readonly string[]): LocutionMatch[] {
  const { byFirstWord } = locutionIndex();
  const parts = partsOf(tokens);
  const matches: LocutionMatch[] = [];
  let at = 0;
  while (at < parts.length) {
    const found =
      byFirstWord.get(parts[at]!.word)?.find((locution) => matchesAt(parts, at, locution.words) && opensWhereItMay(parts, at, locution)) ??
      repeatedNounAt(parts, at);
    if (!found) {
      at++;
      continue;
    }
    const end = at + found.words.length - 1;
    matches.push({
      locution: found,
      first: parts[at]!.token,
      last: parts[end]!.token,
      endsInsideToken: !parts[end]!.tokenEnd,
    });
    at = end + 1;
  }
  return matches;
}

/**
 * How a locution of a sentence fares in a run of tokens (a rewrite's
 * pieces, each piece's punctuation kept): how often it occurs whole, and the
 * leftover parts of two words or more of it, taken from its start or its end
 * ("à peu" of "peu à peu"), found outside its whole occurrences.
 */
export function countLocution(
  tokens: readonly string[],
  locution: Locution,
): { whole: number; remnants: string[] } {
  const parts = partsOf(tokens);
  const words = locution.words;
  const inWhole = new Set<number>();
  let whole = 0;
  for (let at = 0; at < parts.length; at++) {
    if (!matchesAt(parts, at, words)) continue;
    whole++;
    for (let k = 0; k < words.length; k++) inWhole.add(at + k);
    at += words.length - 1;
  }
  const remnants: string[] = [];
  for (let at = 0; at < parts.length; at++) {
    for (let length = words.length - 1; length >= 2; length--) {
      const found = [words.slice(0, length), words.slice(words.length - length)].find(
        (part) => matchesAt(parts, at, part),
      );
      const free = Array.from({ length }, (_, k) => at + k).every((part) => !inWhole.has(part));
      if (found && free) {
        remnants.push(found.join(" ").replace(/' /gu, "'"));
        at += length - 1;
        break;
      }
    }
  }
  return { whole, remnants };
}
