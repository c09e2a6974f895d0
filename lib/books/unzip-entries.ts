// Reads the entries of a ZIP archive that the caller wants, with fflate,
// counting the bytes they inflate to as they inflate: past the book's limit,
// or past one entry's limit, reading stops with a clear refusal. The archive
// is pushed in small slices, so a bomb is caught after at most one slice's
// worth of output (deflate inflates at most about 1,000 times), never after
// it filled the memory; entries the caller does not want (images, fonts)
// are never inflated at all.
import { Unzip, UnzipInflate, UnzipPassThrough } from "fflate";
import { AppError } from "@/lib/errors";

export interface UnzipLimits {
  /** Most bytes all wanted entries may inflate to together. */
  maxInflatedBytes: number;
  /** Most bytes one entry may inflate to (a chapter, the package document). */
  maxEntryBytes: number;
}

const sliceBytes = 16 * 1024;
const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

export function unzipEntries(bytes: Uint8Array, limits: UnzipLimits, want: (name: string) => boolean): Map<string, Uint8Array> {
  const entries = new Map<string, Uint8Array>();
  let total = 0;
  let refusal: AppError | undefined;
  const unzip = new Unzip((file) => {
    if (!want(file.name) || refusal) return;
    const pieces: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (refusal) return;
      if (error) {
        refusal = new AppError("book_invalid", "The EPUB is damaged: one of its files cannot be unpacked.", { entry: file.name }, error);
        return;
      }
      size += chunk.length;
      total += chunk.length;
      if (size > limits.maxEntryBytes) {
        refusal = new AppError(
          "book_invalid",
          `One file inside this EPUB (${file.name}) unpacks to more than ${megabytes(limits.maxEntryBytes)}; a chapter is never that large, so the book is refused.`,
          { entry: file.name, maxEntryBytes: limits.maxEntryBytes },
        );
        file.terminate();
        return;
      }
      if (total > limits.maxInflatedBytes) {
        refusal = new AppError(
          "book_invalid",
          `This EPUB unpacks to more than ${megabytes(limits.maxInflatedBytes)} of text (a compressed "bomb", or not a book); it is refused.`,
          { maxInflatedBytes: limits.maxInflatedBytes },
        );
        file.terminate();
        return;
      }
      pieces.push(chunk);
      if (final) entries.set(file.name, Buffer.concat(pieces));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    for (let offset = 0; offset < bytes.length && !refusal; offset += sliceBytes) {
      const end = Math.min(bytes.length, offset + sliceBytes);
      unzip.push(bytes.subarray(offset, end), end === bytes.length);
    }
  } catch (error) {
    if (refusal) throw refusal;
    throw new AppError("book_invalid", "The EPUB is damaged (its ZIP container cannot be read).", undefined, error);
  }
  if (refusal) throw refusal;
  return entries;
}
