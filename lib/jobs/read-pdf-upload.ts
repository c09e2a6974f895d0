// Reads a multipart upload without ever holding more than the size limit in
// memory: Content-Length is checked first, then the body is counted while it
// streams and abandoned as soon as it passes the limit. The body is held
// once: the PDF handed on is a view of it, shared with the inspection thread.
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

  const body = await readCapped(request.body, cap, Number.isFinite(declared) ? declared : 0, maxBytes);
  const form = parseMultipart(body, contentType);
  const file = form.files.get("file");
  if (!file) throw new AppError("invalid_input", "Choose a PDF file to upload (form field `file`).");
  if (file.bytes.byteLength > maxBytes) throw tooLarge(maxBytes);
  return { fileName: file.fileName || "book.pdf", bytes: file.bytes, fields: form.fields };
}

/**
 * The body in one buffer, in shared memory so the PDF inspection thread reads
 * it without a copy. With a Content-Length the buffer is allocated once at
 * that size and filled as the body streams; without one (chunked uploads,
 * rare) the pieces are gathered and joined once at the end.
 */
async function readCapped(
  stream: ReadableStream<Uint8Array>,
  cap: number,
  declared: number,
  maxBytes: number,
): Promise<Uint8Array> {
  const preallocated = declared > 0 ? new Uint8Array(new SharedArrayBuffer(declared)) : null;
  const pieces: Uint8Array[] = [];
  let received = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const limit = preallocated ? Math.min(cap, declared) : cap;
    if (received + value.byteLength > limit) {
      await reader.cancel().catch(() => {});
      if (received + value.byteLength > cap) throw tooLarge(maxBytes);
      throw new AppError("bad_request", "The upload is longer than its Content-Length header says.");
    }
    if (preallocated) preallocated.set(value, received);
    else pieces.push(value);
    received += value.byteLength;
  }
  if (preallocated) return preallocated.subarray(0, received);
  const body = new Uint8Array(new SharedArrayBuffer(received));
  let offset = 0;
  for (const piece of pieces.splice(0)) {
    body.set(piece, offset);
    offset += piece.byteLength;
  }
  return body;
}

const crlf2 = new Uint8Array([13, 10, 13, 10]);

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0]!;
  for (let index = haystack.indexOf(first, from); index >= 0; index = haystack.indexOf(first, index + 1)) {
    if (index + needle.length > haystack.length) return -1;
    let matches = true;
    for (let offset = 1; offset < needle.length; offset++) {
      if (haystack[index + offset] !== needle[offset]) {
        matches = false;
        break;
      }
    }
    if (matches) return index;
  }
  return -1;
}

/**
 * multipart/form-data (RFC 7578) read in place: file parts are views of the
 * body, so the upload exists once in memory (FormData would copy it twice).
 */
function parseMultipart(
  body: Uint8Array,
  contentType: string,
): { files: Map<string, { fileName: string; bytes: Uint8Array }>; fields: Record<string, string> } {
  const boundaryMatch = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = boundaryMatch?.[1] ?? boundaryMatch?.[2];
  const unreadable = () => new AppError("bad_request", "The upload could not be read as multipart/form-data.");
  if (!boundary) throw unreadable();
  const delimiter = new TextEncoder().encode(`\r\n--${boundary}`);
  const utf8 = new TextDecoder();
  const files = new Map<string, { fileName: string; bytes: Uint8Array }>();
  const fields: Record<string, string> = {};

  // The first delimiter may open the body without the leading CRLF.
  let position = indexOf(body, delimiter.subarray(2), 0);
  if (position < 0) throw unreadable();
  position += delimiter.length - 2;
  for (;;) {
    if (body[position] === 45 && body[position + 1] === 45) break; // "--": the closing delimiter
    const headersEnd = indexOf(body, crlf2, position);
    if (headersEnd < 0) throw unreadable();
    const headers = utf8.decode(body.subarray(position, headersEnd));
    const next = indexOf(body, delimiter, headersEnd + 4);
    if (next < 0) throw unreadable();
    const content = body.subarray(headersEnd + 4, next);
    const disposition = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? "";
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    const fileName = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
    if (name !== undefined) {
      if (fileName !== undefined) files.set(name, { fileName, bytes: content });
      else fields[name] = utf8.decode(content);
    }
    position = next + delimiter.length;
  }
  return { files, fields };
}
