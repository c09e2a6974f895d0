// Exports and study sets read the owner's corrected rows: edited text, a
// split row as its pieces, deleted rows left out, a changed original's pieces
// counted again. Rows keep the engine's position (the "#" of the results
// page; a split row's pieces share it). `source: "engine"` gives the engine's
// rows untouched. Batches of one to three rows make an original's pieces
// cross a batch.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteSentence } from "@/lib/commands/delete-sentence";
import { editSentence } from "@/lib/commands/edit-sentence";
import { splitSentence } from "@/lib/commands/split-sentence";
import { db, disconnectDb } from "@/lib/db/prisma";
import { createExport } from "@/lib/exports/create-export";
import { iterateSentences } from "@/lib/exports/iterate-sentences";
import type { StudySetResult } from "@/lib/study-sets/study-set-result";
import { runStudySet } from "@/lib/study-sets/run-study-set";
import { insertSentences } from "@/tests/support/insert-sentences";
import { parseDelimited } from "../unit/parse-delimited";
import { makeJob, makeUser, retireMadeJobs } from "./api-factories";

const original = "Emma rêvait de Paris tandis que Charles dormait profondément.";
const rows = [
  { position: 1, text: "Éditions du Rocher.", original: "Éditions du Rocher.", page: 1, wordCount: 3 },
  { position: 2, text: "Emma rêvait de Paris.", original, page: 2, wordCount: 4, part: 1, parts: 3, method: "split" as const },
  { position: 3, text: "Charles dormait.", original, page: 2, wordCount: 2, part: 2, parts: 3, method: "split" as const },
  { position: 4, text: "Il dormait profondément.", original, page: 2, wordCount: 3, part: 3, parts: 3, method: "split" as const },
  { position: 5, text: "Elle soupira devant la fenêtre ouverte.", original: "Elle soupira devant la fenêtre ouverte.", page: 3, wordCount: 6 },
];

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

let owner: { id: string };
let jobId: string;

beforeAll(async () => {
  owner = await makeUser();
  jobId = (await makeJob({ userId: owner.id, maxWords: 8 })).id;
  await insertSentences(jobId, rows);
  await deleteSentence({ jobId, userId: owner.id, position: 1, version: 0 });
  await editSentence({ jobId, userId: owner.id, position: 3, version: 0, text: "Charles, lui, dormait." });
  await splitSentence({ jobId, userId: owner.id, position: 5, version: 0, at: 2 });
});

afterAll(async () => {
  await retireMadeJobs();
  await disconnectDb();
});

const corrected = [
  { position: 2, text: "Emma rêvait de Paris.", part: 1, parts: 3, page: 2 },
  { position: 3, text: "Charles, lui, dormait.", part: 2, parts: 3, page: 2, words: 3 },
  { position: 4, text: "Il dormait profondément.", part: 3, parts: 3, page: 2 },
  { position: 5, text: "Elle soupira", part: 1, parts: 2, page: 3, words: 2 },
  { position: 5, text: "devant la fenêtre ouverte.", part: 2, parts: 2, page: 3, words: 4 },
];

describe("corrected exports", () => {
  it("iterates the corrected rows whatever the batch size, and the engine's rows on request", async () => {
    for (const batchSize of [1, 2, 3, 1000]) {
      const read = [];
      for await (const batch of iterateSentences({ jobId, batchSize })) read.push(...batch);
      expect(read.map(({ position, text, part, parts }) => ({ position, text, part, parts })), `batch ${batchSize}`).toEqual(
        corrected.map(({ position, text, part, parts }) => ({ position, text, part, parts })),
      );
    }
    const engine = [];
    for await (const batch of iterateSentences({ jobId, source: "engine", batchSize: 2 })) engine.push(...batch);
    expect(engine.map((row) => row.text)).toEqual(rows.map((row) => row.text));
  });

  it("carries the corrections in CSV, TSV, JSON and XLSX, and the engine's version under its own name", async () => {
    const csvText = (await readAll((await createExport({ jobId, userId: owner.id, format: "csv" })).body)).toString("utf8");
    const csv = parseDelimited(csvText, { bom: true, columns: true }) as Record<string, string>[];
    expect(csv.map((record) => record.text)).toEqual(corrected.map((row) => row.text));

    const tsv = (await readAll((await createExport({ jobId, userId: owner.id, format: "tsv" })).body)).toString("utf8");
    expect(tsv).toContain("Charles, lui, dormait.");
    expect(tsv).not.toContain("Éditions du Rocher.");

    const json = JSON.parse((await readAll((await createExport({ jobId, userId: owner.id, format: "json" })).body)).toString("utf8"));
    expect(json).toMatchObject(corrected);

    const xlsx = new ExcelJS.Workbook();
    await xlsx.xlsx.load((await readAll((await createExport({ jobId, userId: owner.id, format: "xlsx" })).body)) as unknown as ArrayBuffer);
    const sheet = xlsx.getWorksheet("Phrases")!;
    expect(sheet.rowCount).toBe(corrected.length + 1);
    expect(sheet.getRow(5).getCell(2).value).toBe("Elle soupira");

    const engine = await createExport({ jobId, userId: owner.id, format: "json", source: "engine" });
    expect(engine.fileName).toBe("madame-bovary-phrases-moteur.json");
    const engineRows = JSON.parse((await readAll(engine.body)).toString("utf8"));
    expect(engineRows.map((row: { text: string }) => row.text)).toEqual(rows.map((row) => row.text));
  });

  it("builds a study set from the corrected rows", async () => {
    const set = await db().studySet.create({
      data: {
        userId: owner.id,
        source: "text",
        name: "fenêtre",
        entries: [
          { word: "fenêtre", variants: ["fenêtre"], phrase: false },
          { word: "éditions", variants: ["éditions"], phrase: false },
        ],
        jobIds: [jobId],
        maxWords: 8,
        maxSentences: 10,
      },
    });
    await runStudySet(set.id);
    const done = await db().studySet.findUniqueOrThrow({ where: { id: set.id } });
    expect(done.status).toBe("succeeded");
    const result = done.result as unknown as StudySetResult;
    expect(result.sentences.map((sentence) => sentence.text)).toEqual(["devant la fenêtre ouverte."]);
  });
});
