// A word list arrives as a multipart upload (`file`, optional `name`) or as
// JSON `{ name, text }`. Files saved by spreadsheet apps are often
// Windows-1252 rather than UTF-8: those are decoded as such, not garbled.
import { AppError } from "@/lib/errors";
import { createWordListBody, maxWordListBytes, wordListName } from "@/lib/validations/study-set";

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

function tooLarge(): AppError {
  return new AppError("payload_too_large", "The list is larger than 1 MB; split it into several lists.", {
    maxBytes: maxWordListBytes,
  });
}

export async function readWordListRequest(request: Request): Promise<{ name: string; text: string }> {
  const contentType = (request.headers.get("content-type") ?? "").toLowerCase();
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxWordListBytes + 64 * 1024) throw tooLarge();

  if (contentType.startsWith("application/json")) {
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      throw new AppError("bad_request", "The request body must be JSON.");
    }
    return createWordListBody.parse(body);
  }
  if (!contentType.startsWith("multipart/form-data")) {
    throw new AppError(
      "unsupported_media_type",
      "Send the list as multipart/form-data with a `file`, or as JSON { name, text }.",
    );
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new AppError("bad_request", "The upload could not be read as multipart/form-data.");
  }
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("invalid_input", "Choose a CSV or text file in the `file` field.", { field: "file" });
  if (file.size > maxWordListBytes) throw tooLarge();
  const givenName = form.get("name");
  const name = wordListName.parse(
    typeof givenName === "string" && givenName.trim() !== "" ? givenName : file.name.replace(/\.(csv|txt|tsv)$/iu, ""),
  );
  return { name, text: decodeText(new Uint8Array(await file.arrayBuffer())) };
}
