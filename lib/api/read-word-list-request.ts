// A word list arrives as a multipart upload (`file`, optional `name`) or as
// JSON `{ name, text }`. Files saved by spreadsheet apps are often
// Windows-1252 rather than UTF-8: those are decoded as such, not garbled.
import { readCappedBody } from "@/lib/api/read-capped-body";
import { AppError } from "@/lib/errors";
import {
  createWordListBody,
  maxWordListBytes,
  maxWordListRequestBytes,
  wordListName,
} from "@/lib/validations/study-set";

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

const tooLargeMessage = "The list is larger than 1 MB; split it into several lists.";

function tooLarge(): AppError {
  return new AppError("payload_too_large", tooLargeMessage, { maxBytes: maxWordListBytes });
}

export async function readWordListRequest(request: Request): Promise<{ name: string; text: string }> {
  const contentType = (request.headers.get("content-type") ?? "").toLowerCase();
  const isJson = contentType.startsWith("application/json");
  if (!isJson && !contentType.startsWith("multipart/form-data")) {
    throw new AppError(
      "unsupported_media_type",
      "Send the list as multipart/form-data with a `file`, or as JSON { name, text }.",
    );
  }
  const bytes = await readCappedBody(request, { maxBytes: maxWordListRequestBytes, message: tooLargeMessage });

  if (isJson) {
    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      throw new AppError("bad_request", "The request body must be JSON.");
    }
    return createWordListBody.parse(body);
  }
  let form: FormData;
  try {
    // Parsed from the bytes already read under the cap, never from the socket.
    const capped = new Response(bytes as Uint8Array<ArrayBuffer>, {
      headers: { "content-type": request.headers.get("content-type")! },
    });
    form = await capped.formData();
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
