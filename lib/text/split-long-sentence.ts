// Splits one sentence into consecutive pieces of at most `maxWords` words,
// without ever dropping, adding or reordering a word: the pieces are slices of
// the sentence, so their words joined are the sentence's words.
//
// Each word carries its punctuation (« and — go with the word after, » ? , ;
// with the word before), so a piece never starts with a stray closing mark.
// The cut points are chosen together (dynamic programming) so that:
// - a cut falls between constituents, never inside one: a piece does not end
//   on a determiner, preposition, clitic, "ne", a conjunction or an
//   auxiliary before its participle (word classes from the Lefff, see
//   lib/french/lexicon.ts), and does not separate a title from its name
//   ("M. Walter"), a run of capitalised words ("La Vie Française"), a name
//   from its numeral ("Louis XVI") or a number from its unit;
// - a locution is one unit ("peu à peu", "tout à coup", "à cause de", see
//   lib/french/locutions.ts): no cut inside it, none right after one that
//   opens a constituent ("à cause de ‖", "parce que ‖"), and a cut before a
//   prepositional or conjunctional one is the break its first word would be
//   if it were the preposition or conjunction alone;
// - natural breaks win: after ; : (or ?/! inside the sentence), then after a
//   comma, then before a conjunction or relative word (et, mais, qui, que…),
//   then before a preposition that opens a complement (a "de" after a
//   noun less so: it usually opens that noun's own complement);
// - between two content words, the cut that leaves both sides a phrase
//   (subject | verb, verb | adverb) beats one inside a noun phrase;
// - pieces stay balanced, and one- or two-word scraps are avoided.
// A forbidden cut is only very expensive, not impossible, so a run of nine
// function words still fits in pieces of eight.

import { functionClasses, lookUpWord, tagWords, type WordClass } from "@/lib/french/lexicon";
import { findLocutions, functionLocutionKinds, type LocutionKind } from "@/lib/french/locutions";
import { countWords, isWord } from "@/lib/text/count-words";
import { normalizeSpaces } from "@/lib/text/normalize-spaces";

export interface Unit {
  start: number;
  end: number;
}

/**
 * What a parse of the sentence says about each gap between its units
 * (units[k] and units[k + 1], character ranges of the sentence's text): the
 * cost of the phrase a cut there would break, or undefined where the parse
 * has no say (see lib/rewriting/parse-cut-costs.ts).
 */
export type ParseCutCosts = (text: string, units: readonly Unit[]) => (number | undefined)[];

/**
 * How many words the cut's pieces will say before a piece that starts at
 * each unit: a predicate parted from its subject is given it again ("Il se
 * leva comme surpris"), which it can only be where the piece leaves room
 * (see lib/rewriting/cut-pieces-as-sentences.ts).
 */
export type PieceAdditions = (text: string, units: readonly Unit[]) => number[];

const openingMarks = new Set(["«", "“", "‘", "(", "[", "{", "‹", "„", "—", "–", "-", "¿", "¡"]);
const closingMarks = new Set(["»", "”", "’", '"', "'", ")", "]", "}", "›", "_", "*"]);

const coordinating = new Set(["et", "mais", "ou", "donc", "or", "ni", "car", "puis"]);
// prettier-ignore
const subordinating = new Set([
  "qui", "que", "qu'", "lorsque", "lorsqu'", "quand", "puisque", "puisqu'", "parce", "comme",
  "si", "où", "dont", "tandis", "quoique", "quoiqu'", "afin", "alors", "ensuite", "cependant",
  "pourtant", "pendant", "depuis", "tant", "sans", "avant", "après",
  // An indirect question: "il fallait connaître d'abord ‖ quelle espèce de pied-bot il avait".
  "quel", "quelle", "quels", "quelles", "comment", "pourquoi", "combien",
]);

// Words that open a clause, which an aside may follow before the clause goes on.
const waitingForClause = new Set(["et", "mais", "ou", "ni", "car", "or", "qui", "que", "qu'", "dont", "où", "quand", "lorsque", "lorsqu'", "puisque", "puisqu'", "comme", "quoique", "quoiqu'"]);

// Costs, in arbitrary units. A piece costs `pieceCost`, so an extra piece is
// worth taking only to land on a better break.
const pieceCost = 2;
// A piece that runs on past a ; or : it could have ended on ("une guillotine;
// mais si l'on en rencontre une,") joins the end of one clause to the start
// of the next: an extra piece is worth it.
const innerClauseCost = 4;
// A piece that starts (or ends) on a cut inside a phrase and reaches a comma
// within its first (or last) `strandedWords` words holds a scrap of the
// neighbouring clause: "et les sermons, ‖ si bien prêché le respect" reads
// as one clause but is the end of one and the start of another.
const strandedCost = 4;
const strandedWords = 3;
// A predicate's piece too long to take its subject again stays a verb without one.
const headlessCost = 3.5;
export const breakCost = {
  clause: 0,
  inner: 0.5,
  comma: 1,
  quote: 1.5,
  coordinating: 2,
  subordinating: 2.5,
  preposition: 3,
  beforeVerb: 4,
  beforeAdverb: 4.5,
  afterNoun: 5,
  // A noun and the de-phrase that completes it ("les noms ‖ de baptême",
  // "l'exécution ‖ du condamné"): dearer than a cut after a noun elsewhere.
  nounComplement: 6,
  none: 6,
  // A finite verb left without the object, attribute or adverb that follows
  // it ("et la rendait ‖ peut-être plus cruelle", "ne fût pas ‖ pour quelque
  // chose"): the piece reads as a clause that stops in the middle, worse
  // than a cut before the verb or after its complement.
  verbComplement: 6.5,
  insideNounPhrase: 7,
  // A short subject cut from its verb ("quand Swann ‖ leur avait donné"):
  // the first piece is a name alone, the second a verb without its subject.
  subjectVerb: 7,
  openNegation: 30,
  forbidden: 60,
  // Above any other forbidden cut (plus its punctuation): when a run of
  // function words leaves no good cut, a locution still stays whole.
  insideLocution: 75,
};

// prettier-ignore
const degreeWords = new Set(["plus", "moins", "très", "trop", "aussi", "assez", "si", "fort", "tout", "bien"]);
const subjectPronouns = new Set(["je", "j'", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles"]);
const abbreviatedTitles = new Set(["m.", "mm.", "mme", "mmes", "mlle", "mlles", "mgr", "dr"]);
/** Words that go before a name as its title ("madame Homais", "M. Lheureux", "le père Rouault"), lower case. */
export const personTitles: ReadonlySet<string> = new Set([...abbreviatedTitles, "me", "monsieur", "madame", "mademoiselle", "messieurs", "mesdames", "saint", "sainte", "maître", "monseigneur", "docteur", "abbé", "père"]);
// prettier-ignore
const numberWords = new Set(["deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "vingt", "trente", "quarante", "cinquante", "soixante", "cent", "cents", "mille"]);
const romanNumeral = /^(?=[MDCLXVI])M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})[.,;:!?]?$/u;
const contentClasses: ReadonlySet<WordClass> = new Set(["noun", "proper", "adj", "pron", "num"]);

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

function bareWord(text: string): string {
  return text
    .toLowerCase()
    .replace(/’/gu, "'")
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}'.]+$/gu, "");
}

function isCapitalized(text: string): boolean {
  return /^[^\p{L}\p{N}]*\p{Lu}/u.test(text);
}

function endsWithPunctuation(text: string): boolean {
  return /[,;:.!?…)»”\]—–-]$/u.test(text);
}

/** An auxiliary, even behind "n'": "n'avaient", "n'eût". */
function isAuxiliary(text: string, tag: WordClass): boolean {
  if (tag === "aux") return true;
  const word = bareWord(text);
  const rest = word.slice(word.lastIndexOf("'") + 1);
  return rest !== word && (lookUpWord(rest)?.classes.has("aux") ?? false);
}

function isInfinitive(text: string): boolean {
  const word = bareWord(text);
  return /(er|ir|re)$/u.test(word) && (lookUpWord(word)?.classes.has("verb") ?? false);
}

// What may stand between an infinitive and the word that opens it: a negation, clitics;
// after "pour", an adverb too ("pour mieux voir").
const beforeInfinitive = /^(ne|n'|pas|plus|jamais|rien|se|s'|me|m'|te|t'|le|la|les|l'|lui|leur|y|en|nous|vous)$/u;
const adverbBeforeInfinitive = /^(mieux|bien)$/u;

/** An infinitive within the three units from `from`, past a negation or clitics (and an adverb, with `adverbs`). */
function infinitiveAhead(texts: string[], from: number, adverbs = false): boolean {
  for (let k = from; k < Math.min(texts.length, from + 3); k++) {
    const text = texts[k]!;
    if (isInfinitive(text.replace(/^\p{L}+['’]/u, ""))) return true;
    const word = bareWord(text);
    if (!beforeInfinitive.test(word) && !(adverbs && adverbBeforeInfinitive.test(word))) return false;
  }
  return false;
}

/** Unit `index` is "de", "à" or "d'…" opening an infinitive, past a "ne pas" or clitics. */
function opensInfinitive(texts: string[], index: number): boolean {
  const word = bareWord(texts[index]!);
  if (word.startsWith("d'")) return isInfinitive(word.slice(2));
  return (word === "de" || word === "à") && infinitiveAhead(texts, index + 1);
}

/** "pour" or "afin de" and an infinitive, its clitics, negation or adverb between: "pour l'aller voir", "pour mieux voir". */
function opensPurpose(texts: string[], index: number): boolean {
  const word = bareWord(texts[index]!);
  if (word === "afin") return opensInfinitive(texts, index + 1);
  return word === "pour" && infinitiveAhead(texts, index + 1, true);
}

// prettier-ignore
export const negationEnds: ReadonlySet<string> = new Set(["pas", "point", "jamais", "plus", "guère", "rien"]);
const elidedClitic = /^(n|s|m|t|l|j)'\p{L}/u;

/**
 * Whether unit `index` ends a finite verb that still expects what follows:
 * a verb after a clitic or "ne" ("la rendait", "lui montra", "Il faut"),
 * elided or not ("s'arrêta"), with its closing negation ("ne fût pas").
 * Returns "wants-object" when a dative clitic alone precedes it ("lui
 * montra"), whose direct object is still to come, even past an adjunct.
 */
function markedVerb(texts: string[], tags: WordClass[], index: number): "verb" | "wants-object" | undefined {
  let verb = index;
  if (negationEnds.has(bareWord(texts[index]!)) && (tags[index] === "adv" || tags[index] === "neg")) verb--;
  if (verb < 0 || tags[verb] !== "verb") return undefined;
  const word = bareWord(texts[verb]!);
  if (verb < index && !(tags[verb - 1] === "neg" || word.startsWith("n'"))) return undefined;
  const before = verb > 0 ? bareWord(texts[verb - 1]!) : "";
  const marked = elidedClitic.test(word) || tags[verb - 1] === "clitic" || tags[verb - 1] === "neg";
  if (!marked) return undefined;
  return (before === "lui" || before === "leur") && verb === index ? "wants-object" : "verb";
}

/** Whether être or avoir stands as the main verb at unit `index`, or before its closing negation. */
function isMainAuxiliary(texts: string[], tags: WordClass[], index: number): boolean {
  const verb = negationEnds.has(bareWord(texts[index]!)) ? index - 1 : index;
  if (verb < 0 || tags[verb] !== "verb") return false;
  const word = bareWord(texts[verb]!).replace(/^n'/u, "");
  return word !== "être" && word !== "avoir" && (lookUpWord(word)?.classes.has("aux") ?? false);
}

/** Whether the subject ending at unit `index` is short: a name or an article and its noun, right after a clause opens. */
function endsShortSubject(texts: string[], tags: WordClass[], index: number): boolean {
  const tag = tags[index]!;
  let start = index;
  if (tag === "noun" && tags[index - 1] === "det") start--;
  else if (tag !== "proper") return false;
  if (start === 0) return true;
  const previous = texts[start - 1]!;
  return endsWithPunctuation(previous) || /^[«“—–-]/u.test(texts[start]!) || tags[start - 1] === "sub" || tags[start - 1] === "coord";
}

/**
 * The extra cost of a cut between units `index` and `index + 1` for the
 * constituents it would break, or for the content words it falls between.
 */
function constituentCost(texts: string[], tags: WordClass[], index: number): number {
  const before = texts[index]!;
  const after = texts[index + 1]!;
  const tag = tags[index]!;
  const next = tags[index + 1]!;
  const word = bareWord(before);
  // A title before its name: "M. ‖ Walter", "Mme ‖ de Marelle"; an
  // abbreviated one never ends a piece ("sonder M. ‖ l'évêque de Digne").
  const particle = /^(de|du|d'\p{Lu})/u.test(after.replace(/’/gu, "'"));
  if (personTitles.has(word) && (isCapitalized(after) || particle)) return breakCost.forbidden;
  if (abbreviatedTitles.has(word)) return breakCost.forbidden;
  // "ô ‖ mon petit ange": the "ô" of address goes with whom it calls.
  if (word === "ô") return breakCost.forbidden;
  // "Qui est-ce ‖ qui vous dit", "est-ce ‖ qu'il n'y a personne": the question's "est-ce que" is one word.
  if (/est-ce$/u.test(word) && !endsWithPunctuation(before) && /^qu/u.test(leadingWord(after))) return breakCost.forbidden;
  // A subject pronoun before its verb group: "Car elle ‖ ne différait pas" (never a strong "elle" there).
  if (subjectPronouns.has(word) && !endsWithPunctuation(before) && (next === "verb" || next === "aux" || next === "clitic" || next === "neg")) {
    return breakCost.forbidden;
  }
  // "et, ‖ parmi les poules…", "qui, ‖ méprisant…": a conjunction or a relative pronoun before an aside waits for its clause.
  // (Not one that opens the text: "Mais, ‖ entre la fenêtre et la table à ouvrage,", whose lone "Et," goes.)
  if (index > 0 && /,$/u.test(stripClosing(before)) && waitingForClause.has(word)) return breakCost.forbidden;
  if (endsWithPunctuation(before)) return 0;
  // "La ‖ Vie Française", "Louis ‖ XVI", "Emma ‖ Bovary".
  if (isCapitalized(before) && (isCapitalized(after) || romanNumeral.test(after))) {
    return breakCost.forbidden;
  }
  // A number and its unit: "12 ‖ francs", "trois ‖ cents".
  // (Not before "qui": "que deux ou trois ‖ qui lui cachaient"; but "deux ‖ ou trois" is one number.)
  // Compounds too: "vingt-quatre", "soixante-dix", "vingt-et-un".
  const isNumber = (text: string | undefined) =>
    text !== undefined && (/^\d/u.test(bareWord(text)) || bareWord(text).split("-").every((part) => numberWords.has(part) || part === "et" || part === "un"));
  // After a number, "sous" is the coin ("vingt-quatre ‖ sous par jour"), not the preposition (but "en 1811 sous la présidence"),
  // and "pas" the step, not the negation ("à dix ou douze ‖ pas devant lui").
  const coin = (bareWord(after) === "sous" && !/^\d{4}$/u.test(bareWord(before))) || bareWord(after) === "pas";
  const unit = next === "noun" || next === "num" || next === "adj" || coin ||
    (/^(ou|et|à)$/u.test(bareWord(after)) && isNumber(texts[index + 2]));
  if (isNumber(before) && /^\p{Ll}/u.test(after) && unit) return breakCost.forbidden;
  if (functionClasses.has(tag)) return breakCost.forbidden;
  // A degree word and the adjective or adverb it grades are one phrase:
  // "son plus ‖ grand devoir", "un des plus ‖ fidèles habitués", "si ‖ beaux".
  const graded = next === "adj" || next === "adv" || (lookUpWord(after)?.classes.has("adj") ?? false);
  if (degreeWords.has(word) && graded) return breakCost.forbidden;
  // "n'était ‖ que…", "n'avait ‖ pas…": the negation is not closed yet.
  if (/^n'/u.test(word)) return breakCost.openNegation;
  // "à ne pas ‖ vouloir": before an infinitive, "ne pas" closes nothing yet.
  if (negationEnds.has(word) && tags[index - 1] === "neg") return breakCost.openNegation;
  // An auxiliary kept with its participle across an adverb: "n'avaient jamais ‖ tenu".
  if (lookUpWord(after)?.participle) {
    for (let k = index; k >= Math.max(0, index - 2); k--) {
      if (isAuxiliary(texts[k]!, tags[k]!)) return breakCost.forbidden;
      if (tags[k] !== "adv" && tags[k] !== "neg") break;
    }
  }
  // Être and avoir as main verbs need their attribute or object whatever
  // their subject: "son passage avait ‖ quelque chose de…".
  const mainAuxiliary = isMainAuxiliary(texts, tags, index);
  const verb = markedVerb(texts, tags, index) ?? (mainAuxiliary ? "verb" : undefined);
  const opensObject = ["det", "noun", "pron", "adj", "num", "adv", "proper"].includes(next);
  // "s'il fallait ‖ garder", "on ne peut ‖ aimer", "il dut ‖ de ne pas…".
  const infinitive = (next === "verb" && isInfinitive(after)) || (next === "prep" && opensInfinitive(texts, index + 1));
  if (verb && (opensObject || infinitive)) return breakCost.verbComplement;
  // Être or avoir with a prepositional attribute or object ("ne fût pas ‖
  // pour quelque chose"), and a verb after "lui"/"leur" whose direct object
  // comes after an adjunct ("lui montra ‖ dans le jardin la plate-bande").
  if (next === "prep" && (verb === "wants-object" || (verb && mainAuxiliary))) return breakCost.verbComplement;
  if (next === "prep") {
    // "pour l'aller voir", "afin de mieux voir": a purpose opens a clause of its own.
    if (opensPurpose(texts, index + 1)) return breakCost.subordinating;
    // After a noun, "de" mostly opens the noun's own complement ("le miracle
    // ‖ de saint Théophile", "un bourdon ‖ de cathédrale"), not the verb's.
    const ofNoun = (tag === "noun" || tag === "proper") && /^(de|d'|du|des)$/u.test(leadingWord(after));
    if (ofNoun) return breakCost.nounComplement;
    // A verb and its infinitive complement are one predicate: "nous venons ‖
    // de voir", "il commence ‖ à ne plus être" leave a verb without its sense.
    if (tag === "verb" && opensInfinitive(texts, index + 1)) return breakCost.none;
    // After avoir or être as a main verb, "de la", "du", "des" is the object
    // or attribute itself: "Mme Goupil a ‖ de la visite", "il était ‖ de bonne humeur".
    const avoirOrEtre =
      tag === "verb" && word !== "être" && word !== "avoir" && (lookUpWord(before)?.classes.has("aux") ?? false);
    if (avoirOrEtre && /^(de|d'|du|des)$/u.test(leadingWord(after))) return breakCost.none;
    return breakCost.preposition;
  }
  if ((next === "verb" || next === "aux" || next === "clitic") && contentClasses.has(tag)) {
    return endsShortSubject(texts, tags, index) ? breakCost.subjectVerb : breakCost.beforeVerb;
  }
  if (next === "adv") return breakCost.beforeAdverb;
  // A noun and its adjective, either way round, are one noun phrase: "sa
  // croix ‖ épiscopale", "de délicates ‖ sculptures".
  if ((tag === "noun" && next === "adj") || (tag === "adj" && next === "noun")) return breakCost.insideNounPhrase;
  if (tag === "noun" || tag === "proper" || tag === "verb") return breakCost.afterNoun;
  return breakCost.none;
}

const breakBeforeLocution: Partial<Record<LocutionKind, number>> = {
  preposition: breakCost.preposition,
  subordinator: breakCost.subordinating,
  coordinator: breakCost.coordinating,
};

/**
 * Per gap between units `index` and `index + 1`: the cost the sentence's
 * locutions set there, or undefined where none has a say.
 */
function locutionCosts(texts: string[]): (number | undefined)[] {
  const costs: (number | undefined)[] = new Array(texts.length).fill(undefined);
  for (const { locution, first, last, endsInsideToken } of findLocutions(texts)) {
    for (let gap = first; gap < last; gap++) costs[gap] = breakCost.insideLocution;
    const opensPhrase = functionLocutionKinds.has(locution.kind) && !endsInsideToken;
    if (opensPhrase && !endsWithPunctuation(texts[last]!)) {
      costs[last] = breakCost.forbidden;
    }
    const before = breakBeforeLocution[locution.kind];
    if (first > 0 && before !== undefined && costs[first - 1] === undefined) costs[first - 1] = before;
  }
  return costs;
}

/** The cost of cutting between `before` and `after` (unit texts), by punctuation and the next word. */
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

export function splitLongSentence(sentence: string, maxWords: number, parseCosts?: ParseCutCosts, additions?: PieceAdditions): string[] {
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
  const texts = units.map((unit) => text.slice(unit.start, unit.end));
  const tags = tagWords(texts);
  const locutions = locutionCosts(texts);
  const parsed = parseCosts?.(text, units) ?? [];
  const added = additions?.(text, units) ?? [];
  // "…, il répondit:" at the end is a clause of its own, not a scrap: no charge for its shortness
  // (a "dit-il:" inside the sentence stays with the line it introduces).
  const shortClause = (start: number, end: number) =>
    end - start === 2 && start > 0 && /[,;]$/u.test(stripClosing(texts[start - 1]!)) &&
    subjectPronouns.has(bareWord(texts[start]!)) && (tags[start + 1] === "verb" || tags[start + 1] === "aux") &&
    (end === count || /[;.!?]$/u.test(stripClosing(texts[end - 1]!)));
  const headless = (start: number, end: number) => (added[start] ?? 0) > 0 && end - start + added[start]! > maxWords;
  // innerClauses[k]: how many of the first k units end on a ; or :, to find a piece that runs past one.
  const innerClauses = new Int32Array(count + 1);
  texts.forEach((unit, index) => {
    innerClauses[index + 1] = innerClauses[index]! + (/[;:]$/u.test(stripClosing(unit)) ? 1 : 0);
  });
  // A ; or : with two words or more on each side inside the piece [start, end).
  const runsPastClause = (start: number, end: number) =>
    end - start >= 4 && innerClauses[end - 2]! - innerClauses[start + 1]! > 0;
  // breaks[k]: how many of the first k units end on a , ; or :.
  const breaks = new Int32Array(count + 1);
  texts.forEach((unit, index) => {
    breaks[index + 1] = breaks[index]! + (/[,;:]$/u.test(stripClosing(unit)) ? 1 : 0);
  });
  const breaksIn = (first: number, last: number) => first <= last && breaks[last + 1]! - breaks[first]! > 0;
  const cutInside = (index: number) => index >= 0 && index + 1 < count && !endsWithPunctuation(texts[index]!);
  // A scrap of the previous clause at the head of [start, end), or of the next one at its tail.
  const strandsScrap = (start: number, end: number) =>
    (cutInside(start - 1) && breaksIn(start, Math.min(start + strandedWords - 1, end - 2))) ||
    (cutInside(end - 1) && breaksIn(Math.max(start, end - 1 - strandedWords), end - 2));
  // restricting[k]: unit k follows a "ne" that no "pas", "jamais"… has closed yet, so a
  // "que" after it closes "ne … que" ("Il n'était resté à Jean Valjean ‖ qu'une soeur").
  const restricting: boolean[] = [];
  let openNe = false;
  texts.forEach((unit) => {
    const word = bareWord(unit);
    if (/^(ne|n'\p{L}+)$/u.test(word)) openNe = true;
    else if (negationEnds.has(word) || word === "personne" || word === "aucun" || word === "aucune") openNe = false;
    else if (openNe && /^qu/u.test(word)) openNe = false; // "ne … que" closes on its "que" ("qu'une soeur plus âgée").
    if (/[,;:.!?]$/u.test(stripClosing(unit))) openNe = false; // A cut after a mark is the writer's own.
    restricting.push(openNe);
  });
  const cuts = units.map((_, index) => {
    if (index + 1 >= count) return 0;
    const punctuation = cutCost(texts[index]!, texts[index + 1]!);
    const constituent = constituentCost(texts, tags, index);
    const locution = locutions[index];
    // A break the punctuation or a conjunction already marks stands, unless
    // it would strand a function word, split a name or break a locution.
    const worst = Math.max(constituent, locution ?? 0);
    if (worst >= breakCost.forbidden) return worst + punctuation;
    // "s'il faut ‖ qu'il désespère", "il ne fait ‖ que rire": after a finite
    // verb, "que" opens its object clause (or closes "ne … que"), not a new clause.
    const completive = /^qu/u.test(leadingWord(texts[index + 1]!)) && !endsWithPunctuation(texts[index]!);
    if (completive && markedVerb(texts, tags, index)) return breakCost.verbComplement;
    const cost = punctuation < breakCost.none ? punctuation : constituent;
    const withLocution = locution === undefined ? cost : Math.min(cost, locution);
    // The parse raises a cut to what it breaks; a list's comma or "et"
    // inside a noun phrase ("l'attente, ‖ la soif et la peur") is no longer
    // cheap. A cost below a plain cut's is the parse finding a phrase that
    // may stand apart where the word classes saw one noun phrase
    // ("des connaissances ‖ perdues de vue depuis longtemps"): it lowers it.
    const phrase = parsed[index];
    if (phrase === undefined) return withLocution;
    if (punctuation < breakCost.none) return withLocution + Math.min(phrase, breakCost.insideNounPhrase);
    return phrase < breakCost.none ? Math.min(withLocution, phrase) : Math.max(withLocution, phrase);
  });

  // A cut before the "que" of "ne … que" says the opposite; one between "ne" and the "pas" that closes
  // it ("Il n'y avait évidemment ‖ pas de conversion") leaves a negation half said: worse than a subject
  // cut from its verb, which the cut's pieces often mend (lib/rewriting/cut-pieces-as-sentences.ts).
  cuts.forEach((cost, index) => {
    const next = index + 1 < count ? leadingWord(texts[index + 1]!) : "";
    if (restricting[index] && (/^qu/u.test(next) || negationEnds.has(next))) cuts[index] = Math.max(cost, breakCost.openNegation);
  });

  // best[j]: the cheapest way to cut the first j units; from[j]: where its last piece starts.
  const best = new Float64Array(count + 1).fill(Number.POSITIVE_INFINITY);
  const from = new Int32Array(count + 1);
  best[0] = 0;
  for (let end = 1; end <= count; end++) {
    for (let start = Math.max(0, end - maxWords); start < end; start++) {
      if (best[start] === Number.POSITIVE_INFINITY) continue;
      const cost =
        best[start]! +
        (shortClause(start, end) ? costOfPiece[comfortable]! : costOfPiece[end - start]!) +
        (start > 0 ? cuts[start - 1]! : 0) +
        (runsPastClause(start, end) ? innerClauseCost : 0) +
        (strandsScrap(start, end) ? strandedCost : 0) +
        (headless(start, end) ? headlessCost : 0);
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
