// The words a piece may lose to fit the word limit, and only then: a
// connective ("donc", "cependant") or a writer's aside ("il est vrai",
// "comme nous l'avons dit") ties a sentence to its neighbours, and in a row
// of short sentences read in order the tie is still there.
//   Charles avait, de plus, un carton entre les jambes. (9 words)
//   → Charles avait un carton entre les jambes.
import { lookUpWord } from "@/lib/french/lexicon";
import { capitalizeFirst } from "@/lib/text/capitalize-first";
import { countWords } from "@/lib/text/count-words";

// Phrases that say something else where no comma sets them off ("de plus suaves
// paresses", "du reste de la maison", "au contraire de lui"): only as asides.
const asides = ["comme nous l'avons dit", "comme on l'a vu", "il est vrai", "de plus", "du reste", "au contraire", "en revanche"];
// A connective wherever it stands ("il avait donc pris", "N'est-ce pas là en effet bien entendre").
const words = ["d'ailleurs", "cependant", "pourtant", "toutefois", "néanmoins", "donc", "en effet", "tout de même"];
// Words that tie a sentence to the one before only where they open it ("Aussi j'avais dit…",
// "Mais il ne répondit pas"); elsewhere they say something else ("il était aussi grand").
const openers = ["et puis", "et", "mais", "puis", "aussi", "alors", "enfin", "or"];
const connectives = [...asides, ...words, ...openers];

const letter = "\\p{L}";

/** Where `connective` stands in `text`; `anywhere` finds an opener inside a sentence the pieces were cut from. */
function occurrence(text: string, connective: string, anywhere = false): RegExpExecArray | null {
  const spelled = connective.replace(/'/gu, "['’]").replace(/ /gu, "\\s+");
  // Set off by commas (", il est vrai,"), opening the piece ("Cependant, "), or inside it ("avait donc pris").
  const match = new RegExp(`(,\\s*)?(?<!${letter})${spelled}(?!${letter})(\\s*,)?`, "iu").exec(text);
  if (!match) return null;
  // "tout de même que…" compares; the connective stands alone.
  if (connective === "tout de même" && /^\s*qu/iu.test(text.slice(match.index + match[0].length))) return null;
  const opensPiece = /^[^\p{L}]*$/u.test(text.slice(0, match.index));
  if (openers.includes(connective) && !anywhere) {
    // Not a conjunction it begins ("Alors que…", "Et puis…" keeps its puis) nor a piece it ends.
    const rest = text.slice(match.index + match[0].length);
    // Nor one a speech tag follows ("--Mais, reprit la douairière, vous…", "Mais, dit-il,"): the tag would
    // open the line. (A participle, or "voyez-vous", may.)
    const [, next = "", inverted = ""] = /^\s*(\p{L}+)(-\p{L}+)?/u.exec(rest) ?? [];
    const tag = match[2] !== undefined && (lookUpWord(next)?.classes.has("verb") ?? false) && !/^\p{Lu}/u.test(next) &&
      !/ant$/u.test(next) && !/^-(vous|tu|nous)$/u.test(inverted);
    return opensPiece && !match[1] && !tag && /^\s*\p{L}/u.test(rest) && !/^\s*(que|qu['’]|puis)\b/iu.test(rest) ? match : null;
  }
  if (!asides.includes(connective) || anywhere) return match;
  return (match[1] || opensPiece) && match[2] ? match : null;
}

/**
 * The text without the first occurrence of `connective` and its commas;
 * `anywhere`, also where it does not open the text (the whole sentence, when
 * a piece of it lost its opening "mais").
 */
export function withoutConnective(text: string, connective: string, anywhere = false): string {
  const match = occurrence(text, connective, anywhere);
  if (!match) return text;
  const [whole, commaBefore, commaAfter] = match;
  const before = text.slice(0, match.index).trimEnd();
  const after = text.slice(match.index + whole.length).trimStart();
  // Its commas go with it ("Héloïse, il est vrai, possédait"), but a lone one parted two phrases
  // ("…, donc il" → "…, il"; "Aujourd'hui cependant, vu" → "Aujourd'hui, vu"), unless after a conjunction.
  const lone = (commaBefore && !commaAfter) || (!commaBefore && commaAfter && !/(^|\s)(et|mais|ou|car|puis)$/iu.test(before));
  const joint = lone && /\p{L}/u.test(before) && !/^[.,;:!?…]/u.test(after) ? "," : "";
  // Before a mark, the book's own spacing ("donc!" → "!", "donc ?" → " ?").
  const spaced = /^\s/u.test(text.slice(match.index + whole.length)) || !/^[.,;:!?…)»”]/u.test(after);
  const space = before === "" || after === "" || !spaced ? "" : " ";
  // A piece that opened with the connective opens with its next word, capitalised, where it stood ("--Et moi" → "--Moi").
  const opened = before === "" || /[-—–«“]$/u.test(before);
  return opened ? text.slice(0, match.index) + capitalizeFirst(after) : before + joint + space + after;
}

/**
 * The piece without connectives, taken out one at a time until it fits
 * `maxWords`; undefined when it cannot be made to fit that way. `dropped`
 * lists the connectives taken out, in order.
 */
export function dropConnectives(piece: string, maxWords: number): { text: string; dropped: string[] } | undefined {
  let text = piece;
  const dropped: string[] = [];
  while (countWords(text) > maxWords) {
    const connective = connectives.find((candidate) => occurrence(text, candidate));
    if (!connective) return undefined;
    text = withoutConnective(text, connective);
    dropped.push(connective);
  }
  return { text, dropped };
}

/** The words of dropped connectives, one per occurrence, as the closed-list check counts them. */
export function connectiveWords(dropped: readonly string[]): string[] {
  return dropped.flatMap((connective) => connective.toLowerCase().split(/\s+|(?<=['’])/u));
}
