// What the lexicon says about a word, as the tagger, the morphology and the
// parser see it. The treebanks have 100,000 words of news and medicine; the
// Lefff knows 110,000 lemmas, the literary vocabulary among them, so a word
// the treebanks never saw still brings its possible classes ("adj|nc") and
// inflections ("v:P3s|v:J3s").
import { lefffReadings } from "@/lib/french/load-lefff";
import { hashFeature } from "@/lib/french/parser/perceptron";

// Each stage asks for a word's feature form or its hash again: both are
// worked out once per form and process (novels repeat their words).
const featureForms = new Map<string, string>();
const formHashes = new Map<string, number>();

/** Lower case with straight apostrophes: the key every model feature uses. */
export function featureForm(form: string): string {
  let lower = featureForms.get(form);
  if (lower === undefined) {
    lower = form.toLowerCase().replace(/[’ʼ‘]/gu, "'");
    if (featureForms.size > 200_000) featureForms.clear();
    featureForms.set(form, lower);
  }
  return lower;
}

/** The hash of "w " and the feature form: the word feature of every stage. */
export function formHash(form: string): number {
  let hash = formHashes.get(form);
  if (hash === undefined) {
    hash = hashFeature(`w ${featureForm(form)}`);
    if (formHashes.size > 200_000) formHashes.clear();
    formHashes.set(form, hash);
  }
  return hash;
}

// A word's shape: runs of upper, lower, digit and other characters, each kept once ("Xx", "d", "Xx-Xx").
export function wordShape(form: string): string {
  let shape = "";
  for (const char of form) {
    const kind = /\p{Lu}/u.test(char) ? "X" : /\p{Ll}/u.test(char) ? "x" : /\p{Nd}/u.test(char) ? "d" : char;
    if (!shape.endsWith(kind)) shape += kind;
  }
  return shape.length > 6 ? shape.slice(0, 6) : shape;
}

// Categories of the Lefff that carry no word class (markup, punctuation).
const ignoredCategories = new Set(["poncts", "ponctw", "epsilon", "parento", "parentf", "sbound", "meta"]);

const classCache = new Map<string, string>();
const morphologyCache = new Map<string, string>();

function remember(cache: Map<string, string>, key: string, value: string): string {
  if (cache.size > 300_000) cache.clear();
  cache.set(key, value);
  return value;
}

/** The word's Lefff categories, sorted and joined ("adj|nc"); "?" when the Lefff does not know it. */
export function lexicalClass(form: string): string {
  const key = featureForm(form);
  const cached = classCache.get(key);
  if (cached !== undefined) return cached;
  const categories = new Set<string>();
  for (const reading of lefffReadings(key)) if (!ignoredCategories.has(reading.category)) categories.add(reading.category);
  return remember(classCache, key, categories.size === 0 ? "?" : [...categories].sort().join("|"));
}

/**
 * The word's Lefff inflections with their category ("nc:fs|v:P3s"), the
 * letters of FRMG's tags reduced to what agreement needs.
 */
export function lexicalMorphology(form: string): string {
  const key = featureForm(form);
  const cached = morphologyCache.get(key);
  if (cached !== undefined) return cached;
  const tags = new Set<string>();
  for (const reading of lefffReadings(key)) {
    if (ignoredCategories.has(reading.category) || reading.morphology === "") continue;
    tags.add(`${reading.category}:${reading.morphology}`);
  }
  return remember(morphologyCache, key, tags.size === 0 ? "?" : [...tags].sort().join("|"));
}
