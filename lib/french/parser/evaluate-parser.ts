// Scores a parse against gold annotation with the same words, as the CoNLL
// 2018 shared task does with gold tokenisation: UPOS, UFeats (the whole
// bundle), lemmas, UAS, and LAS on the universal part of the relation
// ("obl:arg" counts as "obl"); LAS with subtypes is reported beside it.
import { blankWord, sentenceWords, type ConlluSentence } from "@/lib/french/parser/conllu";

export interface ParseScores {
  words: number;
  upos: number;
  ufeats: number;
  lemma: number;
  uas: number;
  las: number;
  lasWithSubtypes: number;
}

function sortedFeats(feats: string): string {
  return feats === "_" ? "_" : feats.split("|").sort().join("|");
}

const universal = (deprel: string) => deprel.split(":")[0]!;

export function scoreParses(gold: readonly ConlluSentence[], predicted: readonly ConlluSentence[]): ParseScores {
  const counts = { words: 0, upos: 0, ufeats: 0, lemma: 0, uas: 0, las: 0, lasWithSubtypes: 0 };
  gold.forEach((goldSentence, index) => {
    const goldWords = sentenceWords(goldSentence);
    const predictedWords = sentenceWords(predicted[index]!);
    if (goldWords.length !== predictedWords.length) throw new Error(`Sentence ${index + 1}: the words differ`);
    goldWords.forEach((word, position) => {
      const guess = predictedWords[position]!;
      counts.words += 1;
      if (word.upos === guess.upos) counts.upos += 1;
      if (sortedFeats(word.feats) === sortedFeats(guess.feats)) counts.ufeats += 1;
      if (word.lemma === guess.lemma) counts.lemma += 1;
      if (word.head === guess.head) {
        counts.uas += 1;
        if (universal(word.deprel) === universal(guess.deprel)) counts.las += 1;
        if (word.deprel === guess.deprel) counts.lasWithSubtypes += 1;
      }
    });
  });
  const share = (count: number) => (counts.words === 0 ? 0 : count / counts.words);
  return {
    words: counts.words,
    upos: share(counts.upos),
    ufeats: share(counts.ufeats),
    lemma: share(counts.lemma),
    uas: share(counts.uas),
    las: share(counts.las),
    lasWithSubtypes: share(counts.lasWithSubtypes),
  };
}

/** The sentence as a parser's input: its words and multi-word tokens, every other column blank. */
export function blankedSentence(sentence: ConlluSentence): ConlluSentence {
  return {
    comments: sentence.comments,
    tokens: sentence.tokens.map((token) => ({
      ...token,
      words: token.words.map((word) => blankWord(word.form, word.misc)),
    })),
  };
}
