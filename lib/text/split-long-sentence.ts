// Splits one sentence into consecutive pieces of at most `maxWords` words,
// without ever dropping, adding or reordering a word: the pieces are slices of
// the sentence, so their words joined are the sentence's words.
//
// Each word carries its punctuation (« and — go with the word after, » ? , ;
// with the word before), so a piece never starts with a stray closing mark.
// The cut points are chosen together (dynamic programming) so that:
// - natural breaks win: after ; : (or ?/! inside the sentence), then after a
//   comma, then before a conjunction or relative word (et, mais, qui, que…);
// - a cut between two arbitrary words happens only when the count needs it;
// - pieces stay balanced, and one- or two-word scraps are avoided.

import { countWords, isWord } from "@/lib/text/count-words";
import { normalizeSpaces } from "@/lib/text/normalize-spaces";

interface Unit {
  start: number;
  end: number;
}

const openingMarks = new Set(["«", "“", "‘", "(", "[", "{", "‹", "„", "—", "–", "-", "¿", "¡"]);
const closingMarks = new Set(["»", "”", "’", '"', "'", ")", "]", "}", "›", "_", "*"]);

const coordinating = new Set(["et", "mais", "ou", "donc", "or", "ni", "car", "puis"]);
// prettier-ignore
const subordinating = new Set([
  "qui", "que", "qu'", "lorsque", "lorsqu'", "quand", "puisque", "puisqu'", "parce", "comme",
  "si", "où", "dont", "tandis", "quoique", "quoiqu'", "afin", "alors", "ensuite", "cependant",
  "pourtant", "pendant", "depuis", "tant", "sans", "avant", "après",
]);

// Costs, in arbitrary units. A piece costs `pieceCost`, so an extra piece is
// worth taking only to land on a better break.
const pieceCost = 3;
const breakCost = {
  clause: 0,
  inner: 0.5,
  comma: 1,
  quote: 1.5,
  coordinating: 2,
  subordinating: 2.5,
  none: 6,
};

function buildUnits(sentence: string): Unit[] {
  const units: Unit[] = [];
  let pendingStart: number | undefined;
  const tokens = [...sentence.matchAll(/\S+/gu)];
  const lastWord = tokens.findLastIndex((match) => isWord(match[0]));
  tokens.forEach((match, index) => {
    const start = match.index;
    const end = start + match[0].length;
    if (isWord(match[0])) {
      units.push({ start: pendingStart ?? start, end });
      pendingStart = undefined;
      return;
    }
    const hasWordAfter = index < lastWord;
    const opens = openingMarks.has(match[0][0]!);
    const previous = units[units.length - 1];
    if ((opens && hasWordAfter) || !previous) {
      pendingStart ??= start;
    } else {
      previous.end = end;
    }
  });
  return units;
}

function stripClosing(text: string): string {
  let end = text.length;
  while (end > 0 && closingMarks.has(text[end - 1]!)) end--;
  return text.slice(0, end);
}

const leadingWordPattern = /^[«“‘(\[{‹„—–¿¡-]*(\p{L}+['’]?)/u;

/** The first word of a unit, lowercased, elision kept: "Qu'il" → "qu'". */
function leadingWord(text: string): string {
  const word = leadingWordPattern.exec(text)?.[1];
  return word === undefined ? "" : word.toLowerCase().replace("’", "'");
}

/** The cost of cutting between `before` and `after` (unit texts). */
function cutCost(before: string, after: string): number {
  const bare = stripClosing(before);
  const last = bare[bare.length - 1] ?? "";
  let cost = breakCost.none;
  if (last === ";" || last === ":") cost = breakCost.clause;
  else if (".!?…".includes(last)) cost = breakCost.inner;
  else if (last === ",") cost = breakCost.comma;
  else if (bare.length < before.length) cost = breakCost.quote; // After a closing » or ).
  const opensQuote = /^[«“—–-]/u.test(after);
  if (opensQuote) cost = Math.min(cost, breakCost.quote);
  const word = leadingWord(after);
  if (coordinating.has(word)) cost = Math.min(cost, breakCost.coordinating);
  else if (subordinating.has(word)) cost = Math.min(cost, breakCost.subordinating);
  return cost;
}

export function splitLongSentence(sentence: string, maxWords: number): string[] {
  if (!Number.isInteger(maxWords) || maxWords < 1) {
    throw new RangeError(`maxWords must be a positive integer, got ${maxWords}`);
  }
  const text = normalizeSpaces(sentence);
  if (text === "") return [];
  if (countWords(text) <= maxWords) return [text];
  const units = buildUnits(text);

  const count = units.length;
  const target = count / Math.ceil(count / maxWords);
  const comfortable = Math.max(1, Math.round(maxWords * 0.34));
  const costOfPiece = Array.from(
    { length: maxWords + 1 },
    (_, words) =>
      pieceCost +
      2 * ((words - target) / target) ** 2 +
      (words < comfortable ? 2 * (comfortable - words) : 0),
  );
  const cuts = units.map((unit, index) =>
    index + 1 < count
      ? cutCost(
          text.slice(unit.start, unit.end),
          text.slice(units[index + 1]!.start, units[index + 1]!.end),
        )
      : 0,
  );

  // best[j]: the cheapest way to cut the first j units; from[j]: where its last piece starts.
  const best = new Float64Array(count + 1).fill(Number.POSITIVE_INFINITY);
  const from = new Int32Array(count + 1);
  best[0] = 0;
  for (let end = 1; end <= count; end++) {
    for (let start = Math.max(0, end - maxWords); start < end; start++) {
      if (best[start] === Number.POSITIVE_INFINITY) continue;
      const cost = best[start]! + costOfPiece[end - start]! + (start > 0 ? cuts[start - 1]! : 0);
      if (cost < best[end]!) {
        best[end] = cost;
        from[end] = start;
      }
    }
  }

  const pieces: string[] = [];
  for (let end = count; end > 0; end = from[end]!) {
    const start = from[end]!;
    pieces.push(text.slice(units[start]!.start, units[end - 1]!.end));
  }
  return pieces.reverse();
}
