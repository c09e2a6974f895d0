// Every id in the database is a uuid (jobs, chunks, users, word lists, study
// sets, pg-boss jobs). A malformed id is checked here before any query, so it
// gets the same 404 as a missing row instead of a database error.
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether the string is a uuid (any version, either case). */
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}
