// The upload's buffer grows with the bytes that arrive: allocated at the
// declared Content-Length, a client that declared 40 MB and sent a trickle
// held 40 MB of the web process per connection. And a whole upload read that
// way is still a real PDF the inspection thread reads.
import { describe, expect, it } from "vitest";
import { readPdfUpload } from "@/lib/api/read-pdf-upload";
import { inspectPdfSafely } from "@/lib/pdf/inspect-pdf-safely";
import { loadCorpusText, makeNovelPdf } from "@/tests/fixtures/make-novel-pdf";

const boundary = "growth-test";
const head = new TextEncoder().encode(
  `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="book.pdf"\r\n\r\n`,
);
const tail = new TextEncoder().encode(`\r\n--${boundary}--\r\n`);

function slowRequest(declared: number, pieces: Uint8Array[]) {
  let release = () => {};
  const finished = new Promise<void>((resolve) => (release = resolve));
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (pulled < pieces.length) {
        controller.enqueue(pieces[pulled++]!);
        return;
      }
      await finished;
      controller.close();
    },
  });
  const request = new Request("http://localhost/api/jobs", {
    method: "POST",
    headers: { "content-type": `multipart/form-data; boundary=${boundary}`, "content-length": String(declared) },
    body: stream,
    duplex: "half",
  } as RequestInit);
  return { request, release, pulledAll: () => pulled === pieces.length };
}

describe("readPdfUpload's buffer", () => {
  it("holds about what has arrived, not the declared length", async () => {
    const declared = 40 * 2 ** 20;
    const { request, release, pulledAll } = slowRequest(declared, [head, new Uint8Array(1024)]);
    const before = process.memoryUsage().arrayBuffers;
    const reading = readPdfUpload(request, { maxBytes: 50 * 2 ** 20 }).catch((error: Error) => error);
    while (!pulledAll()) await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    const grown = process.memoryUsage().arrayBuffers - before;
    expect(grown).toBeLessThan(4 * 2 ** 20);
    release();
    // The body ended short of its Content-Length and without a closing delimiter.
    expect(await reading).toBeInstanceOf(Error);
  });

  it("reads a whole upload sent in small pieces, and the PDF in it", async () => {
    const pdf = await makeNovelPdf({ text: loadCorpusText("bovary", { words: 3000 }), pages: 5, title: "Court" });
    const body = Buffer.concat([head, pdf, tail]);
    const pieces: Uint8Array[] = [];
    for (let offset = 0; offset < body.byteLength; offset += 7000) pieces.push(body.subarray(offset, offset + 7000));
    const { request, release } = slowRequest(body.byteLength, pieces);
    release();
    const upload = await readPdfUpload(request, { maxBytes: 50 * 2 ** 20 });
    expect(Buffer.from(upload.bytes).equals(Buffer.from(pdf))).toBe(true);
    expect((await inspectPdfSafely(upload.bytes, { maxBytes: 50 * 2 ** 20, maxPages: 1000 })).pageCount).toBe(5);
  });
});
