// The words a piece may lose to fit the word limit, and only then: a
// connective ("donc", "cependant") or a writer's aside ("il est vrai",
// "comme nous l'avons dit") ties a sentence to its neighbours, and in a row
// of short sentences read in order the tie is still there.
//   Charles avait, de plus, un carton entre les jambes. (9 words)
//   → Charles avait un carton entre les jambes.
import { capitalizeFirst } from "@/lib/text/capitalize-first";
import { countWords } from "@/lib/text/count-words";

// Phrases that say something else where no comma sets them off ("de plus suaves
// paresses", "du reste de la maison", "au contraire de lui"): only as asides.
const asides = ["comme nous l'avons dit", "comme on l'a vu", "il est vrai", "en effet", "de plus", "du reste", "au contraire", "en revanche"];
// One word, a connective wherever it stands ("il avait donc pris").
const words = ["d'ailleurs", "cependant", "pourtant", "toutefois", "néanmoins", "donc"];
const connectives = [...asides, ...words];

const letter = "\\p{L}";

function occurrence(text: string, connective: string): RegExpExecArray | null {
  const spelled = connective.replace(/'/gu, "['’]").replace(/ /gu, "\\s+");
  // Set off by commas (", il est vrai,"), opening the piece ("Cependant, "), or inside it ("avait donc pris").
  const match = new RegExp(`(,\\s*)?(?<!${letter})${spelled}(?!${letter})(\\s*,)?`, "iu").exec(text);
  if (!match || !asides.includes(connective)) return match;
  const opensPiece = /^[^\p{L}]*$/u.test(text.slice(0, match.index));
  return (match[1] || opensPiece) && match[2] ? match : null;
}

/** The text without the first occurrence of `connective` and its commas. */
export function withoutConnective(text: string, connective: string): string {
  const match = occurrence(text, connective);
  if (!match) return text;
  const [whole, commaBefore, commaAfter] = match;
  const before = text.slice(0, match.index).trimEnd();
  const after = text.slice(match.index + whole.length).trimStart();
  // Its commas go with it ("Héloïse, il est vrai, possédait"), but a lone one parted two phrases
  // ("…, donc il" → "…, il"; "Aujourd'hui cependant, vu" → "Aujourd'hui, vu"), unless after a conjunction.
  const lone = (commaBefore && !commaAfter) || (!commaBefore && commaAfter && !/(^|\s)(et|mais|ou|car|puis)$/iu.test(before));
  const joint = lone && before !== "" && !/^[.,;:!?…]/u.test(after) ? "," : "";
  // Before a mark, the book's own spacing ("donc!" → "!", "donc ?" → " ?").
  const spaced = /^\s/u.test(text.slice(match.index + whole.length)) || !/^[.,;:!?…)»”]/u.test(after);
  const space = before === "" || after === "" || !spaced ? "" : " ";
  const result = before + joint + space + after;
  // A piece that opened with the connective opens with its next word, capitalised.
  const opened = before === "" || /[-—–«“]$/u.test(before);
  return opened ? capitalizeFirst(result) : result;
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
