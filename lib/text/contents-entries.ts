// A table of contents whose lines were run together into one paragraph
// ("Chapitre I Dans quel miroir M. Madeleine regarde ses cheveux Chapitre II
// Fantine heureuse Chapitre III …", as a hard-wrapped text file or a
// typeset list gives it): read as a sentence it would be cut into pieces
// that name nothing. Its entries are headings, each a row of its own.

// An entry opens on a division's name and its number: "Chapitre IV", "Livre huitième", "PARTIE 2".
const entryStart =
  /(?:^|\s)(?=(?:chapitre|livre|partie|tome|volume)\s+(?:[ivxlc]+\b|\d+\b|premier|première|deuxième|troisième|quatrième|cinquième|sixième|septième|huitième|neuvième|dixième|onzième|douzième|second|seconde))/giu;
// Two entries are a mention in a sentence ("le chapitre II et le chapitre III"); three are a list.
const minEntries = 3;

/** The entries of a table of contents run together, or undefined when `text` is not one. */
export function contentsEntries(text: string): string[] | undefined {
  const starts = [...text.matchAll(entryStart)].map((match) => match.index + match[0].length);
  if (starts.length < minEntries || text.slice(0, starts[0]).trim() !== "") return undefined;
  const entries = starts.map((start, index) => text.slice(start, starts[index + 1]).trim());
  // A sentence ends inside none of them: a table of contents has titles, not sentences.
  if (entries.slice(0, -1).some((entry) => /[.!?…]$/u.test(entry))) return undefined;
  return entries;
}
