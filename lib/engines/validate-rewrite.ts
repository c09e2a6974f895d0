// Checks a model's rewrites against the sentences we asked about, per id,
// before any of them is accepted. The book's text is ours: a rewrite is
// used only if it answers the sentence once, fits the word limit, keeps the
// sentence's content words, adds no name or number the book does not have
// there, keeps its negations, keeps each of its locutions ("peu à peu",
// "à cause de") whole and inside one piece, and gives pieces a reader can
// parse: none ends on a word that opens a phrase ("Il regarde le"), starts
// as the continuation of a sentence the model closed, or holds only
// function words. Each failure has a reason code, so the fallbacks can be
// counted by reason and the model told what went wrong.
import { contentStems, frenchWords, isFunctionWord } from "@/lib/french/content-words";
import { functionClasses, lexiconKey, lookUpWord, type WordClass } from "@/lib/french/lexicon";
import { countLocution, findLocutions } from "@/lib/french/locutions";
import { stemFrench } from "@/lib/french/stem";
import type { RewriteFailureReason } from "@/lib/engines/rewrite-types";
import { countWords, isWord } from "@/lib/text/count-words";
import { normalizeSpaces } from "@/lib/text/normalize-spaces";

export interface RewriteAnswer {
  id: string;
  pieces: string[];
}

export interface ValidationOptions {
  maxWords: number;
  /** Least share (0..1) of the original's content words the pieces must keep. */
  minContentShare: number;
  /** Neighbouring text per id: names and numbers found there may appear in the pieces. */
  context?: ReadonlyMap<string, string>;
  /** Words the caller left out on purpose and checked itself (the offline rules' "dont", "et"). */
  droppedWords?: number;
}

export type RewriteVerdict =
  { ok: true; pieces: string[] } | { ok: false; reason: RewriteFailureReason; detail: string };

// Negation markers. "ne"/"n'" alone is enough to call a sentence negative;
// the second half (pas, jamais…) is what carries the meaning, so none may vanish.
// prettier-ignore
const negationWords = new Set([
  "ne", "n", "pas", "jamais", "rien", "personne", "plus", "aucun", "aucune", "aucuns", "aucunes",
  "ni", "guère", "point", "nul", "nulle",
]);
const negativeCores = new Set([
  "ne",
  "n",
  "jamais",
  "aucun",
  "aucune",
  "ni",
  "guère",
  "nul",
  "nulle",
]);

// Spelled-out numbers: changing "trois" into "quatre" changes the story.
// "un"/"une" are left out: they are articles far more often than numbers.
// prettier-ignore
const numberWords = new Set([
  "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
  "treize", "quatorze", "quinze", "seize", "vingt", "vingts", "trente", "quarante", "cinquante",
  "soixante", "cent", "cents", "mille", "million", "millions", "milliard", "milliards",
  "premier", "première", "second", "seconde", "deuxième", "troisième", "quatrième", "dixième",
  "centième", "millième",
]);

/** Fewer added content words than this are never called an invention (a repeated subject, "alors"). */
const addedWordsAllowance = 2;
/** Beyond the allowance, added content words may be at most this share of the original's. */
const maxAddedShare = 0.1;

function countBy(words: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** Capitalised words not at the start of a sentence: names, as a reader sees them. */
function capitalisedWords(text: string): { word: string; atStart: boolean }[] {
  const found: { word: string; atStart: boolean }[] = [];
  let atStart = true;
  for (const token of normalizeSpaces(text).split(" ")) {
    // An elided article or pronoun in front ("d'Emma", "L'Homais") is not the name.
    const bare = token.replace(/^[«“"'‘(\[—–-]+/u, "").replace(/^\p{L}['’]/u, "");
    const word = /^\p{L}[\p{L}-]*/u.exec(bare)?.[0];
    if (word && /^\p{Lu}/u.test(word)) found.push({ word, atStart });
    if (/\p{L}|\p{N}/u.test(token)) atStart = /[.!?…]["»”)]*$/u.test(token);
    else if (/^[—–-]$/u.test(token)) atStart = true; // A dialogue dash opens a new speech.
  }
  return found;
}

/** Short quoted strings (titles, nicknames, names of places): « Lion d'or ». */
function quotedNames(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(/[«“"]\s*([^«»“”"]{1,60}?)\s*[»”"]/gu)) {
    const inner = match[1]!.trim();
    if (countWords(inner) > 0 && countWords(inner) <= 4) names.push(inner.toLowerCase());
  }
  return names;
}

function checkInvented(original: string, context: string, pieces: string[]): string | undefined {
  const source = `${original} ${context}`;
  const sourceWords = new Set(frenchWords(source));
  const sourceStems = new Set(frenchWords(source).map(stemFrench));
  const joined = pieces.join(" ");

  // A number comes from the sentence itself: the neighbours' text lends
  // names (a pronoun made explicit), never a figure ("un douze petit homme").
  const ownWords = new Set(frenchWords(original));
  for (const number of joined.match(/\p{N}+/gu) ?? []) {
    if (!ownWords.has(number)) return `the number ${number} is not in the sentence`;
  }
  for (const word of frenchWords(joined)) {
    if (numberWords.has(word) && !ownWords.has(word)) {
      return `the number "${word}" is not in the sentence`;
    }
  }
  for (const piece of pieces) {
    for (const { word, atStart } of capitalisedWords(piece)) {
      const lower = word.toLowerCase();
      if (sourceWords.has(lower) || lower.split("-").every((part) => sourceWords.has(part))) {
        continue;
      }
      // A piece starts with a capital: there it is a name only if it is not
      // a function word or a form of a word the sentence has.
      if (atStart && (isFunctionWord(lower) || sourceStems.has(stemFrench(lower)))) continue;
      return `the name "${word}" is not in the sentence`;
    }
  }
  const sourceText = normalizeSpaces(source).toLowerCase();
  for (const name of quotedNames(joined)) {
    if (!sourceText.includes(name)) return `the quoted name "${name}" is not in the sentence`;
  }
  return undefined;
}

function checkNegation(original: string, pieces: string[]): string | undefined {
  const originalWords = frenchWords(original);
  if (!originalWords.some((word) => negativeCores.has(word))) return undefined;
  const before = countBy(originalWords.filter((word) => negationWords.has(word)));
  const after = countBy(frenchWords(pieces.join(" ")).filter((word) => negationWords.has(word)));
  // "ne" and its elided "n'" are one particle.
  const particle = (counts: Map<string, number>) =>
    (counts.get("ne") ?? 0) + (counts.get("n") ?? 0);
  if (particle(after) < particle(before)) return `a "ne" of the sentence is missing`;
  for (const [word, count] of before) {
    if (word === "ne" || word === "n") continue;
    if ((after.get(word) ?? 0) < count) return `the negation "${word}" is missing`;
  }
  return undefined;
}

/** A piece's tokens without the punctuation at its edges: the model ends a fragment with a full stop. */
function innerTokens(piece: string): string[] {
  const tokens = piece.split(" ");
  while (tokens.length > 0 && !isWord(tokens[0]!)) tokens.shift();
  while (tokens.length > 0 && !isWord(tokens[tokens.length - 1]!)) tokens.pop();
  if (tokens.length === 0) return tokens;
  tokens[0] = tokens[0]!.replace(/^[^\p{L}\p{N}]+/u, "");
  tokens[tokens.length - 1] = tokens[tokens.length - 1]!.replace(/[^\p{L}\p{N}']+$/u, "");
  return tokens;
}

/**
 * A locution of the original whose words the pieces still have, in order,
 * but with a piece boundary inside ("l'ordre peu." | "À peu se rétablit…").
 * Only the original's locutions count, so a rewording is never held to a
 * locution the author did not write.
 */
function checkLocutions(original: string, pieces: string[]): string | undefined {
  const wanted = new Set(findLocutions(original.split(" ")).map((match) => match.locution.form));
  if (wanted.size === 0) return undefined;
  const tokens: string[] = [];
  const pieceOf: number[] = [];
  pieces.forEach((piece, n) => {
    for (const token of innerTokens(piece)) {
      tokens.push(token);
      pieceOf.push(n);
    }
  });
  const broken = findLocutions(tokens).find(
    (match) => wanted.has(match.locution.form) && pieceOf[match.first] !== pieceOf[match.last],
  );
  return broken && `the locution "${broken.locution.form}" is cut across two pieces`;
}

/**
 * A locution of the original that the pieces no longer have whole but still
 * have a part of ("L'ordre." | "À peu se rétablit…" from "l'ordre peu à peu
 * se rétablit"): the part alone is not French. A part the original also has
 * outside the locution does not count.
 */
function checkLocutionsWhole(original: string, pieces: string[]): string | undefined {
  const originalTokens = original.split(/\s+/u);
  const pieceTokens = pieces.flatMap((piece) => piece.split(/\s+/u));
  const seen = new Set<string>();
  for (const { locution } of findLocutions(originalTokens)) {
    if (seen.has(locution.form)) continue;
    seen.add(locution.form);
    const before = countLocution(originalTokens, locution);
    const after = countLocution(pieceTokens, locution);
    if (after.whole < before.whole && after.remnants.length > before.remnants.length) {
      const remnant = after.remnants.find((part) => !before.remnants.includes(part)) ?? after.remnants[0];
      return `the locution "${locution.form}" is kept only in part ("${remnant}")`;
    }
  }
  return undefined;
}

/** A token as the lexicon looks it up, the punctuation after it off ("à.", "de_."). */
function bareKey(token: string): string {
  return lexiconKey(token).replace(/[^\p{L}\p{N}']+$/u, "");
}

/** The word classes of a token as the lexicon has them, a lowercase word never a name. */
function classesOf(token: string): { classes: Set<WordClass>; elidedDeterminer: boolean } | undefined {
  const key = bareKey(token);
  let entry = lookUpWord(key);
  let elidedDeterminer = false;
  if (!entry) {
    // An elided pair ("l'or", "qu'il") ends on its second word.
    const pair = /^(\p{L}{1,6})'(\p{L}.*)$/u.exec(key);
    if (!pair) return undefined;
    entry = lookUpWord(pair[2]!);
    elidedDeterminer = lookUpWord(`${pair[1]}'`)?.classes.has("det") ?? false;
  }
  if (!entry) return undefined;
  const classes = new Set(entry.classes);
  if (!/^[^\p{L}]*\p{Lu}/u.test(token) && classes.size > 1) classes.delete("proper");
  return { classes, elidedDeterminer };
}

const contentReadings = (classes: ReadonlySet<WordClass>) =>
  [...classes].filter((wordClass) => !functionClasses.has(wordClass));

/** The last token of a piece with a letter or digit in it. */
function lastWord(tokens: string[]): { token: string; index: number } | undefined {
  const index = tokens.findLastIndex(isWord);
  return index < 0 ? undefined : { token: tokens[index]!, index };
}

/** Bare lowercase words of the original that end a clause: followed by punctuation or ending the sentence. */
function clauseEndings(original: string): Set<string> {
  const tokens = original.split(/\s+/u);
  const endings = new Set<string>();
  tokens.forEach((token, index) => {
    if (!isWord(token)) return;
    const next = tokens[index + 1];
    if (/[^\p{L}\p{N}'’]$/u.test(token) || next === undefined || !isWord(next)) {
      endings.add(bareKey(token));
    }
  });
  return endings;
}

/**
 * Whether a piece ending on `token` leaves a phrase open, by the splitter's
 * rule (lib/french/lexicon.ts: no determiner, preposition, clitic, "ne" or
 * conjunction last), refused only when the lexicon leaves no doubt: every
 * reading of the word is such a class, or its only other readings are rare
 * nouns and adjectives ("la", "car", "sur") after a word that cannot
 * introduce one ("Il regarde la." but "un la", "en or", "cinq cents vers").
 * An interrogative before "?" or "!" ("Depuis quand ?", "Quoi !") closes
 * the question.
 */
function endsOpen(token: string, previous: string | undefined, question: boolean): boolean {
  if (/'$/u.test(bareKey(token))) return true; // "jusqu'", "l'" with nothing after.
  const found = classesOf(token);
  if (!found) return false;
  const { classes, elidedDeterminer } = found;
  const content = contentReadings(classes);
  if (content.length === 0) return !(question && classes.has("sub"));
  if (content.length === classes.size || classes.has("sub") || elidedDeterminer) return false;
  if (!content.every((wordClass) => wordClass === "noun" || wordClass === "adj")) return false;
  const before = previous === undefined ? undefined : classesOf(previous);
  if (!before || /^\p{N}/u.test(bareKey(previous!))) return false;
  const introducers: WordClass[] = ["det", "prep", "num", "adj", "noun"];
  return !introducers.some((wordClass) => before.classes.has(wordClass));
}

/**
 * A piece that ends on a word that opens a phrase, or on an auxiliary the
 * next piece's participle belonged to in the original ("Elle était." |
 * "Assise à la fenêtre."). Words that end a clause of the original itself
 * are the author's and never refused.
 */
function checkEndings(original: string, pieces: string[]): string | undefined {
  const endings = clauseEndings(original);
  const originalKeys = original.split(/\s+/u).map(bareKey);
  for (const [n, piece] of pieces.entries()) {
    const tokens = piece.split(/\s+/u);
    const last = lastWord(tokens);
    // A word in italics or quotes of its own ("beaucoup de _de_") is mentioned, not used.
    if (!last || endings.has(bareKey(last.token)) || /^[_«"“]/u.test(last.token)) continue;
    const question = /[?!][^\p{L}\p{N}]*$/u.test(piece);
    if (endsOpen(last.token, tokens.slice(0, last.index).findLast(isWord), question)) {
      return `the piece "${piece}" ends on "${bareKey(last.token)}", which cannot end a sentence`;
    }
    const next = pieces[n + 1]?.split(/\s+/u).find(isWord);
    if (next === undefined || !(lookUpWord(last.token)?.classes.has("aux") ?? false)) continue;
    if (!(lookUpWord(next)?.participle ?? false)) continue;
    const auxiliary = bareKey(last.token);
    const participle = bareKey(next);
    const together = originalKeys.some(
      (key, index) => key === auxiliary && originalKeys[index + 1] === participle,
    );
    if (together) {
      return `the piece "${piece}" ends on the auxiliary "${auxiliary}" and the next piece starts with its participle "${participle}"`;
    }
  }
  return undefined;
}

/** The first letter of a text, after opening marks, dashes and spaces. */
function firstLetter(text: string): string | undefined {
  return /^[\s«“‘"'(\[—–-]*(\p{L})/u.exec(text)?.[1];
}

/**
 * A piece that cannot start a sentence: it opens on punctuation that closes
 * something (", et il…", "» dit-il"), or in lower case after a piece the
 * model closed with a full stop ("Il hésita." | "puis il partit."), or the
 * first piece in lower case where the book has a capital. The book's own
 * junctions ("hésita… puis") are kept.
 */
function checkStarts(original: string, pieces: string[]): string | undefined {
  const text = normalizeSpaces(original);
  for (const [n, piece] of pieces.entries()) {
    const first = piece.split(/\s+/u)[0]!;
    if (/^[,;:.!?…)\]»”]/u.test(piece) && !text.startsWith(first)) {
      return `the piece "${piece}" starts with "${first[0]}"`;
    }
    const letter = firstLetter(piece);
    if (letter === undefined || letter === letter.toUpperCase()) continue;
    if (n === 0) {
      const originalLetter = firstLetter(text);
      if (originalLetter !== undefined && originalLetter !== originalLetter.toLowerCase()) {
        return `the piece "${piece}" starts in lower case where the sentence has a capital`;
      }
      continue;
    }
    const previous = pieces[n - 1]!.split(/\s+/u);
    const end = previous[previous.length - 1]!;
    if (!/[.!?…][^\p{L}\p{N}]*$/u.test(end)) continue;
    const word = first.replace(/[^\p{L}\p{N}'’]+$/u, "");
    if (text.includes(`${end} ${word}`)) continue;
    return `the piece "${piece}" starts in lower case after a piece that ends a sentence`;
  }
  return undefined;
}

/**
 * A piece whose every word is a function word in all its readings ("Et il.",
 * "De la."): no phrase at all. A question or exclamation ("Et qui ?",
 * "Quoi !") and a piece ending where a clause of the original ends are spared.
 */
function checkContentWords(original: string, pieces: string[]): string | undefined {
  const endings = clauseEndings(original);
  return pieces.find((piece) => {
    const words = piece.split(/\s+/u).filter(isWord);
    if (/[?!][^\p{L}\p{N}]*$/u.test(piece) || endings.has(bareKey(words[words.length - 1]!))) {
      return false;
    }
    return words.every((token) => {
      const found = classesOf(token);
      return found !== undefined && contentReadings(found.classes).length === 0;
    });
  });
}

/** Share of the original's content words (by stem, repeats counted) found in the pieces. */
export function contentShare(original: string, pieces: string[]): number {
  const wanted = contentStems(original);
  if (wanted.length === 0) return 1;
  const available = countBy(contentStems(pieces.join(" ")));
  let kept = 0;
  for (const stem of wanted) {
    const left = available.get(stem) ?? 0;
    if (left > 0) {
      kept++;
      available.set(stem, left - 1);
    }
  }
  return kept / wanted.length;
}

function addedContentWords(original: string, context: string, pieces: string[]): string[] {
  const source = new Set(contentStems(`${original} ${context}`));
  return contentStems(pieces.join(" ")).filter((stem) => !source.has(stem));
}

/** The verdict on one sentence's answered pieces. */
export function validatePieces(
  original: string,
  rawPieces: string[],
  options: Omit<ValidationOptions, "context"> & { context?: string },
): RewriteVerdict {
  const pieces = rawPieces.map(normalizeSpaces).filter((piece) => piece !== "");
  const context = options.context ?? "";
  if (pieces.length === 0 || pieces.some((piece) => countWords(piece) === 0)) {
    return { ok: false, reason: "empty", detail: "a piece has no words" };
  }
  const long = pieces.find((piece) => countWords(piece) > options.maxWords);
  if (long !== undefined) {
    return {
      ok: false,
      reason: "too_long",
      detail: `a piece has ${countWords(long)} words, more than ${options.maxWords}`,
    };
  }
  const invented = checkInvented(original, context, pieces);
  if (invented) return { ok: false, reason: "invented", detail: invented };
  const negation = checkNegation(original, pieces);
  if (negation) return { ok: false, reason: "negation_dropped", detail: negation };
  const share = contentShare(original, pieces);
  if (share < options.minContentShare) {
    return {
      ok: false,
      reason: "content_lost",
      detail: `the pieces keep ${Math.round(share * 100)}% of the sentence's content words, fewer than ${Math.round(options.minContentShare * 100)}%`,
    };
  }
  // Content words alone miss a dropped clause in a short sentence ("il avait
  // une lettre" holds one content stem of four): the pieces must also keep as
  // large a share of the sentence's words. A rewrite that repeats subjects
  // only adds words, so this refuses losses, not rewording.
  const wordShare = countWords(pieces.join(" ")) / Math.max(1, countWords(original) - (options.droppedWords ?? 0));
  if (wordShare < options.minContentShare) {
    return {
      ok: false,
      reason: "content_lost",
      detail: `the pieces have ${Math.round(wordShare * 100)}% of the sentence's words, fewer than ${Math.round(options.minContentShare * 100)}%`,
    };
  }
  const added = addedContentWords(original, context, pieces);
  const originalCount = contentStems(original).length;
  if (added.length > addedWordsAllowance + maxAddedShare * originalCount) {
    return {
      ok: false,
      reason: "invented",
      detail: `the pieces add ${added.length} words the sentence does not have`,
    };
  }
  const locution = checkLocutions(normalizeSpaces(original), pieces);
  if (locution) return { ok: false, reason: "locution_split", detail: locution };
  const partial = checkLocutionsWhole(normalizeSpaces(original), pieces);
  if (partial) return { ok: false, reason: "locution_partial", detail: partial };
  const bare = checkContentWords(normalizeSpaces(original), pieces);
  if (bare !== undefined) {
    return { ok: false, reason: "function_words_only", detail: `the piece "${bare}" has only function words` };
  }
  const ending = checkEndings(normalizeSpaces(original), pieces);
  if (ending) return { ok: false, reason: "dangling_end", detail: ending };
  const start = checkStarts(original, pieces);
  if (start) return { ok: false, reason: "bad_start", detail: start };
  return { ok: true, pieces };
}

/**
 * One verdict per asked id. Answers for ids we did not ask are ignored; an
 * id answered twice fails, since we cannot know which answer the model meant.
 */
export function validateRewrites(
  asked: readonly { id: string; text: string }[],
  answers: readonly RewriteAnswer[],
  options: ValidationOptions,
): Map<string, RewriteVerdict> {
  const byId = new Map<string, RewriteAnswer[]>();
  for (const answer of answers) byId.set(answer.id, [...(byId.get(answer.id) ?? []), answer]);
  const verdicts = new Map<string, RewriteVerdict>();
  for (const sentence of asked) {
    const found = byId.get(sentence.id) ?? [];
    if (found.length === 0) {
      verdicts.set(sentence.id, {
        ok: false,
        reason: "missing",
        detail: "no answer for this id",
      });
    } else if (found.length > 1) {
      verdicts.set(sentence.id, {
        ok: false,
        reason: "duplicate",
        detail: `answered ${found.length} times`,
      });
    } else {
      verdicts.set(
        sentence.id,
        validatePieces(sentence.text, found[0]!.pieces, {
          maxWords: options.maxWords,
          minContentShare: options.minContentShare,
          context: options.context?.get(sentence.id),
        }),
      );
    }
  }
  return verdicts;
}
