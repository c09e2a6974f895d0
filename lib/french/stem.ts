// French stemming (Snowball's French algorithm, from @orama/stemmers), so
// that "regardait", "regarda" and "regarder" count as the same word when a
// rewrite is compared with its original.
import { stemmer } from "@orama/stemmers/french";

// A novel uses a few tens of thousands of forms, each checked many times
// (every rewrite is compared with its sentence): each is stemmed once.
const stems = new Map<string, string>();
const maxStems = 200_000;

/** The stem of one lowercase word ("maisons" → "maison", "regardait" → "regard"). */
export function stemFrench(word: string): string {
  const lower = word.toLowerCase();
  let stem = stems.get(lower);
  if (stem === undefined) {
    if (stems.size >= maxStems) stems.clear();
    stems.set(lower, (stem = stemmer(lower)));
  }
  return stem;
}
