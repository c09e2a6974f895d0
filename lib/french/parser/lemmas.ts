// Lemmas: the Lefff's lemma for the word in the class the tagger chose
// (`est` VERB → être, `est` NOUN → est), and where the treebanks disagree
// with that rule (clitics, the Lefff's sense-numbered or coded lemmas,
// contractions' parts) the treebanks' lemma, learnt as a list of exceptions.
import { lefffReadings } from "@/lib/french/load-lefff";
import { featureForm } from "@/lib/french/parser/lexical-features";

export interface LemmaModel {
  /** `${lower form}\t${UPOS}` → lemma, where the rule below is wrong. */
  exceptions: Readonly<Record<string, string>>;
}

const categoriesByUpos: Record<string, readonly string[]> = {
  NOUN: ["nc"],
  PROPN: ["np"],
  VERB: ["v"],
  AUX: ["auxEtre", "auxAvoir", "v"],
  ADJ: ["adj"],
  ADV: ["adv", "advneg", "advPref"],
  ADP: ["prep"],
  DET: ["det"],
  PRON: ["pro", "prel", "pri", "cla", "cld", "cln", "clr", "cll", "clg", "cldr", "clar", "ilimp", "caimp", "ce"],
  CCONJ: ["coo"],
  SCONJ: ["csu", "que"],
  INTJ: ["pres"],
};

// Classes whose words are their own lemma in the treebanks.
const selfLemmaClasses = new Set(["PROPN", "PUNCT", "NUM", "SYM", "X"]);

function cleanLemma(raw: string): string | undefined {
  const lemma = raw.replace(/_+\d+$/u, "");
  return /^\p{L}[\p{L}' -]*$/u.test(lemma) ? lemma : undefined;
}

/** The lemma by the rule alone: the Lefff's for the class, else the form. */
function ruleLemma(lower: string, form: string, upos: string): string {
  if (selfLemmaClasses.has(upos)) return form;
  const categories = categoriesByUpos[upos];
  if (categories) {
    for (const reading of lefffReadings(lower)) {
      if (!categories.includes(reading.category)) continue;
      const lemma = cleanLemma(reading.lemma);
      if (lemma !== undefined) return lemma;
    }
  }
  return lower;
}

// Lemmas by UPOS and form, exceptions included, for each model: a book
// asks for the same few thousand again and again, and a nested map spares
// building a key string per word.
const lemmaCache = new WeakMap<LemmaModel, Map<string, Map<string, string>>>();

export function lemmaOf(model: LemmaModel, form: string, upos: string): string {
  let byUpos = lemmaCache.get(model);
  if (!byUpos) lemmaCache.set(model, (byUpos = new Map()));
  let byForm = byUpos.get(upos);
  if (!byForm) byUpos.set(upos, (byForm = new Map()));
  let lemma = byForm.get(form);
  if (lemma === undefined) {
    const lower = featureForm(form);
    lemma = model.exceptions[`${lower}\t${upos}`] ?? ruleLemma(lower, form, upos);
    if (byForm.size > 100_000) byForm.clear();
    byForm.set(form, lemma);
  }
  return lemma;
}

/** The exceptions: for each (form, UPOS) of the training words, the treebanks' most frequent lemma where the rule differs. */
export function trainLemmas(words: readonly { form: string; upos: string; lemma: string }[]): LemmaModel {
  const counts = new Map<string, Map<string, number>>();
  for (const word of words) {
    const key = `${featureForm(word.form)}\t${word.upos}`;
    const lemmas = counts.get(key) ?? new Map<string, number>();
    lemmas.set(word.lemma, (lemmas.get(word.lemma) ?? 0) + 1);
    counts.set(key, lemmas);
  }
  const exceptions: Record<string, string> = {};
  for (const [key, lemmas] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [best] = [...lemmas].sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : 1))[0]!;
    const [lower, upos] = key.split("\t") as [string, string];
    // A sentence-initial capital does not make a proper noun's lemma: compare on the form as spelt.
    if (best !== ruleLemma(lower, lower, upos) && !(selfLemmaClasses.has(upos) && best.toLowerCase() === lower)) {
      exceptions[key] = best;
    }
  }
  return { exceptions };
}
