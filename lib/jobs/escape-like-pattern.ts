// Prisma's `contains` builds a LIKE pattern without escaping, so a search for
// "100%" or "l_a" would match far more than typed. Postgres's default LIKE
// escape character is the backslash.
export function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
