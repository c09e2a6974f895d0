// The Lefff's readings as the study sets' lemmatiser wants them: each form
// (normalised: lower case, œ as oe) with its cleaned lemmas and coarse word
// classes. The file is read once per process by lib/french/load-lefff.ts,
// shared with the splitter's lexicon; a form's entry is built when first
// asked for.
import { lefffReadingsRespelled } from "@/lib/french/load-lefff";

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

/** Lower case, `œ` spelt `oe` as Lefff spells it, typographic apostrophes made straight. */
export function normalizeForm(word: string): string {
  return word.normalize("NFC").toLowerCase().replace(/[’ʼ‘`´]/gu, "'").replace(/œ/gu, "oe").replace(/æ/gu, "ae");
}

/** A form's readings as "^" (capital only) + class code + lemma, without repeats. */
function buildEntries(form: string): string[] {
  const contraction = contractions[form];
  if (contraction) return contraction.map((lemma) => `${classCodes.function}${lemma}`);
  const entries: string[] = [];
  for (const reading of lefffReadingsRespelled(form)) {
    if (reading.lemma === "" || skippedClasses.has(reading.category)) continue;
    const lemma = cleanLemma(form, reading.category, reading.lemma);
    if (lemma === null) continue;
    const entry = `${reading.capital ? "^" : ""}${classCodes[classOf[reading.category] ?? "function"]}${lemma}`;
    if (!entries.includes(entry)) entries.push(entry);
  }
  return entries;
}

// Entries already built, by normalised form: a book set looks the same few
// thousand forms up again and again.
const entryCache = new Map<string, string[]>();

function entriesOf(form: string): string[] {
  let entries = entryCache.get(form);
  if (entries === undefined) {
    entries = buildEntries(form);
    if (entryCache.size > 200_000) entryCache.clear();
    entryCache.set(form, entries);
  }
  return entries;
}

/** Every reading Lefff knows for a form (normalised first); empty when it is not a French word. */
export function lexiconReadings(word: string): LexiconReading[] {
  return entriesOf(normalizeForm(word)).map((item) => {
    const capitalOnly = item.startsWith("^");
    const body = capitalOnly ? item.slice(1) : item;
    return { wordClass: codeClasses[body[0]!]!, lemma: body.slice(1), capitalOnly };
  });
}
