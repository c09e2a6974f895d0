// Reads a multipart upload without ever holding more than the size limit in
// memory: Content-Length is checked first, then the body is counted while it
// streams and abandoned as soon as it passes the limit. Only the capped buffer
// is handed to the multipart parser.
import { AppError } from "@/lib/errors";

export interface PdfUpload {
  fileName: string;
  bytes: Uint8Array;
  /** The other form fields, as strings. */
  fields: Record<string, string>;
}

// Multipart framing (boundaries, part headers, small fields) on top of the file.
const framingAllowance = 64 * 1024;

function tooLarge(maxBytes: number): AppError {
  const megabytes = Math.round(maxBytes / (1024 * 1024));
  return new AppError(
    "payload_too_large",
    `This file is larger than the ${megabytes} MB limit. Upload a smaller PDF or split the book.`,
    { maxBytes },
  );
}

export async function readPdfUpload(request: Request, options: { maxBytes: number }): Promise<PdfUpload> {
  const { maxBytes } = options;
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) {
    throw new AppError(
      "unsupported_media_type",
      "Send the book as multipart/form-data with the PDF in a field named `file`.",
    );
  }
  const cap = maxBytes + framingAllowance;
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > cap) throw tooLarge(maxBytes);
  if (!request.body) throw new AppError("invalid_input", "Choose a PDF file to upload.");

  const parts: Uint8Array[] = [];
  let received = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > cap) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    parts.push(value);
  }
  const body = new Uint8Array(received);
  let offset = 0;
  for (const part of parts) {
    body.set(part, offset);
    offset += part.byteLength;
  }

  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new AppError("bad_request", "The upload could not be read as multipart/form-data.");
  }
  const file = form.get("file");
  if (!file || typeof file === "string") {
    throw new AppError("invalid_input", "Choose a PDF file to upload (form field `file`).");
  }
  if (file.size > maxBytes) throw tooLarge(maxBytes);

  const fields: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (name !== "file" && typeof value === "string") fields[name] = value;
  }
  return { fileName: file.name || "book.pdf", bytes: new Uint8Array(await file.arrayBuffer()), fields };
}
