// A parsed sentence as the rewriting rules read it: words with their
// heads, relations and features, each word's dependents, and the surface
// tokens the words came from, so that pieces are written back with the
// book's own spelling and spacing ("du", "l'", "dit-il").
import type { ConlluSentence } from "@/lib/french/parser/conllu";
import { frenchParser } from "@/lib/french/parser/french-parser";

export interface TreeWord {
  /** 1-based, as in CoNLL-U; 0 is the root. */
  index: number;
  form: string;
  lemma: string;
  upos: string;
  feats: Readonly<Record<string, string>>;
  head: number;
  deprel: string;
  /** The surface token holding this word. */
  token: number;
}

export interface TreeToken {
  form: string;
  /** Its words' indices, in order (several for "du" = de + le). */
  words: number[];
  spaceAfter: boolean;
}

export interface SentenceTree {
  /** Index 0 is a placeholder for the root, so that words[i].index === i. */
  words: TreeWord[];
  tokens: TreeToken[];
  children: number[][];
}

function readFeats(feats: string): Record<string, string> {
  if (feats === "_" || feats === "") return {};
  return Object.fromEntries(feats.split("|").map((pair) => pair.split("=") as [string, string]));
}

export function sentenceTree(parsed: ConlluSentence): SentenceTree {
  const words: TreeWord[] = [{ index: 0, form: "", lemma: "", upos: "ROOT", feats: {}, head: -1, deprel: "", token: -1 }];
  const tokens: TreeToken[] = [];
  parsed.tokens.forEach((token, tokenIndex) => {
    const indices: number[] = [];
    for (const word of token.words) {
      const index = words.length;
      indices.push(index);
      words.push({
        index,
        form: word.form,
        lemma: word.lemma,
        upos: word.upos,
        feats: readFeats(word.feats),
        head: word.head,
        deprel: word.deprel,
        token: tokenIndex,
      });
    }
    const misc = token.words.length > 1 ? token.misc : token.words[0]!.misc;
    tokens.push({ form: token.form, words: indices, spaceAfter: !misc.includes("SpaceAfter=No") });
  });
  const children: number[][] = words.map(() => []);
  for (const word of words.slice(1)) if (word.head >= 0) children[word.head]!.push(word.index);
  return { words, tokens, children };
}

/** One sentence's text, parsed. */
export function parseTree(text: string): SentenceTree {
  return sentenceTree(frenchParser().parseSentence(text));
}

/** The word and everything under it, in sentence order. */
export function subtree(tree: SentenceTree, index: number): number[] {
  const found: number[] = [];
  const stack = [index];
  while (stack.length > 0) {
    const next = stack.pop()!;
    found.push(next);
    stack.push(...tree.children[next]!);
  }
  return found.sort((a, b) => a - b);
}

export function childrenWith(tree: SentenceTree, index: number, relation: RegExp): TreeWord[] {
  return tree.children[index]!.map((child) => tree.words[child]!).filter((word) => relation.test(word.deprel));
}
