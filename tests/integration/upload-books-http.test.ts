// EPUB and text books over HTTP, against the real web process: each is
// sniffed by its content (whatever its name), estimated in sections of
// about 300 words, and started; what cannot be read gets its own clear 4xx
// (a ZIP that is no EPUB, DRM, a zip bomb, a huge chapter, a text in an
// encoding that decodes to garbage, an empty book), with nothing stored or reserved.
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/prisma";
import { corpusMissing } from "@/tests/fixtures/corpus-text";
import { epubFiles, gutenbergText, makeEpub, utf8, zipFiles } from "@/tests/fixtures/make-book-files";
import { pdfForm, signUpAndSignIn, type HttpClient } from "@/tests/support/http-client";
import { zipSync } from "fflate";

interface Answer {
  error?: { code: string; message: string };
  job?: { id: string; format: string; pageCount: number };
  pageCount?: number;
  format?: string;
  price?: number;
}

afterAll(async () => {
  await disconnectDb();
});

async function post(client: HttpClient, path: string, bytes: Uint8Array, fileName: string) {
  return client.json<Answer>(path, { method: "POST", body: pdfForm(bytes, { engine: "local", maxWords: "8" }, fileName) });
}

describe.skipIf(corpusMissing())("EPUB and text uploads over HTTP", () => {
  it("estimates and starts an EPUB and a text file, told apart by content and not by name", async () => {
    const user = await signUpAndSignIn();
    const books: [Uint8Array, string, string][] = [
      [makeEpub({ words: 2000 }), "roman.epub", "epub"],
      [utf8(gutenbergText({ words: 2000 })), "roman.txt", "text"],
      // Misnamed: still read for what they are.
      [utf8(gutenbergText({ words: 1500 })), "roman.pdf", "text"],
    ];
    for (const [bytes, fileName, format] of books) {
      const estimate = await post(user, "/api/jobs/estimate", bytes, fileName);
      expect(estimate.status, fileName).toBe(200);
      expect(estimate.body.format).toBe(format);
      const created = await post(user, "/api/jobs", bytes, fileName);
      expect(created.status, fileName).toBe(202);
      expect(created.body.job).toMatchObject({ format, pageCount: estimate.body.pageCount });
    }
  });

  it("refuses what cannot be read, each with its own clear 4xx, storing and reserving nothing", async () => {
    const user = await signUpAndSignIn();
    const before = (await user.json<{ balance: number }>("/api/credits")).body.balance;
    const files = (changes: Record<string, string | Uint8Array | null>) => zipFiles(epubFiles({ words: 500, files: changes }));
    const cases: { name: string; bytes: Uint8Array; status: number; code: string; message: RegExp }[] = [
      { name: "a ZIP that is no EPUB", bytes: zipSync({ "notes.txt": utf8("Des notes de lecture.") }), status: 415, code: "unsupported_media_type", message: /ZIP archive, not an EPUB/u },
      { name: "DRM", bytes: files({ "META-INF/rights.xml": "<rights/>" }), status: 422, code: "book_encrypted", message: /DRM/u },
      { name: "a broken container", bytes: files({ "OEBPS/content.opf": null }), status: 422, code: "book_invalid", message: /package document/u },
      { name: "a zip bomb", bytes: files({ "OEBPS/chapter-1.xhtml": new Uint8Array(64 * 1024 * 1024).fill(0x20) }), status: 422, code: "book_invalid", message: /unpacks to more than/u },
      { name: "a text in KOI8-R", bytes: new Uint8Array([0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4, 0x2c, 0x20, 0xcd, 0xc9, 0xd2, 0x21, 0x0a]), status: 422, code: "book_invalid", message: /garbage/u },
      { name: "an empty book", bytes: utf8("\n\n   \n— 12 —\n"), status: 422, code: "book_invalid", message: /no text/u },
      // Longer than MAX_PAGES sections could hold: refused before it is read.
      { name: "a text too long", bytes: utf8("Elle regardait la campagne. ".repeat(260_000)), status: 422, code: "pdf_too_many_pages", message: /sections of about 300 words/u },
    ];
    for (const entry of cases) {
      const response = await post(user, "/api/jobs", entry.bytes, "livre.epub");
      expect(response.status, entry.name).toBe(entry.status);
      expect(response.body.error?.code, entry.name).toBe(entry.code);
      expect(response.body.error?.message, entry.name).toMatch(entry.message);
    }
    expect((await user.json<{ balance: number }>("/api/credits")).body.balance).toBe(before);
    expect(await db().job.count({ where: { userId: user.userId! } })).toBe(0);
    expect(await db().document.count({ where: { userId: user.userId! } })).toBe(0);
  });
});
