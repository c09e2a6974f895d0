// A text file's bytes to a string. UTF-8 (with or without its byte-order
// mark) is tried strictly first, since a French text in Windows-1252 is
// never valid UTF-8 (its accented letters are lone high bytes); what is not
// UTF-8 is read as Windows-1252, the encoding of most older French text
// files. A file in some other encoding decodes to garbage either way (Cyrillic
// as accented Latin letters, binary as control characters): that is refused
// rather than turned into thousands of meaningless sentences.
import { AppError } from "@/lib/errors";

export type TextEncodingName = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";

// Letters a French text uses, case aside; others (ß, Ø, Þ, ¤…) count as strange.
const frenchLetter = /[a-zàâäæçéèêëîïôöœùûüÿ]/u;
const controlCharacter = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\ufffd]/gu;

function encodingOf(bytes: Uint8Array): { encoding: TextEncodingName; skip: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", skip: 2 };
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return { encoding: "utf-8", skip: 0 };
  } catch {
    return { encoding: "windows-1252", skip: 0 };
  }
}

/** Why the decoded text is no French book, or undefined when it reads as one. */
export function garbageReason(text: string): string | undefined {
  const sample = text.length > 400_000 ? text.slice(0, 200_000) + text.slice(-200_000) : text;
  const controls = sample.match(controlCharacter)?.length ?? 0;
  if (controls > Math.max(2, sample.length * 0.001)) return "control characters";
  let letters = 0;
  let strange = 0;
  for (const character of sample.toLowerCase()) {
    if (!/\p{L}/u.test(character)) continue;
    letters++;
    if (!frenchLetter.test(character)) strange++;
  }
  if (letters === 0) return "no letters";
  if (strange > letters * 0.02) return "letters no French text uses";
  return undefined;
}

export function decodeTextFile(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const { encoding, skip } = encodingOf(bytes);
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: encoding !== "windows-1252" }).decode(bytes.subarray(skip));
  } catch (error) {
    throw new AppError("book_invalid", "This text file could not be decoded. Save it as UTF-8 and upload it again.", { encoding }, error);
  }
  const reason = garbageReason(text);
  if (reason === "no letters") {
    throw new AppError("book_invalid", "This text file holds no text to read.", { encoding });
  }
  if (reason) {
    throw new AppError(
      "book_invalid",
      "This text file is not in an encoding the app reads (UTF-8 or Windows-1252): it decodes to garbage. Save it as UTF-8 and upload it again.",
      { encoding, reason },
    );
  }
  return { text, encoding };
}
