// The PDF pipeline's guarantees for every kind of book: the same novel as a
// PDF, an EPUB (3 and 2), a Gutenberg text file (UTF-8, and Windows-1252 with CRLF) goes
// through the real queue and worker with the local engine, in several
// chunks. For each: the estimate is the reservation and the charge, every
// sentence comes once and in order across the seams, the publisher's (and
// Gutenberg's) pages stay out unless asked for, the export's location column
// names its unit, a chunk that fails for good leaves a partial book that a
// retry completes, and a cancel settles exactly.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readBookSections, findMatterSections } from "@/lib/books/read-book-sections";
import { createExport } from "@/lib/exports/create-export";
import { estimateJob } from "@/lib/jobs/estimate-job";
import { originalsFromPages } from "@/lib/text/originals-from-pages";
import { corpusMissing, loadCorpusText } from "@/tests/fixtures/corpus-text";
import { crlf, gutenbergText, makeEpub, toWindows1252, utf8 } from "@/tests/fixtures/make-book-files";
import { makeNovelPdf } from "@/tests/fixtures/make-novel-pdf";
import {
  createFundedUser,
  distinctOriginals,
  ledgerSum,
  sentencesOf,
  startPipeline,
  stopPipeline,
  waitFor,
  waitForJob,
  type Lib,
} from "@/tests/support/pipeline-harness";

interface BookCase {
  name: string;
  fileName: string;
  format: "pdf" | "epub" | "text";
  bytes: () => Promise<Uint8Array>;
}

const words = 6000;
const cases: BookCase[] = [
  {
    name: "PDF",
    fileName: "bovary.pdf",
    format: "pdf",
    bytes: () =>
      makeNovelPdf({
        text: loadCorpusText("bovary", { words, startAt: "Nous étions" }),
        title: "Madame Bovary",
        pages: 14,
        matter: { author: "Gustave Flaubert" },
        partTitle: "Première partie",
      }),
  },
  { name: "text, UTF-8", fileName: "bovary.txt", format: "text", bytes: async () => utf8(gutenbergText({ words })) },
  { name: "EPUB 3", fileName: "bovary.epub", format: "epub", bytes: async () => makeEpub({ words, version: 3 }) },
  { name: "EPUB 2", fileName: "bovary-2.epub", format: "epub", bytes: async () => makeEpub({ words, version: 2 }) },
  {
    name: "text, Windows-1252 and CRLF",
    fileName: "bovary-1252.txt",
    format: "text",
    bytes: async () => toWindows1252(crlf(gutenbergText({ words }))),
  },
];

let lib: Lib;

beforeAll(async () => {
  // Small chunks: every book has several seams.
  lib = await startPipeline({ CHUNK_PAGES: "4", CHUNK_OVERLAP_PAGES: "1", CHUNK_WINDOW: "2", CHUNK_RETRY_LIMIT: "1" });
  // The second chunk of a book named "Unlucky…" cannot be stored while the trigger exists: it fails for good.
  await lib.db().$executeRawUnsafe(`
    create function test_refuse_second_chunk() returns trigger language plpgsql as $$
    begin
      if new.status = 'done' and new.index = 1 and exists (select 1 from "Job" where id = new."jobId" and "fileName" like 'Unlucky%') then
        raise exception 'test: chunk % refused', new.index;
      end if;
      return new;
    end $$`);
});

afterAll(async () => {
  if (lib) await stopPipeline(lib);
});

async function readText(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe.skipIf(corpusMissing()).each(cases)("a book as $name", (book) => {
  it("estimates exactly what it reserves and charges, and gives every sentence once, in order, across the seams", async () => {
    const bytes = await book.bytes();
    const user = await createFundedUser(lib, 1000);
    const estimate = await estimateJob({ userId: user.id, bytes, engine: "local" });
    expect(estimate.format).toBe(book.format);
    const job = await lib.createJob({ userId: user.id, fileName: book.fileName, bytes, maxWords: 8, engine: "local" });
    expect(job.format).toBe(book.format);
    expect(job.pageCount).toBe(estimate.pageCount);
    const done = await waitForJob(lib, job.id);
    expect(done.status).toBe("succeeded");
    expect(done.chunksTotal).toBe(estimate.chunks);
    expect(done.chunksTotal).toBeGreaterThanOrEqual(3);
    expect(done.creditsReserved).toBe(estimate.prices.local);
    expect(done.creditsCharged).toBe(estimate.prices.local);
    const balance = (await lib.db().user.findUniqueOrThrow({ where: { id: user.id } })).creditBalance;
    expect(await ledgerSum(lib, user.id)).toBe(balance);

    const rows = await sentencesOf(lib, job.id);
    expect(rows.map((row) => row.position)).toEqual(rows.map((_, index) => index + 1));
    expect(Math.max(...rows.map((row) => row.wordCount))).toBeLessThanOrEqual(8);
    expect(rows.every((row) => row.page >= 1 && row.page <= done.pageCount)).toBe(true);
    const originals = distinctOriginals(rows.filter((row) => row.kind === "sentence"));
    expect(originals[0]!.startsWith("Nous étions")).toBe(true);
    expect(new Set(originals).size).toBeGreaterThan(originals.length * 0.97);
    // Nothing of the publisher's or Gutenberg's pages.
    const all = rows.map((row) => row.original).join("\n");
    expect(all).not.toMatch(/Gutenberg|ebooksgratuits|Du même auteur|Salammbô|ISBN|LICENSE|Note de l'éditeur|Table des matières/iu);
    expect(done.frontMatterPages).toBeGreaterThanOrEqual(1);

    if (book.format !== "pdf") {
      // Exactly the book read whole: the sections' sentences, less the edges' matter.
      const sections = readBookSections(book.format, bytes, { maxInflatedBytes: 64 << 20 });
      const matter = findMatterSections(sections);
      const whole = originalsFromPages(
        sections.pages,
        new Set(sections.pages.filter((_, index) => matter[index]).map((page) => page.page)),
        100,
      ).filter((original) => !original.matter);
      expect(distinctOriginals(rows)).toEqual(distinctOriginals(whole.map((original) => ({ original: original.text }))));
      expect(rows.filter((row) => row.kind === "heading").map((row) => row.text)).toEqual(
        expect.arrayContaining([book.format === "epub" ? "Première partie" : "PREMIÈRE PARTIE", "I", "II", "III"]),
      );
    }

    // The export names its location column by the unit.
    const csv = await readText((await createExport({ jobId: job.id, userId: user.id, format: "csv" })).body);
    const header = csv.replace(/^\uFEFF/u, "").split("\r\n")[0]!.split(",");
    expect(header[3]).toBe(book.format === "pdf" ? "page" : "section");
    const json = JSON.parse(await readText((await createExport({ jobId: job.id, userId: user.id, format: "json" })).body));
    expect(Object.keys(json[0])[3]).toBe(book.format === "pdf" ? "page" : "section");
  });

  it("keeps the publisher's pages when asked", async () => {
    const bytes = await book.bytes();
    const user = await createFundedUser(lib, 1000);
    const job = await lib.createJob({ userId: user.id, fileName: book.fileName, bytes, maxWords: 8, engine: "local", includeMatter: true });
    const done = await waitForJob(lib, job.id);
    expect(done.status).toBe("succeeded");
    const rows = await sentencesOf(lib, job.id);
    const all = rows.map((row) => row.original).join("\n");
    expect(all).toMatch(book.format === "pdf" ? /ISBN/u : /Salammbô/u);
    // Gutenberg's wrapper is never the book's text.
    expect(all).not.toMatch(/Project Gutenberg|LICENSE/u);
  });

  it("keeps the other chunks' rows when one fails for good, and a retry completes the book with exact credits", async () => {
    const bytes = await book.bytes();
    const user = await createFundedUser(lib, 1000);
    await lib.db().$executeRawUnsafe(
      `create trigger refuse_second_chunk before update on "Chunk" for each row execute function test_refuse_second_chunk()`,
    );
    let jobId: string;
    try {
      const job = await lib.createJob({ userId: user.id, fileName: `Unlucky ${book.fileName}`, bytes, maxWords: 8, engine: "local" });
      jobId = job.id;
      const partial = await waitForJob(lib, job.id);
      expect(partial.status).toBe("partial");
      expect(partial.chunksFailed).toBe(1);
      const failed = await lib.db().chunk.findFirstOrThrow({ where: { jobId: job.id, index: 1 } });
      const owned = failed.ownedLast - failed.ownedFirst + 1;
      expect(partial.creditsRefunded).toBe(owned);
      expect(partial.creditsCharged).toBe(partial.creditsReserved - owned);
      const rows = await sentencesOf(lib, job.id);
      expect(rows.length).toBeGreaterThan(50);
    } finally {
      await lib.db().$executeRawUnsafe(`drop trigger refuse_second_chunk on "Chunk"`);
    }
    await lib.retryFailedChunks({ jobId: jobId!, userId: user.id });
    const done = await waitForJob(lib, jobId!);
    expect(done.status).toBe("succeeded");
    expect(done.creditsCharged).toBe(done.pageCount);
    const balance = (await lib.db().user.findUniqueOrThrow({ where: { id: user.id } })).creditBalance;
    expect(await ledgerSum(lib, user.id)).toBe(balance);
    const rows = await sentencesOf(lib, jobId!);
    expect(rows.map((row) => row.position)).toEqual(rows.map((_, index) => index + 1));
    expect(distinctOriginals(rows.filter((row) => row.kind === "sentence"))[0]!.startsWith("Nous étions")).toBe(true);
  });

  it("stops on cancel with finished chunks kept and the rest refunded exactly", async () => {
    const bytes = await book.bytes();
    const user = await createFundedUser(lib, 1000);
    const job = await lib.createJob({ userId: user.id, fileName: book.fileName, bytes, maxWords: 8, engine: "local" });
    await waitFor(async () => (await lib.db().job.findUniqueOrThrow({ where: { id: job.id } })).chunksDone >= 1);
    await lib.cancelJob({ jobId: job.id, userId: user.id });
    const done = await waitForJob(lib, job.id);
    expect(["cancelled", "succeeded"]).toContain(done.status);
    expect(done.creditsCharged + done.creditsRefunded).toBe(done.creditsReserved);
    const balance = (await lib.db().user.findUniqueOrThrow({ where: { id: user.id } })).creditBalance;
    expect(await ledgerSum(lib, user.id)).toBe(balance);
  });
});
