// What the product calls a word: a whitespace-separated token with at least
// one letter or digit. Punctuation standing alone (« — ; : ! ?) is not a word,
// and elisions or hyphenated forms ("l'homme", "demanda-t-elle") count once.

const hasLetterOrDigit = /[\p{L}\p{N}]/u;

/** The words of a text, in order, exactly as written (punctuation attached). */
export function listWords(text: string): string[] {
  return text.split(/\s+/u).filter((token) => hasLetterOrDigit.test(token));
}

export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/u)) if (hasLetterOrDigit.test(token)) count++;
  return count;
}

export function isWord(token: string): boolean {
  return hasLetterOrDigit.test(token);
}
