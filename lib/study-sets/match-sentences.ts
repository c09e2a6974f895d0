// Which list words a sentence teaches, and the form it has there. A word
// matches through its lemma (`vont` for `aller`), or literally when the list
// gave that very form as a variant; a phrase matches its words in order.
import { entryLemmas, lemmatizeSentence, lemmatizeSentences, normalizeForm, tokenizeFrench, type LemmaToken } from "@/lib/french/lemmatize";
import type { WordListEntry } from "@/lib/study-sets/parse-word-list";
import { stopLemmas } from "@/lib/study-sets/stop-lemmas";
import { runToEnd, runYielding } from "@/lib/queue/yield-to-loop";

export interface WordMatch {
  /** Index of the entry in the list. */
  entry: number;
  /** The text of the sentence that matched (`allait`, `tout à coup`). */
  form: string;
}

export interface SentenceMatch {
  matches: WordMatch[];
  /** Words that are neither list words, function words nor names. */
  unknown: number;
}

interface PhrasePattern {
  entry: number;
  positions: Set<string>[];
}

export interface ListMatcher {
  entries: WordListEntry[];
  byLemma: Map<string, number[]>;
  byForm: Map<string, number[]>;
  phrases: PhrasePattern[];
  /** Lemmas worth resolving by context: those of some entry. */
  relevant: (lemma: string) => boolean;
}

function addTo(map: Map<string, number[]>, key: string, entry: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [entry]);
  else if (!list.includes(entry)) list.push(entry);
}

export function buildMatcher(entries: WordListEntry[]): ListMatcher {
  const byLemma = new Map<string, number[]>();
  const byForm = new Map<string, number[]>();
  const phrases: PhrasePattern[] = [];
  entries.forEach((entry, index) => {
    for (const variant of entry.variants) {
      if (variant.includes(" ") || (entry.phrase && tokenizeFrench(variant).length > 1)) {
        const positions = tokenizeFrench(variant).map(
          (span) => new Set([normalizeForm(span.text), ...entryLemmas(span.text)]),
        );
        if (positions.length > 0) phrases.push({ entry: index, positions });
        continue;
      }
      for (const lemma of entryLemmas(variant)) addTo(byLemma, lemma, index);
      if (variant !== entry.word) addTo(byForm, normalizeForm(variant), index);
    }
  });
  const phraseWords = new Set(phrases.flatMap((phrase) => phrase.positions.flatMap((position) => [...position])));
  return {
    entries,
    byLemma,
    byForm,
    phrases,
    relevant: (lemma) => byLemma.has(lemma) || phraseWords.has(lemma),
  };
}

function tokenFits(token: LemmaToken, position: Set<string>): boolean {
  return position.has(token.norm) || token.lemmas.some((lemma) => position.has(lemma));
}

function matchTokens(matcher: ListMatcher, sentence: string, tokens: LemmaToken[]): SentenceMatch {
  const found = new Map<number, string>();
  let unknown = 0;
  tokens.forEach((token, index) => {
    let hit = false;
    for (const lemma of token.lemmas) {
      for (const entry of matcher.byLemma.get(lemma) ?? []) {
        hit = true;
        if (!found.has(entry)) found.set(entry, token.text);
      }
    }
    for (const entry of matcher.byForm.get(token.norm) ?? []) {
      hit = true;
      if (!found.has(entry)) found.set(entry, token.text);
    }
    for (const phrase of matcher.phrases) {
      if (found.has(phrase.entry) || index + phrase.positions.length > tokens.length) continue;
      if (phrase.positions.every((position, offset) => tokenFits(tokens[index + offset]!, position))) {
        const last = tokens[index + phrase.positions.length - 1]!;
        found.set(phrase.entry, sentence.slice(token.start, last.end));
      }
    }
    const name = /^\p{Lu}/u.test(token.text) && index > 0;
    const functionWord = token.lemmas.some((lemma) => stopLemmas.has(lemma));
    if (!hit && !name && !functionWord && !/\p{N}/u.test(token.text)) unknown++;
  });
  return { matches: [...found].map(([entry, form]) => ({ entry, form })), unknown };
}

/** The matches of each sentence; the tagger runs on them in batches. */
export function matchSentences(matcher: ListMatcher, sentences: string[]): SentenceMatch[] {
  const tokens = lemmatizeSentences(sentences, { relevant: matcher.relevant });
  return sentences.map((sentence, index) => matchTokens(matcher, sentence, tokens[index]!));
}

/** `lexiconOnly`: every reading counts, no tagger (a cheaper "is it anywhere?" check). */
export function matchSentence(matcher: ListMatcher, sentence: string, lexiconOnly = false): SentenceMatch {
  return matchTokens(matcher, sentence, lemmatizeSentence(sentence, { relevant: matcher.relevant, lexiconOnly }));
}

/**
 * A list for a learner with none: the book's most frequent lemmas, function
 * words and names left out. Counted from the lexicon alone (no tagger), an
 * ambiguous form sharing its one occurrence between its lemmas.
 */
export function frequentLemmas(sentences: string[], count: number): WordListEntry[] {
  return runToEnd(frequentLemmaSteps(sentences, count));
}

/** The same list, giving the event loop a turn every few milliseconds (the worker's way). */
export function frequentLemmasYielding(sentences: string[], count: number): Promise<WordListEntry[]> {
  return runYielding(frequentLemmaSteps(sentences, count));
}

function* frequentLemmaSteps(sentences: string[], count: number): Generator<void, WordListEntry[]> {
  const frequency = new Map<string, number>();
  for (const sentence of sentences) {
    yield;
    for (const [index, token] of lemmatizeSentence(sentence, { lexiconOnly: true }).entries()) {
      // A capital inside a sentence marks a name; the first word's says nothing.
      if (!token.known || (index > 0 && /^\p{Lu}/u.test(token.text)) || /\p{N}/u.test(token.text)) continue;
      if (token.lemmas.some((lemma) => stopLemmas.has(lemma))) continue;
      for (const lemma of token.lemmas) {
        if (lemma.length < 2) continue;
        frequency.set(lemma, (frequency.get(lemma) ?? 0) + 1 / token.lemmas.length);
      }
    }
  }
  return [...frequency]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "fr"))
    .slice(0, count)
    .map(([lemma]) => ({ word: lemma, variants: [lemma], phrase: false }));
}
