// French lemmatisation for study sets: every word of a sentence with the
// lemmas it may stand for. Candidates come from the Lefff lexicon; when a form
// has readings with different lemmas (`est`: être / est, `porte`: porter /
// porte) the fr-compromise tagger's part of speech in this sentence keeps
// only the readings of that class. When the tagger says nothing that fits, all
// readings stay: a form counts for a lemma only if the tagger allows it.
//
// Measured on a hand-tagged corpus sample (tests/fixtures/lemma-sample.tsv,
// tests/unit/lemmatize.test.ts); the figures are in the README.
import { loadTagger } from "@/lib/french/load-tagger";
import { lexiconReadings, normalizeForm, type LexiconReading, type WordClass } from "@/lib/french/lefff-forms";

export { normalizeForm } from "@/lib/french/lefff-forms";

export interface LemmaToken {
  /** The word as written in the sentence (`l'`, `allait`, `Yeux`). */
  text: string;
  start: number;
  end: number;
  /** Lower case, straight apostrophe, `œ` as `oe`. */
  norm: string;
  /** The lemmas this occurrence may stand for, after context; never empty. */
  lemmas: string[];
  /** True when Lefff knows the form. */
  known: boolean;
}

export interface LemmatizeOptions {
  /**
   * Only ambiguities touching a lemma this accepts are worth the tagger's
   * time; unset, every ambiguity is resolved.
   */
  relevant?: (lemma: string) => boolean;
  /** Never call the tagger (the lexicon-only baseline the README compares). */
  lexiconOnly?: boolean;
}

const wordRun = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*['’]?/gu;
const apostrophe = /['’]/u;

interface Span {
  text: string;
  start: number;
}

/** Splits a run of letters, apostrophes and hyphens into the words a learner sees. */
// Always split off, even where Lefff lists the whole (`l'autre`, `d'abord`):
// the learner's word is the part after the apostrophe.
const elisionPrefix = /^(?:l|d|j|m|t|s|c|n|qu|jusqu|lorsqu|puisqu|quoiqu)['’]/iu;

function splitRun(span: Span, out: Span[]): void {
  const { text, start } = span;
  const elision = elisionPrefix.exec(text);
  if (elision && elision[0].length < text.length) {
    out.push({ text: elision[0], start });
    splitRun({ text: text.slice(elision[0].length), start: start + elision[0].length }, out);
    return;
  }
  if (lexiconReadings(text).length > 0 || !/[-'’]/u.test(text.slice(0, -1))) {
    out.push(span);
    return;
  }
  const quote = text.search(apostrophe);
  if (quote >= 0 && quote < text.length - 1) {
    // An elision: `l'homme`, `qu'il`, `jusqu'à`.
    out.push({ text: text.slice(0, quote + 1), start });
    splitRun({ text: text.slice(quote + 1), start: start + quote + 1 }, out);
    return;
  }
  // A hyphenated group the lexicon does not know: `demanda-t-elle`, `dit-il`.
  let offset = 0;
  for (const part of text.split("-")) {
    if (part !== "" && part !== "t") out.push({ text: part, start: start + offset });
    offset += part.length + 1;
  }
}

export function tokenizeFrench(sentence: string): Span[] {
  const spans: Span[] = [];
  for (const match of sentence.matchAll(wordRun)) splitRun({ text: match[0], start: match.index }, spans);
  return spans;
}

function distinct(values: string[]): string[] {
  return [...new Set(values)];
}

/** Word classes the tagger's tags allow, or null when its tags say nothing useful. */
function classesOfTags(tags: string[]): Set<WordClass> | null {
  const has = (tag: string) => tags.includes(tag);
  if (has("Verb") || has("Copula") || has("Auxiliary")) return new Set(["verb"]);
  if (has("Pronoun") || has("Determiner") || has("Preposition") || has("Conjunction")) return new Set(["function"]);
  if (has("ProperNoun")) return new Set(["name", "noun"]);
  if (has("Noun")) return new Set(["noun", "name"]);
  if (has("Adjective")) return new Set(["adj", "verb"]);
  if (has("Adverb")) return new Set(["adv", "function"]);
  return null;
}

interface TaggedSpan {
  start: number;
  end: number;
  tags: string[];
}

/** The tagger's terms as character spans; it glues an elision to its word and adds an empty term after. */
function tagText(text: string): TaggedSpan[] {
  const spans: TaggedSpan[] = [];
  const terms = loadTagger()(text)
    .json({ offset: true })
    .flatMap((entry) => entry.terms);
  for (let index = 0; index < terms.length; index++) {
    const term = terms[index]!;
    const next = terms[index + 1];
    const quote = term.text.search(apostrophe);
    const start = term.offset.start;
    const end = start + term.offset.length;
    if (quote >= 0 && quote < term.text.length - 1 && next && next.offset.length === 0) {
      spans.push({ start, end: start + quote + 1, tags: term.tags });
      spans.push({ start: start + quote + 1, end, tags: next.tags });
      index++;
    } else if (term.offset.length > 0) {
      spans.push({ start, end, tags: term.tags });
    }
  }
  return spans;
}

/**
 * The readings that fit how the word is written: a lower-case word is not an
 * abbreviation or a name (`sa` is not "SA"); a capitalised word inside a
 * sentence is the name if Lefff has one (`Paris`, not `pari`).
 */
function readingsAsWritten(text: string, first: boolean): LexiconReading[] {
  const all = lexiconReadings(text);
  const capitalised = /^\p{Lu}/u.test(text);
  const names = all.filter((reading) => reading.capitalOnly);
  if (capitalised && !first && names.length > 0) return names;
  const common = all.filter((reading) => !reading.capitalOnly);
  return capitalised && common.length === 0 ? names : common;
}

// Elided and plural function words, spelt as a dictionary lists them.
const functionLemma: Record<string, string> = {
  "c'": "ce",
  "d'": "de",
  "j'": "je",
  "l'": "le",
  "m'": "me",
  "n'": "ne",
  "s'": "se",
  "t'": "te",
  "qu'": "que",
  "jusqu'": "jusque",
  "lorsqu'": "lorsque",
  "puisqu'": "puisque",
  "quoiqu'": "quoique",
  ils: "il",
  elles: "elle",
};

/** A function word that is its own lemma is only that (`elle`, not also `lui`; `de`, not `un`). */
function lemmasOf(readings: LexiconReading[], norm: string): string[] {
  const self = functionLemma[norm] ?? norm;
  if (readings.length === 0) return [self];
  const lemmas = distinct(readings.map((reading) => (reading.lemma === norm ? self : reading.lemma)));
  const allFunction = readings.every((reading) => reading.wordClass === "function");
  return allFunction && lemmas.includes(self) && !contracted.has(norm) ? [self] : lemmas;
}

// Contractions keep all their parts as lemmas (`du` is `de` + `le`).
const contracted = new Set(["au", "aux", "du", "des"]);

/**
 * Whether a word class could keep some lemmas and drop others: not when every
 * lemma comes with the same classes (`yeux`: œil and yeux, both nouns), since
 * the tagger only chooses between classes.
 */
function classDecides(readings: LexiconReading[]): boolean {
  const classesByLemma = new Map<string, Set<WordClass>>();
  for (const reading of readings) {
    const classes = classesByLemma.get(reading.lemma) ?? new Set<WordClass>();
    classes.add(reading.wordClass);
    classesByLemma.set(reading.lemma, classes);
  }
  const signatures = new Set([...classesByLemma.values()].map((classes) => [...classes].sort().join(",")));
  return signatures.size > 1;
}

interface PendingSentence {
  tokens: LemmaToken[];
  readings: LexiconReading[][];
  ambiguous: number[];
}

function readSentence(sentence: string, options: LemmatizeOptions): PendingSentence {
  const spans = tokenizeFrench(sentence);
  const readings = spans.map((span, index) => readingsAsWritten(span.text, index === 0));
  const tokens: LemmaToken[] = spans.map((span, index) => {
    const norm = normalizeForm(span.text);
    return {
      text: span.text,
      start: span.start,
      end: span.start + span.text.length,
      norm,
      lemmas: lemmasOf(readings[index]!, norm),
      known: readings[index]!.length > 0,
    };
  });
  const relevant = options.relevant ?? (() => true);
  const ambiguous = options.lexiconOnly
    ? []
    : tokens
        .map((token, index) => index)
        .filter(
          (index) =>
            tokens[index]!.lemmas.length > 1 && tokens[index]!.lemmas.some(relevant) && classDecides(readings[index]!),
        );
  return { tokens, readings, ambiguous };
}

function applyTags(pending: PendingSentence, tagged: TaggedSpan[], offset: number): void {
  for (const index of pending.ambiguous) {
    const token = pending.tokens[index]!;
    const start = token.start + offset;
    const end = token.end + offset;
    const term = tagged.find((span) => span.start < end && start < span.end);
    const classes = term ? classesOfTags(term.tags) : null;
    if (!classes) continue;
    const fitting = pending.readings[index]!.filter((reading) => classes.has(reading.wordClass));
    if (fitting.length > 0) token.lemmas = lemmasOf(fitting, token.norm);
  }
}

// The tagger costs about a millisecond per call whatever its length, so
// sentences that need it go in batches, one paragraph each.
const tagBatchSize = 50;
const batchSeparator = "\n\n";

/** Every word of each sentence with its possible lemmas, in order. */
export function lemmatizeSentences(sentences: string[], options: LemmatizeOptions = {}): LemmaToken[][] {
  const pending = sentences.map((sentence) => readSentence(sentence, options));
  const needTags = pending.map((_, index) => index).filter((index) => pending[index]!.ambiguous.length > 0);
  for (let first = 0; first < needTags.length; first += tagBatchSize) {
    const batch = needTags.slice(first, first + tagBatchSize);
    const offsets: number[] = [];
    let text = "";
    for (const index of batch) {
      if (text !== "") text += batchSeparator;
      offsets.push(text.length);
      text += sentences[index]!;
    }
    const tagged = tagText(text);
    batch.forEach((index, position) => applyTags(pending[index]!, tagged, offsets[position]!));
  }
  return pending.map((sentence) => sentence.tokens);
}

export function lemmatizeSentence(sentence: string, options: LemmatizeOptions = {}): LemmaToken[] {
  return lemmatizeSentences([sentence], options)[0]!;
}

/**
 * The lemmas a list entry stands for. A word Lefff knows as a lemma is taken
 * as that lemma (`est` the direction is not `être`); an inflected form stands
 * for its lemmas (`allait` for `aller`); an unknown word for itself.
 */
export function entryLemmas(word: string): string[] {
  const norm = normalizeForm(word);
  const readings = lexiconReadings(norm);
  if (readings.length === 0 || readings.some((reading) => reading.lemma === norm)) return [norm];
  return distinct([norm, ...readings.map((reading) => reading.lemma)]);
}

/**
 * Whether the lemmatizer knows a lemma for the word (normalised as its
 * sentences are: `œ` as `oe`, curly apostrophes straight); what a word list
 * reports as recognised.
 */
export function hasKnownLemma(word: string): boolean {
  return lexiconReadings(word).length > 0;
}
