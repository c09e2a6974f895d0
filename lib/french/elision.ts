// French elision: je, le, la, de, ne, se… lose their vowel before a word
// that starts with a vowel or a mute h ("j'avais", "l'ouvrit", "s'était").
// Shared by the rules that add words (lib/rewriting) and the parser's
// training copies that change a verb's form (novel-tenses.ts).

/** A word before which je, le, la, de… are elided: a vowel or a mute h. */
export const startsWithVowel = /^[aeiouyàâäéèêëîïôöûüœh]/iu;
