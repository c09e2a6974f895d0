// The only words a rule may add to a sentence, and the only ones it may
// leave out: a rewrite says what the book says, in more sentences. Checked
// on every rewrite (rewrite-locally.ts), and by the tests on whole books.

// prettier-ignore
const addable = new Set([
  // Subject and object pronouns standing for a noun phrase.
  "il", "elle", "ils", "elles", "on", "je", "j", "tu", "nous", "vous", "le", "la", "les", "l",
  // être and avoir, for a participle's sentence or a shared auxiliary.
  "est", "sont", "était", "étaient", "fut", "furent", "sera", "seront", "serait", "seraient",
  "a", "ont", "avait", "avaient", "eut", "eurent", "aura", "auront", "aurait", "auraient",
  // C'était, ce sont; y for a place ("où il habitait" → "il y habitait"); en for "dont" ("dont il parlait" → "il en parlait").
  "c", "ce", "y", "en",
]);

// The word that joined two clauses, and the relative pronoun a new sentence replaces.
const droppable = new Set(["et", "qui", "que", "qu", "où", "dont", "lequel", "laquelle", "lesquels", "lesquelles"]);

// An elided word is the same word: a rule may write "je les" where the book had "j'".
const unelided: Record<string, string> = { j: "je", m: "me", t: "te", s: "se", n: "ne", l: "le", qu: "que", d: "de" };

/** Lower-case words, elisions spelt out and inverted pronouns apart ("l'adorait" → le, adorait; "dit-il" → dit, il). */
export function rewriteWords(text: string): string[] {
  const words = text.toLocaleLowerCase("fr").match(/\p{L}+['’]?|\p{N}+/gu) ?? [];
  return words.flatMap((word) => {
    if (word === "t" || word === "-t") return [];
    const bare = word.replace(/['’]$/u, "");
    return [bare !== word ? (unelided[bare] ?? bare) : bare];
  });
}

function counts(words: readonly string[]): Map<string, number> {
  const found = new Map<string, number>();
  for (const word of words) found.set(word, (found.get(word) ?? 0) + 1);
  return found;
}

/**
 * What the pieces add that is neither in the closed list nor a word of the
 * sentence repeated (a name standing for itself), and what they leave out
 * that is not in the closed list; both empty for a faithful rewrite. A verb
 * the rules put in another tense, or an article made a possessive, counts as
 * the word it was.
 */
export function closedListViolations(
  original: string,
  pieces: readonly string[],
  /** Words the rules respelled, one pair per occurrence (levant → levait, la → sa): the same word; respelled as "", dropped to fit the limit (donc). */
  respelled: readonly (readonly [from: string, to: string])[] = [],
): { added: string[]; dropped: string[] } {
  const before = counts(rewriteWords(original));
  // Each respelling stands for one occurrence of its word ("la semelle" → "sa semelle" leaves every other "la" counted).
  for (const [from, to] of respelled) {
    const [was] = rewriteWords(from);
    const [now] = rewriteWords(to);
    if (was === undefined || !before.get(was)) continue;
    before.set(was, before.get(was)! - 1);
    if (now !== undefined) before.set(now, (before.get(now) ?? 0) + 1);
  }
  const after = counts(rewriteWords(pieces.join(" ")));
  const added: string[] = [];
  const dropped: string[] = [];
  for (const [word, count] of after) {
    if (count > (before.get(word) ?? 0) && !addable.has(word) && !before.has(word)) added.push(word);
  }
  for (const [word, count] of before) {
    if (count > (after.get(word) ?? 0) && !droppable.has(word)) dropped.push(word);
  }
  return { added, dropped };
}
