// The words of a French text that carry its content: nouns, verbs,
// adjectives, adverbs. Function words (articles, pronouns, prepositions,
// conjunctions, auxiliaries) are left out, because a faithful rewrite may
// add or drop them freely (repeating "il" as a subject, turning "qui" into a
// new sentence), while losing a content word loses meaning.
import { stemFrench } from "@/lib/french/stem";

// prettier-ignore
const functionWords = new Set([
  // Articles and determiners.
  "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux", "ce", "cet", "cette",
  "ces", "mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "notre", "nos", "votre",
  "vos", "leur", "leurs", "quel", "quelle", "quels", "quelles",
  // Pronouns.
  "je", "j", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "me", "m", "te", "t",
  "se", "s", "lui", "eux", "y", "en", "moi", "toi", "soi", "qui", "que", "qu", "quoi", "dont",
  "où", "lequel", "laquelle", "lesquels", "lesquelles", "celui", "celle", "ceux", "celles",
  "ceci", "cela", "ça", "c",
  // Prepositions.
  "à", "a", "dans", "par", "pour", "sur", "sous", "avec", "chez", "vers", "entre", "contre",
  // Conjunctions and linking words a rewrite may add or drop.
  "et", "ou", "mais", "donc", "or", "car", "puis", "si", "comme", "quand", "lorsque", "lorsqu",
  "puisque", "puisqu", "alors",
  // Forms of être and avoir, which a rewrite repeats when it splits a clause.
  "être", "est", "sont", "était", "étaient", "été", "sera", "serait", "fut", "furent", "soit",
  "suis", "es", "sommes", "êtes", "étais", "avoir", "ai", "as", "avons", "avez", "ont",
  "avait", "avaient", "eu", "aura", "aurait", "eut", "eurent", "avais",
]);

/** The lowercase words of a text, elisions split off ("l'homme" → "l", "homme"). */
export function frenchWords(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}+|\p{N}+/gu) ?? []).filter((word) => word !== "");
}

export function isFunctionWord(word: string): boolean {
  return functionWords.has(word.toLowerCase());
}

/** The stems of a text's content words, in order, repeats kept. */
export function contentStems(text: string): string[] {
  return frenchWords(text)
    .filter((word) => !functionWords.has(word))
    .map(stemFrench);
}
