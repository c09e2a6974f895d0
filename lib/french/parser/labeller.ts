// Dependency labels, given the tree: each word's relation to its head
// (nsubj, obj, obl:arg, acl:relcl…), chosen left to right with the whole
// tree in view — the head's other dependents, the preposition or
// conjunction that introduces the word, the labels already given to its
// siblings — which an arc-by-arc labeller cannot see.
import {
  bestClass,
  combine1,
  combine2,
  combine3,
  hashFeature,
  type FrozenPerceptron,
  PerceptronTrainer,
} from "@/lib/french/parser/perceptron";
import { formHash } from "@/lib/french/parser/lexical-features";
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

/** The tree's words, their parts hashed once (index 0 is the root). */
interface TreeView {
  word: Uint32Array;
  upos: string[];
  uposHash: Uint32Array;
  verbForm: Uint32Array;
  feats: Uint32Array;
  pronType: Uint32Array;
  /** The UPOS of each word's dependents, as one hashed set. */
  childTags: Uint32Array;
  heads: Int32Array;
  children: number[][];
}

const absent = hashFeature("<none>");
const rootWord = hashFeature("w <root>");
const labelHashes = new Map<string, number>();

function labelHash(label: string): number {
  let hash = labelHashes.get(label);
  if (hash === undefined) labelHashes.set(label, (hash = hashFeature(`l ${label}`)));
  return hash;
}

/** A feature bundle's three hashes: its VerbForm, the bundle, its PronType. */
interface BundleHashes {
  verbForm: number;
  feats: number;
  pronType: number;
}

// Hashes kept for the process, by UPOS, by bundle and by set of dependents'
// UPOS (as a bit mask of the UPOS seen so far): the same few hundred recur.
const uposHashes = new Map<string, number>();
const bundleHashes = new Map<string, BundleHashes>();
const uposBits = new Map<string, number>();
const childTagHashes = new Map<number, number>();

function uposHash(upos: string): number {
  let hash = uposHashes.get(upos);
  if (hash === undefined) uposHashes.set(upos, (hash = hashFeature(`u ${upos}`)));
  return hash;
}

function bundleHash(bundle: string): BundleHashes {
  let hashes = bundleHashes.get(bundle);
  if (!hashes) {
    hashes = {
      verbForm: hashFeature(`v ${/VerbForm=(\w+)/u.exec(bundle)?.[1] ?? "-"}`),
      feats: hashFeature(`f ${bundle}`),
      pronType: hashFeature(`p ${/PronType=(\w+)/u.exec(bundle)?.[1] ?? "-"}`),
    };
    if (bundleHashes.size > 10_000) bundleHashes.clear();
    bundleHashes.set(bundle, hashes);
  }
  return hashes;
}

/** The hash of the sorted set of UPOS of `own`'s words. */
function childTagsHash(own: readonly number[], upos: readonly string[]): number {
  let mask = 0;
  for (const child of own) {
    let bit = uposBits.get(upos[child]!);
    if (bit === undefined) uposBits.set(upos[child]!, (bit = uposBits.size < 31 ? 1 << uposBits.size : 0));
    // More than 31 distinct tags (never with UD's 17): no mask, no cache.
    if (bit === 0) return hashFeature(`c ${[...new Set(own.map((index) => upos[index]!))].sort().join(",")}`);
    mask |= bit;
  }
  let hash = childTagHashes.get(mask);
  if (hash === undefined) childTagHashes.set(mask, (hash = hashFeature(`c ${[...new Set(own.map((index) => upos[index]!))].sort().join(",")}`)));
  return hash;
}

function view(words: readonly ParserWord[], heads: Int32Array): TreeView {
  const size = words.length + 1;
  const children: number[][] = Array.from({ length: size }, () => []);
  for (let index = 1; index <= words.length; index += 1) if (heads[index]! >= 0) children[heads[index]!]!.push(index);
  const upos = ["ROOT", ...words.map((word) => word.upos)];
  const tree: TreeView = {
    word: new Uint32Array(size),
    upos,
    uposHash: new Uint32Array(size),
    verbForm: new Uint32Array(size),
    feats: new Uint32Array(size),
    pronType: new Uint32Array(size),
    childTags: new Uint32Array(size),
    heads,
    children,
  };
  for (let index = 0; index < size; index += 1) {
    const bundle = bundleHash(index === 0 ? "-" : words[index - 1]!.feats);
    tree.word[index] = index === 0 ? rootWord : formHash(words[index - 1]!.form);
    tree.uposHash[index] = uposHash(upos[index]!);
    tree.verbForm[index] = bundle.verbForm;
    tree.feats[index] = bundle.feats;
    tree.pronType[index] = bundle.pronType;
    tree.childTags[index] = childTagsHash(children[index]!, upos);
  }
  return tree;
}

function distanceBucket(distance: number): number {
  const size = Math.abs(distance);
  const bucket = size <= 3 ? size : size <= 6 ? 4 : size <= 10 ? 5 : 6;
  return distance < 0 ? -1 - bucket : bucket;
}

const markerTags = new Set(["ADP", "SCONJ", "CCONJ"]);

const featureCount = 28;

/** The word's `featureCount` feature hashes, written into a reused array. */
function features(tree: TreeView, labels: readonly string[], word: number, into: Uint32Array): number {
  const { upos, uposHash, word: forms, verbForm, heads, children } = tree;
  const head = heads[word]!;
  const grandHead = head > 0 ? heads[head]! : -1;
  const direction = word < head ? 1 : 2;
  const distance = distanceBucket(word - head);
  // The first function word under this word: its preposition, conjunction or relative pronoun.
  let marker = absent;
  for (const child of children[word]!) {
    if (child < word && markerTags.has(upos[child]!)) {
      marker = forms[child]!;
      break;
    }
  }
  let previousLabel = absent;
  let hasSubject = 0;
  let hasObject = 0;
  for (const sibling of children[head]!) {
    if (sibling >= word) break;
    const label = labels[sibling]!;
    previousLabel = labelHash(label);
    if (label.startsWith("nsubj")) hasSubject = 1;
    if (label === "obj") hasObject = 1;
  }
  const headLabel = head > 0 && head < word ? labelHash(labels[head]!) : absent;
  let verbBetween = 0;
  for (let index = Math.min(word, head) + 1; index < Math.max(word, head); index += 1) {
    if (upos[index] === "VERB" || upos[index] === "AUX") verbBetween = 1;
  }
  const dw = forms[word]!;
  const du = uposHash[word]!;
  const hw = forms[head]!;
  const hu = uposHash[head]!;
  into[0] = combine1(1, du); into[1] = combine1(2, dw); into[2] = combine2(3, dw, du);
  into[3] = combine1(4, hu); into[4] = combine1(5, hw); into[5] = combine2(6, hw, hu);
  into[6] = combine2(7, du, hu); into[7] = combine2(8, dw, hu); into[8] = combine2(9, du, hw);
  into[9] = combine2(10, dw, hw); into[10] = combine3(11, direction, du, hu); into[11] = combine3(12, distance, du, hu);
  into[12] = combine2(13, distance, dw); into[13] = combine3(14, verbForm[word]!, verbForm[head]!, direction); into[14] = combine3(15, verbForm[word]!, du, hu);
  into[15] = combine3(16, marker, du, hu); into[16] = combine2(17, marker, hw); into[17] = combine3(18, marker, direction, hu);
  into[18] = combine3(19, tree.childTags[word]!, du, hu); into[19] = combine3(20, grandHead >= 0 ? uposHash[grandHead]! : absent, hu, du); into[20] = combine3(21, previousLabel, du, direction);
  into[21] = combine3(22, hasSubject * 4 + direction, du, hu); into[22] = combine3(23, hasObject, du, direction); into[23] = combine3(24, headLabel, du, hu);
  into[24] = combine3(25, tree.pronType[word]!, dw, direction); into[25] = combine3(26, verbBetween * 4 + direction, du, hu); into[26] = combine3(27, dw, direction, verbForm[head]!);
  into[27] = combine3(28, tree.feats[head]!, du, direction);
  return 28;
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
  const hashes = new Uint32Array(featureCount);
  for (let word = 1; word <= words.length; word += 1) {
    if (heads[word] === 0) {
      labels.push("root");
      continue;
    }
    model.perceptron.scores(hashes, scores, features(tree, labels, word, hashes));
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
  const buffer = new Uint32Array(featureCount);
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    for (const { tree, gold } of shuffled(prepared, random)) {
      for (let word = 1; word < gold.length; word += 1) {
        if (tree.heads[word] === 0) continue;
        const featureList = Array.from(buffer.subarray(0, features(tree, gold, word, buffer)));
        const guess = bestClass(trainer.scores(featureList, scores));
        trainer.tick();
        trainer.update(labelIndex.get(gold[word]!)!, guess, featureList);
      }
    }
  }
  return { labels, perceptron: trainer.freeze() };
}
