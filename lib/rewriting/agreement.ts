// The words a rewrite may add, chosen by agreement: the subject pronoun that
// stands for a noun (elle for "la maison"), the object pronoun (l', la, les),
// and être or avoir in the tense of the clause the new sentence comes from.
import { startsWithVowel } from "@/lib/french/elision";
import type { TreeWord } from "@/lib/rewriting/sentence-tree";

export type Gender = "Masc" | "Fem";
export type GrammaticalNumber = "Sing" | "Plur";

/** il, elle, ils, elles; masculine when the gender is unknown, as French does. */
export function subjectPronoun(gender: Gender | undefined, number: GrammaticalNumber): string {
  if (number === "Plur") return gender === "Fem" ? "elles" : "ils";
  return gender === "Fem" ? "elle" : "il";
}


/** A subject said before `rest`, "je" elided before a vowel ("j'avais", "il avait"). */
export function withSubject(subject: string, rest: string): string {
  return subject === "je" && startsWithVowel.test(rest) ? `j'${rest}` : `${subject} ${rest}`;
}

/** The direct object clitic, elided before a vowel or a mute h. */
export function objectPronoun(gender: Gender | undefined, number: GrammaticalNumber, nextWord: string): string {
  if (number === "Plur") return "les";
  if (startsWithVowel.test(nextWord)) return "l'";
  return gender === "Fem" ? "la" : "le";
}

/** Gender and number of a noun phrase's head, as the parser's features give them. */
export function agreementOf(word: TreeWord): { gender: Gender | undefined; number: GrammaticalNumber } {
  const gender = word.feats.Gender === "Fem" || word.feats.Gender === "Masc" ? word.feats.Gender : undefined;
  return { gender, number: word.feats.Number === "Plur" ? "Plur" : "Sing" };
}

// être and avoir in the third person, by the tense of the main verb.
type Forms = Record<string, [singular: string, plural: string]>;
const etreForms: Forms = {
  Pres: ["est", "sont"],
  Imp: ["était", "étaient"],
  Past: ["fut", "furent"],
  Fut: ["sera", "seront"],
  Cnd: ["serait", "seraient"],
};
const avoirForms: Forms = {
  Pres: ["a", "ont"],
  Imp: ["avait", "avaient"],
  Past: ["eut", "eurent"],
  Fut: ["aura", "auront"],
  Cnd: ["aurait", "auraient"],
};

interface TenseOptions {
  /** The passé simple as the imperfect: an aside or a pose describes a state. */
  pastAsImperfect?: boolean;
}

function conjugate(forms: Forms, verb: TreeWord, number: GrammaticalNumber, { pastAsImperfect = false }: TenseOptions): string | undefined {
  const given = verb.feats.Mood === "Cnd" ? "Cnd" : verb.feats.Tense;
  const tense = pastAsImperfect && given === "Past" ? "Imp" : given;
  const found = tense === undefined ? undefined : forms[tense];
  return found?.[number === "Plur" ? 1 : 0];
}

/**
 * être, third person, in the tense of `verb` (a finite verb or its finite
 * auxiliary). Undefined when the verb's tense is not one of the five.
 */
export function etreLike(verb: TreeWord, number: GrammaticalNumber, options: TenseOptions = {}): string | undefined {
  return conjugate(etreForms, verb, number, options);
}

/** avoir, third person, in the tense of `verb`, as etreLike. */
export function avoirLike(verb: TreeWord, number: GrammaticalNumber, options: TenseOptions = {}): string | undefined {
  return conjugate(avoirForms, verb, number, options);
}

// The imperfect's endings by person and number.
const imperfectEndings: Record<string, [singular: string, plural: string]> = {
  "1": ["ais", "ions"],
  "2": ["ais", "iez"],
  "3": ["ait", "aient"],
};
// The three verbs whose imperfect stem is not their present participle's.
const irregularStems: Record<string, string> = { ayant: "av", sachant: "sav", étant: "ét" };

/**
 * The imperfect of a verb from its present participle: French builds both
 * on one stem (levant → levait, finissant → finissait, prenant → prenait),
 * but for avoir, savoir and être. Undefined for a form that is no participle.
 */
export function imperfectFromParticiple(participle: string, person: string, number: GrammaticalNumber): string | undefined {
  const lower = participle.toLowerCase();
  if (!lower.endsWith("ant") || lower.length < 5) return undefined;
  const stem = irregularStems[lower] ?? lower.slice(0, -3);
  // "mangeant" keeps its e before a, o; "mangions" does not need it.
  const ending = imperfectEndings[person]?.[number === "Plur" ? 1 : 0];
  if (!ending) return undefined;
  const softened = /ge$/u.test(stem) && ending.startsWith("i") ? stem.slice(0, -1) : stem;
  const cedilla = /ç$/u.test(softened) && ending.startsWith("i") ? `${softened.slice(0, -1)}c` : softened;
  return cedilla + ending;
}
