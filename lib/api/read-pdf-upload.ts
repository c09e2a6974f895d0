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
/** The body buffer's first size; it doubles as bytes arrive. */
const initialBufferBytes = 256 * 1024;

/** A growable SharedArrayBuffer (ES2024, Node 20+), which the project's TypeScript lib does not describe yet. */
interface GrowableSharedArrayBuffer extends SharedArrayBuffer {
  grow(newLength: number): void;
}
const GrowableSharedArrayBuffer = SharedArrayBuffer as unknown as new (
  length: number,
  options: { maxByteLength: number },
) => GrowableSharedArrayBuffer;

function tooLarge(maxBytes: number): AppError {
  const megabytes = Math.round(maxBytes / (1024 * 1024));
  return new AppError(
    "payload_too_large",
    `This file is larger than the ${megabytes} MB limit. Upload a smaller file or split the book.`,
    { maxBytes },
  );
}

export async function readPdfUpload(request: Request, options: { maxBytes: number }): Promise<PdfUpload> {
  const { maxBytes } = options;
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) {
    throw new AppError(
      "unsupported_media_type",
      "Send the book as multipart/form-data with the file (PDF, EPUB or text) in a field named `file`.",
    );
  }
  const cap = maxBytes + framingAllowance;
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > cap) throw tooLarge(maxBytes);
  // Checked before the body is read: a bad boundary is refused without first
  // holding up to the size limit in memory.
  const boundary = multipartBoundary(contentType);
  if (!request.body) throw new AppError("invalid_input", "Choose a book to upload (PDF, EPUB or text).");

  const body = await readCapped(request.body, cap, Number.isFinite(declared) ? declared : 0, maxBytes);
  const form = parseMultipart(body, boundary);
  const file = form.files.get("file");
  if (!file) throw new AppError("invalid_input", "Choose a book to upload: PDF, EPUB or text (form field `file`).");
  if (file.bytes.byteLength > maxBytes) throw tooLarge(maxBytes);
  return { fileName: file.fileName || "book.pdf", bytes: file.bytes, fields: form.fields };
}

/**
 * The body in one buffer, in shared memory so the PDF inspection thread reads
 * it without a copy. The buffer grows with the bytes received (doubling, up to
 * Content-Length or the cap): allocated at the declared length, a slow client
 * that declared 50 MB and sent a trickle held 50 MB per connection.
 */
async function readCapped(
  stream: ReadableStream<Uint8Array>,
  cap: number,
  declared: number,
  maxBytes: number,
): Promise<Uint8Array> {
  const limit = declared > 0 ? Math.min(cap, declared) : cap;
  // Growable: only the bytes grown to are allocated, the maximum is a bound.
  const buffer = new GrowableSharedArrayBuffer(Math.min(initialBufferBytes, limit), { maxByteLength: limit });
  const body = new Uint8Array(buffer);
  let received = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (received + value.byteLength > limit) {
      await reader.cancel().catch(() => {});
      if (received + value.byteLength > cap) throw tooLarge(maxBytes);
      throw new AppError("bad_request", "The upload is longer than its Content-Length header says.");
    }
    if (received + value.byteLength > buffer.byteLength) {
      buffer.grow(Math.min(limit, Math.max(received + value.byteLength, 2 * buffer.byteLength)));
    }
    // A view without a length follows the buffer as it grows.
    body.set(value, received);
    received += value.byteLength;
  }
  return body.subarray(0, received);
}

const crlf2 = new Uint8Array([13, 10, 13, 10]);

// RFC 2046 §5.1.1: 1 to 70 characters from this set, the last not a space.
// Refusing longer ones also bounds the search below: even Buffer#indexOf
// slows with a long needle built to nearly match everywhere (a 4,000-character
// boundary on 4 MB of dashes took seconds).
const maxBoundaryLength = 70;
const boundaryPattern = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/u;

function multipartBoundary(contentType: string): string {
  const boundaryMatch = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = boundaryMatch?.[1] ?? boundaryMatch?.[2];
  if (!boundary) throw new AppError("bad_request", "The upload could not be read as multipart/form-data.");
  if (!boundaryPattern.test(boundary)) {
    throw new AppError(
      "bad_request",
      `The multipart boundary must be 1 to ${maxBoundaryLength} letters, digits or ' ( ) + _ , - . / : = ? ` +
        "and spaces, not ending with a space (RFC 2046).",
      { maxBoundaryLength },
    );
  }
  return boundary;
}

/**
 * multipart/form-data (RFC 7578) read in place: file parts are views of the
 * body, so the upload exists once in memory (FormData would copy it twice).
 */
function parseMultipart(
  bytes: Uint8Array,
  boundary: string,
): { files: Map<string, { fileName: string; bytes: Uint8Array }>; fields: Record<string, string> } {
  // The same memory seen as a Buffer, for its native search: a byte-by-byte
  // search in JavaScript compared the whole delimiter at every offset, and a
  // body of dashes held the event loop for seconds.
  const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const unreadable = () => new AppError("bad_request", "The upload could not be read as multipart/form-data.");
  const delimiter = new TextEncoder().encode(`\r\n--${boundary}`);
  const utf8 = new TextDecoder();
  const files = new Map<string, { fileName: string; bytes: Uint8Array }>();
  const fields: Record<string, string> = {};

  // The first delimiter may open the body without the leading CRLF.
  let position = body.indexOf(delimiter.subarray(2), 0);
  if (position < 0) throw unreadable();
  position += delimiter.length - 2;
  for (;;) {
    if (body[position] === 45 && body[position + 1] === 45) break; // "--": the closing delimiter
    const headersEnd = body.indexOf(crlf2, position);
    if (headersEnd < 0) throw unreadable();
    const headers = utf8.decode(bytes.subarray(position, headersEnd));
    const next = body.indexOf(delimiter, headersEnd + 4);
    if (next < 0) throw unreadable();
    const content = bytes.subarray(headersEnd + 4, next);
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
