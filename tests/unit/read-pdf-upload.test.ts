// The upload's multipart reader: what it reads, what it refuses, and that an
// upload built to make the boundary search slow cannot hold the web process.
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { readPdfUpload } from "@/lib/api/read-pdf-upload";

const pdf = new TextEncoder().encode("%PDF-1.7\n%fake\n%%EOF\n");

function uploadRequest(body: Uint8Array<ArrayBuffer>, contentType: string): Request {
  return new Request("http://localhost/api/jobs", {
    method: "POST",
    headers: { "content-type": contentType, "content-length": String(body.byteLength) },
    body,
  });
}

function read(body: Uint8Array<ArrayBuffer>, contentType: string, maxBytes = 1024 * 1024) {
  return readPdfUpload(uploadRequest(body, contentType), { maxBytes });
}

const multipartType = (boundary: string) => `multipart/form-data; boundary="${boundary}"`;

function multipartBody(
  boundary: string,
  parts: { name: string; fileName?: string; content: Uint8Array | string }[],
): Uint8Array<ArrayBuffer> {
  const encoder = new TextEncoder();
  const pieces: Uint8Array[] = [];
  for (const part of parts) {
    const fileName = part.fileName === undefined ? "" : `; filename="${part.fileName}"`;
    const disposition = `form-data; name="${part.name}"${fileName}`;
    pieces.push(encoder.encode(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n`));
    pieces.push(typeof part.content === "string" ? encoder.encode(part.content) : part.content);
    pieces.push(encoder.encode("\r\n"));
  }
  pieces.push(encoder.encode(`--${boundary}--\r\n`));
  return Buffer.concat(pieces);
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("reading a PDF upload", () => {
  it("reads the file and the other fields, with a quoted boundary too", async () => {
    for (const [boundary, header] of [
      ["----WebKitFormBoundary7MA4YWxkTrZu0gW", "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW"],
      ["a'b(c)+_,-./:=? d", 'multipart/form-data; boundary="a\'b(c)+_,-./:=? d"'],
    ] as const) {
      const body = multipartBody(boundary, [
        { name: "engine", content: "local" },
        { name: "file", fileName: "Madame Bovary.pdf", content: pdf },
      ]);
      const upload = await read(body, header);
      expect(upload.fileName).toBe("Madame Bovary.pdf");
      expect(Buffer.from(upload.bytes).equals(Buffer.from(pdf))).toBe(true);
      expect(upload.fields).toEqual({ engine: "local" });
    }
  });

  it("keeps its size limit (413) and its answers to other media types (415) and missing files (422)", async () => {
    const boundary = "x".repeat(30);
    const big = multipartBody(boundary, [{ name: "file", fileName: "big.pdf", content: new Uint8Array(200 * 1024) }]);
    expect((await refusal(read(big, multipartType(boundary), 100 * 1024))).status).toBe(413);
    expect((await refusal(read(pdf, "application/pdf"))).status).toBe(415);
    const noFile = multipartBody(boundary, [{ name: "engine", content: "local" }]);
    expect((await refusal(read(noFile, multipartType(boundary)))).status).toBe(422);
  });

  it("refuses a boundary RFC 2046 does not allow (over 70 characters, or other characters) with 400", async () => {
    for (const boundary of ["b".repeat(71), "bad\u00e9boundary", "ends-with-space "]) {
      const body = multipartBody(boundary, [{ name: "file", fileName: "book.pdf", content: pdf }]);
      const error = await refusal(read(body, multipartType(boundary)));
      expect(error.status, boundary).toBe(400);
      expect(error.code).toBe("bad_request");
      expect(error.message).toMatch(/boundary/);
    }
    // The longest boundary the RFC allows is still read.
    const longest = "b".repeat(70);
    const body = multipartBody(longest, [{ name: "file", fileName: "book.pdf", content: pdf }]);
    const upload = await read(body, `multipart/form-data; boundary=${longest}`);
    expect(upload.bytes.byteLength).toBe(pdf.byteLength);
  });

  // A body of dashes and a boundary of dashes ending in another character:
  // a byte-by-byte search compares the whole boundary at every offset. The
  // budgets are generous (a linear search takes a few hundred milliseconds);
  // the old search took about 30 s and 8 s on these.
  it("refuses a 4,000-character boundary on a 4 MB body at once", async () => {
    const body = new Uint8Array(4 * 1024 * 1024).fill(45);
    const started = performance.now();
    const error = await refusal(read(body, `multipart/form-data; boundary=${"-".repeat(3999)}x`, 50 * 1024 * 1024));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/boundary/);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("searches a 40 MB body for a 70-character boundary in linear time", async () => {
    const body = new Uint8Array(40 * 1024 * 1024).fill(45);
    const started = performance.now();
    const error = await refusal(read(body, `multipart/form-data; boundary=${"-".repeat(69)}x`, 50 * 1024 * 1024));
    expect(error.status).toBe(400);
    expect(performance.now() - started).toBeLessThan(2_500);
  });
});
