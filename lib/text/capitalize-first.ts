// A piece that now opens a sentence: its first letter a capital, after any
// opening marks ("«", "--").

/** `text` with its first letter, past any marks before it, in capitals. */
export function capitalizeFirst(text: string): string {
  return text.replace(/^([^\p{L}]*)(\p{Ll})/u, (_, marks: string, letter: string) => marks + letter.toUpperCase());
}
