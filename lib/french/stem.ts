// French stemming (Snowball's French algorithm, from @orama/stemmers), so
// that "regardait", "regarda" and "regarder" count as the same word when a
// rewrite is compared with its original.
import { stemmer } from "@orama/stemmers/french";

/** The stem of one lowercase word ("maisons" → "maison", "regardait" → "regard"). */
export function stemFrench(word: string): string {
  return stemmer(word.toLowerCase());
}
