// Checks a model's rewrites against the sentences we asked about, per id,
// before any of them is accepted. The book's text is ours: a rewrite is
// used only if it answers the sentence once, fits the word limit, keeps the
// sentence's content words, adds no name or number the book does not have
// there, keeps its negations, and keeps each of its locutions ("peu à peu",
// "à cause de") inside one piece. Each failure has a reason code, so the
// fallbacks can be counted by reason and the model told what went wrong.
import { contentStems, frenchWords, isFunctionWord } from "@/lib/french/content-words";
import { findLocutions } from "@/lib/french/locutions";
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

  for (const number of joined.match(/\p{N}+/gu) ?? []) {
    if (!sourceWords.has(number)) return `the number ${number} is not in the sentence`;
  }
  for (const word of frenchWords(joined)) {
    if (numberWords.has(word) && !sourceWords.has(word)) {
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
  const wordShare = countWords(pieces.join(" ")) / Math.max(1, countWords(original));
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
