// Dependency labels, given the tree: each word's relation to its head
// (nsubj, obj, obl:arg, acl:relcl…), chosen left to right with the whole
// tree in view — the head's other dependents, the preposition or
// conjunction that introduces the word, the labels already given to its
// siblings — which an arc-by-arc labeller cannot see.
import { bestClass, hashFeature, type FrozenPerceptron, PerceptronTrainer } from "@/lib/french/parser/perceptron";
import { featureForm } from "@/lib/french/parser/lexical-features";
import { seededRandom, shuffled } from "@/lib/french/parser/random";
import type { ParserWord } from "@/lib/french/parser/arc-hybrid";

export interface LabelledExample {
  words: ParserWord[];
  /** Heads, index 0 unused (1-based words; 0 is the root). */
  heads: Int32Array;
  /** Gold labels, index 0 unused. */
  labels: string[];
}

export interface LabellerModel {
  labels: readonly string[];
  perceptron: FrozenPerceptron;
}

interface TreeView {
  lower: string[];
  upos: string[];
  verbForm: string[];
  feats: string[];
  heads: Int32Array;
  children: number[][];
}

function view(words: readonly ParserWord[], heads: Int32Array): TreeView {
  const children: number[][] = Array.from({ length: words.length + 1 }, () => []);
  for (let index = 1; index <= words.length; index += 1) if (heads[index]! >= 0) children[heads[index]!]!.push(index);
  return {
    lower: ["<root>", ...words.map((word) => featureForm(word.form))],
    upos: ["ROOT", ...words.map((word) => word.upos)],
    verbForm: ["-", ...words.map((word) => /VerbForm=(\w+)/u.exec(word.feats)?.[1] ?? "-")],
    feats: ["-", ...words.map((word) => word.feats)],
    heads,
    children,
  };
}

function distanceBucket(distance: number): string {
  const size = Math.abs(distance);
  const bucket = size <= 3 ? String(size) : size <= 6 ? "4-6" : size <= 10 ? "7-10" : "11+";
  return `${distance < 0 ? "-" : "+"}${bucket}`;
}

function features(tree: TreeView, labels: readonly string[], word: number): number[] {
  const { lower, upos, verbForm, heads, children } = tree;
  const head = heads[word]!;
  const grandHead = head > 0 ? heads[head]! : -1;
  const direction = word < head ? "L" : "R";
  const distance = distanceBucket(word - head);
  const own = children[word]!;
  // The first function word under this word: its preposition, conjunction or relative pronoun.
  const marker = own.find((child) => child < word && /^(ADP|SCONJ|CCONJ)$/u.test(upos[child]!));
  const markerWord = marker === undefined ? "-" : lower[marker]!;
  const childTags = [...new Set(own.map((child) => upos[child]!))].sort().join(",");
  const siblings = children[head]!;
  const previousSibling = [...siblings].reverse().find((sibling) => sibling < word);
  const previousLabel = previousSibling === undefined ? "-" : labels[previousSibling]!;
  const siblingLabels = siblings.filter((sibling) => sibling < word).map((sibling) => labels[sibling]!);
  const hasSubject = siblingLabels.some((label) => label.startsWith("nsubj"));
  const hasObject = siblingLabels.includes("obj");
  const headLabel = head > 0 && head < word ? labels[head]! : "?";
  const pronType = /PronType=(\w+)/u.exec(tree.feats[word]!)?.[1] ?? "-";
  const verbBetween = (() => {
    for (let index = Math.min(word, head) + 1; index < Math.max(word, head); index += 1) {
      if (upos[index] === "VERB" || upos[index] === "AUX") return true;
    }
    return false;
  })();
  const dw = lower[word]!;
  const du = upos[word]!;
  const hw = lower[head]!;
  const hu = upos[head]!;
  const templates = [
    `du=${du}`, `dw=${dw}`, `dwu=${dw}/${du}`, `hu=${hu}`, `hw=${hw}`, `hwu=${hw}/${hu}`,
    `du.hu=${du}|${hu}`, `dw.hu=${dw}|${hu}`, `du.hw=${du}|${hw}`, `dw.hw=${dw}|${hw}`,
    `dir.du.hu=${direction}|${du}|${hu}`, `dist.du.hu=${distance}|${du}|${hu}`, `dist.dw=${distance}|${dw}`,
    `dvf.hvf=${verbForm[word]}|${verbForm[head]}|${direction}`, `dvf.du.hu=${verbForm[word]}|${du}|${hu}`,
    `m=${markerWord}|${du}|${hu}`, `m.hw=${markerWord}|${hw}`, `m.dir=${markerWord}|${direction}|${hu}`,
    `ct=${childTags}|${du}|${hu}`, `gu=${grandHead >= 0 ? upos[grandHead] : "-"}|${hu}|${du}`,
    `prev=${previousLabel}|${du}|${direction}`, `subj=${hasSubject}|${du}|${direction}|${hu}`,
    `obj=${hasObject}|${du}|${direction}`, `hl=${headLabel}|${du}|${hu}`,
    `pt=${pronType}|${dw}|${direction}`, `vb=${verbBetween}|${du}|${hu}|${direction}`,
    `dw.dir.hvf=${dw}|${direction}|${verbForm[head]}`,
    `hf=${tree.feats[head]}|${du}|${direction}`,
  ];
  return templates.map(hashFeature);
}

const nonRootCache = new WeakMap<LabellerModel, number[]>();

// The root's label comes from the tree, never from the classifier.
function nonRootLabels(model: LabellerModel): number[] {
  let allowed = nonRootCache.get(model);
  if (!allowed) nonRootCache.set(model, (allowed = model.labels.flatMap((label, index) => (label === "root" ? [] : [index]))));
  return allowed;
}

/** A label for every word (index 0 unused), left to right. */
export function labelTree(model: LabellerModel, words: readonly ParserWord[], heads: Int32Array): string[] {
  const tree = view(words, heads);
  const labels: string[] = ["-"];
  const scores = new Float64Array(model.labels.length);
  const allowed = nonRootLabels(model);
  for (let word = 1; word <= words.length; word += 1) {
    if (heads[word] === 0) {
      labels.push("root");
      continue;
    }
    model.perceptron.scores(features(tree, labels, word), scores);
    labels.push(model.labels[bestClass(scores, allowed)]!);
  }
  return labels;
}

export function trainLabeller(examples: readonly LabelledExample[], epochs: number, seed: number): LabellerModel {
  const labels = [...new Set(examples.flatMap((example) => example.labels.slice(1)))].sort();
  const labelIndex = new Map(labels.map((label, index) => [label, index]));
  const trainer = new PerceptronTrainer(labels.length);
  const random = seededRandom(seed);
  const scores = new Float64Array(labels.length);
  const prepared = examples.map((example) => ({ tree: view(example.words, example.heads), gold: example.labels }));
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    for (const { tree, gold } of shuffled(prepared, random)) {
      for (let word = 1; word < gold.length; word += 1) {
        if (tree.heads[word] === 0) continue;
        const featureList = features(tree, gold, word);
        const guess = bestClass(trainer.scores(featureList, scores));
        trainer.tick();
        trainer.update(labelIndex.get(gold[word]!)!, guess, featureList);
      }
    }
  }
  return { labels, perceptron: trainer.freeze() };
}
