// Word lists and study sets belong to their owner: anyone else, and any
// malformed id, gets the same 404 as a missing one, so ids cannot be probed.
import { isUuid } from "@/lib/validations/uuid";
import { AppError } from "@/lib/errors";

export function wordListNotFound(): AppError {
  return new AppError("not_found", "This word list does not exist.");
}

export function studySetNotFound(): AppError {
  return new AppError("not_found", "This study set does not exist.");
}

/** Throws `notFound()` unless the id is well formed and the row (if any) is the user's. */
export function assertOwned<T extends { userId: string }>(
  row: T | null,
  userId: string,
  notFound: () => AppError,
): asserts row is T {
  if (!row || row.userId !== userId) throw notFound();
}

export function assertId(id: string, notFound: () => AppError): void {
  if (!isUuid(id)) throw notFound();
}
