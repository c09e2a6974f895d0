// The last-resort cut parts a clause where it must. Three kinds of pieces it
// leaves become sentences with the closed list's words, as the rules write
// them:
// - a predicate at the head of a piece, its subject in the piece before:
//   "Le nouveau, qui était resté dans l'angle, ‖ se leva comme surpris." →
//   "Il se leva comme surpris.", the subject said again as the coordination
//   rule says it;
// - a piece that is one whole subject, aside or phrase of place or time:
//   "Un petit poignard ciselé ‖" → "C'était un petit poignard ciselé.", as
//   the apposition and adjunct rules present theirs;
// - a bare noun after "à" or "en" that completes the noun the piece before
//   ends on: "un moine échappé du cloître ‖ en bonnet rouge" → "Il était en
//   bonnet rouge.", as the participle rule describes its noun.
// The other pieces stay as they were cut.
import { withSubject } from "@/lib/rewriting/agreement";
import { cutPredicateSubject, describedNoun, presentedPhrase, presentedSubordinate, readsAsSentence } from "@/lib/rewriting/rewrite-sentence";
import { childrenWith, subtree, timeNouns, wordSpans, type SentenceTree } from "@/lib/rewriting/sentence-tree";
import { capitalizeFirst } from "@/lib/text/capitalize-first";
import { countWords } from "@/lib/text/count-words";
import { normalizeSpaces } from "@/lib/text/normalize-spaces";

const sentenceEnd = /[.!?…][»”)]*$/u;
const loneAnd = /^et[\s,]*$/iu;
/**
 * A piece that opens with a relative pronoun or "que", or a preposition and
 * its relative pronoun ("devant lequel vont et viennent des passants"): the
 * rest of a clause, no sentence. (Not a word boundary: it misses "où".)
 */
export const opensOnRelative =
  /^[^\p{L}]*(qu['’]|((\p{L}+\s+)?(lequel|laquelle|lesquels|lesquelles|auquel|auxquels|auxquelles|duquel|desquels|desquelles)|dont|qui|que|où)(?!\p{L}))/iu;

/**
 * "Il prit l'habitude du cabaret, ‖ C'était avec la passion des dominos.":
 * a clause before a piece made a sentence ends on a full stop, not on the
 * comma that led on to it, nor on nothing ("Il se rassit ‖ Il la posa sur
 * ses genoux."). The piece as it was where it is no clause of its own
 * ("Et, l'année d'après,", "Elle ne savait pas que,").
 */
export function closedClause(piece: string): string {
  if (sentenceEnd.test(piece) || /[:–—-]$/u.test(piece) || !/^[^\p{L}]*\p{Lu}/u.test(piece)) return piece;
  const closed = `${piece.replace(/\s*[,;]$/u, "")}.`;
  return readsAsSentence(closed) ? closed : piece;
}

/** The phrase with its first letter in lower case, unless it starts with a name ("Walter Scott"). */
function lowerFirst(tree: SentenceTree, start: number, phrase: string): string {
  return tree.words[start]!.upos === "PROPN" ? phrase : phrase.replace(/^\p{Lu}/u, (letter) => letter.toLowerCase());
}

// What may stand before the verb group at a piece's head: a comma, the "et" that goes.
const droppableOpening = /^[\s,]*(et[\s,]*)?$/iu;

/**
 * For each unit of `text` (as splitLongSentence reads it), how many words a
 * piece that starts there will be given: the subject of the predicate it
 * opens on, less the "et" that goes with it. 0 where none would be.
 */
export function subjectWordsAtUnits(text: string, tree: SentenceTree, units: readonly { start: number; end: number }[]): number[] {
  const spans = wordSpans(text, tree);
  if (!spans || spans.length === 0) return units.map(() => 0);
  const last = spans.at(-1)!.index;
  let next = 0;
  return units.map((unit, k) => {
    while (next < spans.length && spans[next]!.start < unit.start) next += 1;
    const first = spans[next];
    if (k === 0 || !first || first.start >= unit.end) return 0;
    const found = cutPredicateSubject(tree, first.index, last);
    return found ? Math.max(0, countWords(found.subject) - (found.dropLink ? 1 : 0)) : 0;
  });
}

/**
 * The cut `pieces` of `text` (as splitLongSentence returns them), each
 * predicate whose subject the cut left behind given it again, and each
 * whole phrase presented, where the piece still fits `maxWords`; and how
 * many "et" went with that.
 */
export function cutPiecesAsSentences(
  text: string,
  pieces: readonly string[],
  tree: SentenceTree,
  maxWords: number,
): { pieces: string[]; dropped: number } {
  const normalized = normalizeSpaces(text);
  const spans = wordSpans(normalized, tree);
  if (!spans) return { pieces: [...pieces], dropped: 0 };
  // Where each piece stands in the text, and the sentence's words it holds.
  let offset = 0;
  const placed = pieces.map((piece) => {
    const start = normalized.indexOf(piece, offset);
    if (start < 0) return undefined;
    const end = start + piece.length;
    offset = end;
    const inside = spans.filter((span) => span.start >= start && span.end <= end);
    return inside.length === 0 ? undefined : { start, end, inside };
  });
  // Each predicate the cut parted from its subject, written with it again where it still fits.
  const predicates = placed.map((place, position) => {
    if (!place || position === 0) return undefined;
    const { start, end, inside } = place;
    const found = cutPredicateSubject(tree, inside[0]!.index, inside.at(-1)!.index);
    if (!found) return undefined;
    const verbGroup = found.dropLink ? inside[1] : inside[0];
    if (!verbGroup || !droppableOpening.test(normalized.slice(start, verbGroup.start))) return undefined;
    const rest = normalized.slice(verbGroup.start, end);
    // "Elle fermait à demi les yeux," ends its clause: a full stop, not the comma that led on to the next.
    const ended = found.wholeClause ? rest.replace(/\s*[,;]$/u, ".") : rest;
    const sentence = capitalizeFirst(withSubject(found.subject, ended));
    return countWords(sentence) > maxWords ? undefined : { sentence, dropLink: found.dropLink, subjectIndex: found.subjectIndex, subject: found.subject };
  });
  // Each whole phrase presented, from the last piece back: a phrase joined by "et" to the next is
  // presented only if the next is ("C'étaient ses pénitentes riches. ‖ C'étaient les saintes femmes…").
  const presentations: ({ sentence: string; dropLink: boolean } | undefined)[] = [];
  for (let position = pieces.length - 1; position >= 0; position -= 1) {
    const place = placed[position];
    if (!place) continue;
    const { end, inside } = place;
    const first = inside[0]!.index;
    const last = inside.at(-1)!.index;
    // "et les murailles de la maison ‖ Elles semblaient garder son ombre": the subject of the predicate
    // after it, given that subject again, is presented with its "et" gone.
    const next = predicates[position + 1];
    const predicateFollows = next !== undefined && next.subjectIndex >= first && next.subjectIndex <= last;
    // "C'était le pli de sa jupe relevée. ‖ laissait voir sa cuisse…": nor a subject whose predicate could not take it again.
    const following = placed[position + 1];
    const parted = next === undefined && following ? cutPredicateSubject(tree, following.inside[0]!.index, following.inside.at(-1)!.index) : undefined;
    if (parted && parted.subjectIndex >= first && parted.subjectIndex <= last) continue;
    // "C'était au milieu du mur. ‖ Dont la peinture verte s'écaillait": a full stop would part the noun from its relative clause.
    if (opensOnRelative.test(pieces[position + 1] ?? "")) continue;
    const presented =
      presentedPhrase(tree, first, last, { predicateFollows, nextPresented: presentations[position + 1] !== undefined }) ?? presentedSubordinate(tree, first, last) ??
      describedNoun(tree, first, last);
    if (!presented) continue;
    const phrase = normalized.slice(inside.find((span) => span.index >= presented.start)!.start, end).replace(/\s*[,;:]$/u, "");
    const ended = sentenceEnd.test(phrase) ? phrase : `${phrase}.`;
    const sentence = capitalizeFirst(`${presented.opening} ${lowerFirst(tree, presented.start, ended)}`);
    if (countWords(sentence) <= maxWords) presentations[position] = { sentence, dropLink: presented.dropLink };
  }
  let dropped = 0;
  const written = pieces.map((piece, position) => {
    const rewritten = presentations[position] ?? predicates[position];
    if (!rewritten) return piece;
    if (rewritten.dropLink) dropped += 1;
    return rewritten.sentence;
  });
  // "Emma, de temps à autre, ‖ Emma se rafraîchissait les joues": a subject that the predicate after it
  // says again, with nothing but an aside after it, is said once: "De temps à autre, ‖ Emma se…".
  written.forEach((_, position) => {
    const predicate = presentations[position] ? undefined : predicates[position];
    const before = written[position - 1];
    if (!predicate || before === undefined || !before.startsWith(`${predicate.subject},`) || !before.endsWith(",")) return;
    const aside = before.slice(predicate.subject.length + 1).trim();
    if (aside !== "" && !opensOnRelative.test(aside)) written[position - 1] = capitalizeFirst(aside);
  });
  // "Cette salle, spacieuse et éclairée d'une seule lampe, ‖ Elle était une ancienne antichambre de
  // l'évêché": a noun phrase that the pronoun stands for, with nothing but an aside after it, is said in
  // the pronoun's place, the aside first: "Spacieuse et éclairée d'une seule lampe, ‖ cette salle était…".
  written.forEach((_, position) => {
    const predicate = presentations[position] ? undefined : predicates[position];
    const place = placed[position - 1];
    const before = pieces[position - 1];
    if (!predicate || !place || before === undefined || written[position - 1] !== before || !/^(il|elle|ils|elles)$/u.test(predicate.subject)) return;
    const comma = before.indexOf(", ");
    const aside = before.slice(comma + 2).trim();
    // An aside of its own ("L'Envie, elle," says the subject twice), which may come first.
    if (comma <= 0 || !aside.endsWith(",") || countWords(aside) < 2 || opensOnRelative.test(aside)) return;
    const phrase = place.inside.filter((span) => span.end <= place.start + comma);
    const subject = new Set(subtree(tree, predicate.subjectIndex));
    if (phrase.length === 0 || !phrase.some((span) => span.index === predicate.subjectIndex) || phrase.some((span) => !subject.has(span.index))) return;
    // Only a phrase that opens its sentence (not a line of dialogue, "-- Son billard"); not a list the pronoun
    // stood for whole ("Dahlia, Zéphine, et surtout Favourite"), nor a time the parse took for the subject
    // ("La veille, Favourite, …").
    const head = tree.words[predicate.subjectIndex]!;
    if (!/^\p{Lu}/u.test(before) || childrenWith(tree, head.index, /^conj$/u).length > 0 || timeNouns.test(head.lemma)) return;
    const rest = written[position]!.slice(predicate.subject.length).trimStart();
    const sentence = capitalizeFirst(`${lowerFirst(tree, phrase[0]!.index, before.slice(0, comma))} ${rest}`);
    if (countWords(sentence) > maxWords) return;
    written[position - 1] = capitalizeFirst(aside);
    written[position] = sentence;
  });
  // "Nastasie descendit les marches en grelottant, ‖ Nastasie alla ouvrir…": the clause before a piece made a sentence ends.
  written.forEach((_, position) => {
    if (position > 0 && (presentations[position] ?? predicates[position])) written[position - 1] = closedClause(written[position - 1]!);
  });
  // "Et, ‖ sans avoir eu le temps…": an "et" the cut left alone goes, as the one before a predicate given its subject does.
  const kept = written.filter((piece, position) => position === written.length - 1 || !loneAnd.test(piece));
  // (The "Et" that opened the sentence gone, the piece after it opens the sentence: "Sans avoir eu le temps…".)
  if (kept.length > 0 && kept[0] !== written[0] && /^[^\p{L}]*\p{Lu}/u.test(written[0]!)) kept[0] = capitalizeFirst(kept[0]!);
  return { pieces: kept, dropped: dropped + written.length - kept.length };
}
