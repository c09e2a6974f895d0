// The last-resort cut parts a clause where it must, and often leaves its
// predicate at the head of a piece with the subject in the piece before:
// "Le nouveau, qui était resté dans l'angle, ‖ se leva comme surpris." That
// piece becomes a sentence once the subject is said again, as the
// coordination rule says it: "Il se leva comme surpris." The other pieces
// stay as they were cut.
import { withSubject } from "@/lib/rewriting/agreement";
import { cutPredicateSubject } from "@/lib/rewriting/rewrite-sentence";
import { wordSpans, type SentenceTree } from "@/lib/rewriting/sentence-tree";
import { capitalizeFirst } from "@/lib/text/capitalize-first";
import { countWords } from "@/lib/text/count-words";
import { normalizeSpaces } from "@/lib/text/normalize-spaces";

// What may stand before the verb group at a piece's head: a comma, the "et" that goes.
const droppableOpening = /^[\s,]*(et[\s,]*)?$/iu;

/**
 * The cut `pieces` of `text` (as splitLongSentence returns them), each
 * predicate whose subject the cut left behind given it again where the
 * piece still fits `maxWords`; and how many "et" went with that.
 */
export function givePredicatesSubjects(
  text: string,
  pieces: readonly string[],
  tree: SentenceTree,
  maxWords: number,
): { pieces: string[]; dropped: number } {
  const normalized = normalizeSpaces(text);
  const spans = wordSpans(normalized, tree);
  if (!spans) return { pieces: [...pieces], dropped: 0 };
  let dropped = 0;
  let offset = 0;
  const written = pieces.map((piece, position) => {
    const start = normalized.indexOf(piece, offset);
    if (start < 0) return piece;
    const end = start + piece.length;
    offset = end;
    if (position === 0) return piece;
    const inside = spans.filter((span) => span.start >= start && span.end <= end);
    if (inside.length === 0) return piece;
    const found = cutPredicateSubject(tree, inside[0]!.index, inside.at(-1)!.index);
    if (!found) return piece;
    const verbGroup = found.dropLink ? inside[1] : inside[0];
    if (!verbGroup || !droppableOpening.test(normalized.slice(start, verbGroup.start))) return piece;
    const rest = normalized.slice(verbGroup.start, end);
    // "Elle fermait à demi les yeux," ends its clause: a full stop, not the comma that led on to the next.
    const ended = found.wholeClause ? rest.replace(/\s*[,;]$/u, ".") : rest;
    const sentence = capitalizeFirst(withSubject(found.subject, ended));
    if (countWords(sentence) > maxWords) return piece;
    if (found.dropLink) dropped += 1;
    return sentence;
  });
  return { pieces: written, dropped };
}
