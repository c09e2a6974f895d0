// Exports and sentence pages read straight from a 15,000-sentence book in
// the database: every format streams all rows with French text intact, and
// nobody but the owner (or an admin) can read them.
import ExcelJS from "exceljs";
import { insertSentences } from "@/tests/support/insert-sentences";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { createExport } from "@/lib/exports/create-export";
import { exportColumns } from "@/lib/exports/export-columns";
import { iterateSentences } from "@/lib/exports/iterate-sentences";
import { listSentences } from "@/lib/jobs/list-sentences";
import { signUpAndSignIn, type HttpClient } from "@/tests/support/http-client";
import { parseDelimited } from "../unit/parse-delimited";
import { makeJob, makeUser, retireMadeJobs } from "./api-factories";

const total = 15_000;

// Accents, ligatures, French quotes with no-break spaces, an em-dash dialogue
// line, a straight quote, a comma and a line break inside the original.
function sentence(position: number) {
  return {
    position,
    text: `${position} — Emma rêvait déjà à l’œuvre « Noël » ?`,
    original: `Phrase ${position} : « Où êtes-vous, Charles ? » demanda-t-elle,\n"ça" ne finit pas.`,
    page: Math.ceil(position / 25),
    wordCount: 8,
    // Every 500th row is a heading; other rows come in pairs cut from one sentence.
    kind: position % 500 === 0 ? ("heading" as const) : ("sentence" as const),
    part: position % 500 === 0 ? 1 : 2 - (position % 2),
    parts: position % 500 === 0 ? 1 : 2,
    method: position % 500 === 0 ? ("kept" as const) : ("split" as const),
    rewrittenBy: null,
  };
}
const headings = total / 500;

let owner: { id: string };
let stranger: { id: string };
let admin: { id: string };
let jobId: string;

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  owner = await makeUser();
  stranger = await makeUser();
  admin = await makeUser({ role: "admin" });
  const job = await makeJob({
    userId: owner.id,
    status: "succeeded",
    fileName: "Madame Bovary.pdf",
    pageCount: 600,
  });
  jobId = job.id;
  for (let start = 1; start <= total; start += 5000) {
    await insertSentences(
      jobId,
      Array.from({ length: 5000 }, (_, offset) => sentence(start + offset)),
    );
  }
  await db().job.update({ where: { id: jobId }, data: { sentenceCount: total } });
});

afterAll(async () => {
  await retireMadeJobs();
  await disconnectDb();
});

describe("createExport", () => {
  it("streams a CSV with BOM, header and every row intact", async () => {
    const file = await createExport({ jobId, userId: owner.id, format: "csv" });
    expect(file.contentType).toBe("text/csv; charset=utf-8");
    expect(file.contentDisposition).toBe(
      "attachment; filename=\"madame-bovary-phrases.csv\"; filename*=UTF-8''madame-bovary-phrases.csv",
    );
    const bytes = await readAll(file.body);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text.slice(1, text.indexOf("\r\n"))).toBe("position,text,original,page,words,kind,part,parts,method,rewrittenBy");
    const records = parseDelimited(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(total);
    const expected = sentence(7777);
    expect(records[7776]).toEqual({
      position: "7777",
      text: expected.text,
      original: expected.original,
      page: String(expected.page),
      words: "8",
      kind: "sentence",
      part: "1",
      parts: "2",
      method: "split",
      rewrittenBy: "",
    });
    expect(records[499]).toMatchObject({ position: "500", kind: "heading" });
    expect(records.at(-1)!.position).toBe(String(total));
  });

  it("streams Anki TSV: one line per sentence piece, no header, headings left out", async () => {
    const file = await createExport({ jobId, userId: owner.id, format: "tsv" });
    const text = (await readAll(file.body)).toString("utf8");
    const lines = text.trimEnd().split("\n");
    expect(lines).toHaveLength(total - headings);
    const first = parseDelimited(lines[0]!, { delimiter: "\t" })[0];
    expect(first).toEqual([sentence(1).text, sentence(1).original.replace("\n", " "), "1", "1/2", "split"]);
  });

  it("streams one JSON array of every sentence in order", async () => {
    const file = await createExport({ jobId, userId: owner.id, format: "json" });
    const rows = JSON.parse((await readAll(file.body)).toString("utf8")) as {
      position: number;
      text: string;
    }[];
    expect(rows).toHaveLength(total);
    expect(rows.every((row, index) => row.position === index + 1)).toBe(true);
    expect(rows[41]).toEqual({ ...sentence(42), wordCount: undefined, words: 8, rewrittenBy: "" });
    expect(rows[41]).toMatchObject({ part: 2, parts: 2 });
  });

  it("streams an XLSX workbook that opens with every row", async () => {
    const file = await createExport({ jobId, userId: owner.id, format: "xlsx" });
    expect(file.fileName).toBe("madame-bovary-phrases.xlsx");
    const bytes = await readAll(file.body);
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Phrases")!;
    expect(sheet.rowCount).toBe(total + 1);
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      "position",
      "text",
      "original",
      "page",
      "words",
      "kind",
      "part",
      "parts",
      "method",
      "rewrittenBy",
    ]);
    const row = sheet.getRow(1235).values as unknown[];
    expect(row.slice(1)).toEqual([
      1234,
      sentence(1234).text,
      sentence(1234).original,
      sentence(1234).page,
      8,
      "sentence",
      2,
      2,
      "split",
    ]);
  });

  it("keeps sentences that start like a formula as text in CSV, TSV and XLSX", async () => {
    const risky = await makeJob({ userId: owner.id, status: "succeeded", fileName: "Formules.pdf", pageCount: 1 });
    const texts = ["=HYPERLINK(\"http://x\")", "+1", "-1+1", "@A1"];
    await insertSentences(
      risky.id,
      texts.map((text, index) => ({
        position: index + 1,
        text,
        original: text,
        page: 1,
        wordCount: 1,
      })),
    );
    const expected = texts.map((text) => `'${text}`);

    const csv = await createExport({ jobId: risky.id, userId: owner.id, format: "csv" });
    const csvRows = parseDelimited((await readAll(csv.body)).toString("utf8"), { bom: true, columns: true });
    expect((csvRows as Record<string, string>[]).map((row) => row.text)).toEqual(expected);

    const tsv = await createExport({ jobId: risky.id, userId: owner.id, format: "tsv" });
    const tsvRows = parseDelimited((await readAll(tsv.body)).toString("utf8"), { delimiter: "\t" });
    expect((tsvRows as string[][]).map((row) => row[0])).toEqual(expected);

    const xlsx = await createExport({ jobId: risky.id, userId: owner.id, format: "xlsx" });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readAll(xlsx.body)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Phrases")!;
    const cells = texts.map((_, index) => sheet.getRow(index + 2).getCell(2));
    expect(cells.map((cell) => cell.value)).toEqual(expected);
    expect(cells.every((cell) => cell.type === ExcelJS.ValueType.String)).toBe(true);
  });

  it("answers 404 to another user and serves an admin", async () => {
    const error = await createExport({ jobId, userId: stranger.id, format: "csv" }).catch((caught) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(404);
    const notAnId = await createExport({ jobId: "not-a-uuid", userId: owner.id, format: "csv" }).catch(
      (caught) => caught,
    );
    expect((notAnId as AppError).status).toBe(404);
    const file = await createExport({ jobId, userId: admin.id, isAdmin: true, format: "json" });
    await file.body.cancel();
  });

  it("refuses to export a book that is still being processed", async () => {
    const running = await makeJob({ userId: owner.id, status: "running" });
    const error = await createExport({ jobId: running.id, userId: owner.id, format: "csv" }).catch(
      (caught) => caught,
    );
    expect((error as AppError).code).toBe("conflict");
  });
});

// A small book made every way: kept sentences and a kept heading, split and
// rewritten pieces, a rewritten sentence left in one piece, an OCR row and a
// long heading cut in two. Only positions 1, 2, 7 and 11 are the author's
// sentences unchanged.
const mixed = [
  { position: 1, text: "Première partie", original: "Première partie", page: 3, wordCount: 2, kind: "heading" as const, method: "kept" as const },
  { position: 2, text: "Emma rêvait.", original: "Emma rêvait.", page: 3, wordCount: 2, method: "kept" as const },
  { position: 3, text: "Charles, « ce bon Charles »,", original: "Charles, « ce bon Charles », ne voyait rien de ce qui se passait.", page: 3, wordCount: 5, part: 1, parts: 2, method: "split" as const },
  { position: 4, text: "ne voyait rien de ce qui se passait.", original: "Charles, « ce bon Charles », ne voyait rien de ce qui se passait.", page: 3, wordCount: 8, part: 2, parts: 2, method: "split" as const },
  { position: 5, text: "Elle ouvrit la fenêtre.", original: "Elle ouvrit la fenêtre, et l’air du soir entra dans la chambre où tout dormait.", page: 4, wordCount: 4, part: 1, parts: 2, method: "rewritten" as const },
  { position: 6, text: "L’air du soir entra dans la chambre.", original: "Elle ouvrit la fenêtre, et l’air du soir entra dans la chambre où tout dormait.", page: 4, wordCount: 7, part: 2, parts: 2, method: "rewritten" as const },
  { position: 7, text: "— Où êtes-vous, Charles ?", original: "— Où êtes-vous, Charles ?", page: 4, wordCount: 4, method: "kept" as const },
  { position: 8, text: "Il pleuvait.", original: "Il pleuvait.", page: 5, wordCount: 2, method: "ocr" as const },
  { position: 9, text: "Chapitre premier, où l’on voit", original: "Chapitre premier, où l’on voit comment Emma devint une dame", page: 6, wordCount: 6, kind: "heading" as const, part: 1, parts: 2, method: "split" as const },
  { position: 10, text: "comment Emma devint une dame", original: "Chapitre premier, où l’on voit comment Emma devint une dame", page: 6, wordCount: 5, kind: "heading" as const, part: 2, parts: 2, method: "split" as const },
  { position: 11, text: "Charles entra.", original: "Charles entra.", page: 6, wordCount: 2, method: "kept" as const },
  { position: 12, text: "Il se tut longtemps.", original: "Et lui, longtemps, sans rien dire à personne, se tut.", page: 6, wordCount: 4, method: "rewritten" as const },
];
const keptPositions = [1, 2, 7, 11];

describe("the sentences as the author wrote them (rows=kept)", () => {
  let mixedJobId: string;
  let client: HttpClient;
  let clientJobId: string;

  beforeAll(async () => {
    const job = await makeJob({ userId: owner.id, status: "succeeded", fileName: "Madame Bovary.pdf", pageCount: 6 });
    mixedJobId = job.id;
    await insertSentences(mixedJobId, mixed);
    client = await signUpAndSignIn();
    const clientJob = await makeJob({ userId: client.userId!, status: "succeeded", fileName: "Les Misérables.pdf", pageCount: 6 });
    clientJobId = clientJob.id;
    await insertSentences(clientJobId, mixed);
  });

  it("exports only the kept rows, in order, with every column, in CSV, JSON and XLSX", async () => {
    const csv = await createExport({ jobId: mixedJobId, userId: owner.id, format: "csv", rows: "kept" });
    expect(csv.fileName).toBe("madame-bovary-phrases-intactes.csv");
    expect(csv.contentDisposition).toBe(
      "attachment; filename=\"madame-bovary-phrases-intactes.csv\"; filename*=UTF-8''madame-bovary-phrases-intactes.csv",
    );
    const records = parseDelimited((await readAll(csv.body)).toString("utf8"), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(records.map((row) => Number(row.position))).toEqual(keptPositions);
    expect(records.every((row) => row.method === "kept" && row.part === "1" && row.parts === "1")).toBe(true);
    expect(records.every((row) => row.text === row.original)).toBe(true);
    expect(Object.keys(records[0]!)).toEqual([...exportColumns]);
    // The heading stays, as in every CSV: the book's structure survives.
    expect(records[0]).toMatchObject({ kind: "heading", text: "Première partie" });

    const json = await createExport({ jobId: mixedJobId, userId: owner.id, format: "json", rows: "kept" });
    expect(json.fileName).toBe("madame-bovary-phrases-intactes.json");
    const objects = JSON.parse((await readAll(json.body)).toString("utf8")) as { position: number; method: string }[];
    expect(objects.map((row) => row.position)).toEqual(keptPositions);

    const xlsx = await createExport({ jobId: mixedJobId, userId: owner.id, format: "xlsx", rows: "kept" });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readAll(xlsx.body)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Phrases")!;
    expect(sheet.rowCount).toBe(keptPositions.length + 1);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...exportColumns]);
    expect((sheet.getRow(4).values as unknown[]).slice(1)).toEqual([7, "— Où êtes-vous, Charles ?", "— Où êtes-vous, Charles ?", 4, 4, "sentence", 1, 1, "kept"]);
  });

  it("leaves headings out of the Anki TSV, as always", async () => {
    const tsv = await createExport({ jobId: mixedJobId, userId: owner.id, format: "tsv", rows: "kept" });
    expect(tsv.fileName).toBe("madame-bovary-phrases-intactes.tsv");
    const lines = (parseDelimited((await readAll(tsv.body)).toString("utf8"), { delimiter: "\t" }) as string[][]).map(
      (line) => line[0],
    );
    expect(lines).toEqual(["Emma rêvait.", "— Où êtes-vous, Charles ?", "Charles entra."]);
  });

  it("reads the kept rows across batches, and only the headings of the big book", async () => {
    const batches: number[][] = [];
    for await (const batch of iterateSentences({ jobId: mixedJobId, rows: "kept", batchSize: 3 })) {
      batches.push(batch.map((row) => row.position));
    }
    expect(batches).toEqual([[1, 2, 7], [11]]);
    const all = await createExport({ jobId, userId: owner.id, format: "csv", rows: "all" });
    expect(all.fileName).toBe("madame-bovary-phrases.csv");
    await all.body.cancel();
    const kept = await createExport({ jobId, userId: owner.id, format: "csv", rows: "kept" });
    const records = parseDelimited((await readAll(kept.body)).toString("utf8"), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(records).toHaveLength(headings);
    expect(records.every((row) => row.kind === "heading" && row.method === "kept")).toBe(true);
  });

  it("GET /api/jobs/:id/export?rows=kept gives the owner only the kept rows, named apart", async () => {
    const response = await client.fetch(`/api/jobs/${clientJobId}/export?format=csv&rows=kept`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      "attachment; filename=\"les-miserables-phrases-intactes.csv\"; filename*=UTF-8''les-mis%C3%A9rables-phrases-intactes.csv",
    );
    const records = parseDelimited(await response.text(), { bom: true, columns: true }) as Record<string, string>[];
    expect(records.map((row) => Number(row.position))).toEqual(keptPositions);
    expect(new Set(records.map((row) => row.method))).toEqual(new Set(["kept"]));

    const json = await client.json<{ position: number }[]>(`/api/jobs/${clientJobId}/export?format=json&rows=kept`);
    expect(json.status).toBe(200);
    expect(json.body.map((row) => row.position)).toEqual(keptPositions);
    // Without the option (or empty), every row as before.
    const every = await client.json<unknown[]>(`/api/jobs/${clientJobId}/export?format=json&rows=`);
    expect(every.body).toHaveLength(mixed.length);
    const plain = await client.fetch(`/api/jobs/${clientJobId}/export?format=json`);
    expect(plain.headers.get("content-disposition")).toContain('filename="les-miserables-phrases.json"');
    expect(JSON.parse(await plain.text())).toHaveLength(mixed.length);
  });

  it("refuses an unknown value with the usual error body, and keeps the book from anyone else", async () => {
    for (const rows of ["whole", "KEPT", "kept,split"]) {
      const response = await client.json<{
        error: { code: string; message: string; details?: { issues?: unknown[] }; requestId: string };
      }>(`/api/jobs/${clientJobId}/export?format=csv&rows=${encodeURIComponent(rows)}`);
      expect(response.status, rows).toBe(422);
      expect(response.body.error.code).toBe("invalid_input");
      expect(response.body.error.message).toBe(
        "rows is all (every sentence) or kept (only the sentences kept as the author wrote them).",
      );
      expect(response.body.error.requestId).toBe(response.headers.get("x-request-id"));
    }
    const stranger = await signUpAndSignIn();
    const hidden = await stranger.json<{ error: { code: string } }>(
      `/api/jobs/${clientJobId}/export?format=csv&rows=kept`,
    );
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe("not_found");
  });
});

describe("listSentences", () => {
  it("pages through the whole book by position", async () => {
    const first = await listSentences({ jobId, userId: owner.id });
    expect(first.sentences).toHaveLength(200);
    expect(first.nextCursor).toBe("200");
    // A page's rows also carry the owner's corrections (none here): version, flags, the engine's text.
    expect(first.sentences[0]).toEqual({
      ...sentence(1),
      piece: 0,
      version: 0,
      engineText: sentence(1).text,
      edited: false,
      deleted: false,
      overLimit: false,
      needsReview: false,
    });

    let cursor: number | undefined;
    let seen = 0;
    let pages = 0;
    for (;;) {
      const page = await listSentences({ jobId, userId: owner.id, cursor, limit: 1000 });
      seen += page.sentences.length;
      pages += 1;
      if (!page.nextCursor) break;
      cursor = Number(page.nextCursor);
    }
    expect(seen).toBe(total);
    expect(pages).toBe(15);
  });

  it("keeps the rows made one way when asked for a method", async () => {
    const kept = await listSentences({ jobId, userId: owner.id, method: "kept", limit: 1000 });
    expect(kept.sentences).toHaveLength(headings);
    expect(kept.sentences.every((row) => row.method === "kept" && row.kind === "heading")).toBe(true);
    const split = await listSentences({ jobId, userId: owner.id, method: "split", limit: 10 });
    expect(split.sentences.map((row) => row.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect((await listSentences({ jobId, userId: owner.id, method: "rewritten" })).sentences).toEqual([]);
  });

  it("searches text and original case-insensitively, with % and _ taken literally", async () => {
    const found = await listSentences({ jobId, userId: owner.id, q: "14999 — EMMA" });
    expect(found.sentences.map((row) => row.position)).toEqual([14999]);
    const literal = await listSentences({ jobId, userId: owner.id, q: "100%" });
    expect(literal.sentences).toEqual([]);
    const underscore = await listSentences({ jobId, userId: owner.id, q: "Emma_rêvait" });
    expect(underscore.sentences).toEqual([]);
  });

  it("answers 404 to another user", async () => {
    const error = await listSentences({ jobId, userId: stranger.id }).catch((caught) => caught);
    expect((error as AppError).status).toBe(404);
  });
});
