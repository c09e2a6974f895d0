// A re-run of failed pages writes the book's rows again: the owner's
// corrections follow the rows they were made on (whose positions move as the
// missing pages' rows come in), and a correction of a row the re-run replaced
// is kept and flagged for review.
import { afterAll, beforeAll, expect, it } from "vitest";
import { editSentence } from "@/lib/commands/edit-sentence";
import { db, disconnectDb } from "@/lib/db/prisma";
import { listSentences } from "@/lib/jobs/list-sentences";
import { mergeJob } from "@/lib/pipeline/merge-job";
import { makeChunks, makeJob, makeUser, retireMadeJobs } from "./api-factories";

function piece(chunk: number, ordinal: number, text: string, page: number, original = text) {
  return { id: `${chunk}:${ordinal}`, text, original, page, method: text === original ? "kept" : "rewritten" };
}

const cold = "Il avait froid, ce soir-là, malgré son manteau.";

let owner: { id: string };

beforeAll(async () => {
  owner = await makeUser();
});

afterAll(async () => {
  await retireMadeJobs();
  await disconnectDb();
});

it("keeps the owner's edits through a retry, flagging the one whose row the retry replaced", async () => {
  const job = await makeJob({ userId: owner.id, status: "running", pageCount: 6, maxWords: 8 });
  await db().job.update({ where: { id: job.id }, data: { includeMatter: true } });
  await makeChunks({ jobId: job.id, size: 2, statuses: ["done", "failed", "done"] });
  const setResult = (index: number, result: object[]) =>
    db().chunk.update({ where: { jobId_index: { jobId: job.id, index } }, data: { status: "done", result } });
  await setResult(0, [piece(0, 1, "Emma ouvrit la fenêtre.", 1), piece(0, 2, "Le jardin dormait encore.", 2)]);
  await setResult(2, [piece(2, 1, "Charles rentra tard.", 5), piece(2, 2, "Il avait froid.", 6, cold)]);
  await db().chunk.update({ where: { jobId_index: { jobId: job.id, index: 1 } }, data: { status: "failed", result: undefined } });

  await mergeJob(job.id);
  expect((await db().job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("partial");
  await editSentence({ jobId: job.id, userId: owner.id, position: 2, version: 0, text: "Le jardin dormait." });
  await editSentence({ jobId: job.id, userId: owner.id, position: 3, version: 0, text: "Charles rentra très tard." });
  await editSentence({ jobId: job.id, userId: owner.id, position: 4, version: 0, text: "Il avait très froid." });

  // The retry: the failed chunk's pages come in, and the last chunk's last row comes back different.
  await db().job.update({ where: { id: job.id }, data: { status: "running", step: "processing" } });
  await setResult(1, [piece(1, 1, "Une lettre attendait.", 3), piece(1, 2, "Elle la lut.", 4)]);
  await setResult(2, [piece(2, 1, "Charles rentra tard.", 5), piece(2, 2, "Il avait un peu froid.", 6, cold)]);
  await mergeJob(job.id);
  expect((await db().job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("succeeded");

  const page = await listSentences({ jobId: job.id, userId: owner.id });
  expect(page.sentences.map(({ position, text, edited, needsReview }) => ({ position, text, edited, needsReview }))).toEqual([
    { position: 1, text: "Emma ouvrit la fenêtre.", edited: false, needsReview: false },
    { position: 2, text: "Le jardin dormait.", edited: true, needsReview: false },
    { position: 3, text: "Une lettre attendait.", edited: false, needsReview: false },
    { position: 4, text: "Elle la lut.", edited: false, needsReview: false },
    { position: 5, text: "Charles rentra très tard.", edited: true, needsReview: false },
    { position: 6, text: "Il avait très froid.", edited: true, needsReview: true },
  ]);
  expect(page.sentences[5]!.engineText).toBe("Il avait un peu froid.");
  // Versions follow their rows, so the next change of a moved row is not refused as stale.
  const next = await editSentence({ jobId: job.id, userId: owner.id, position: 5, version: 1, text: "Charles rentra si tard." });
  expect(next.rows[0]).toMatchObject({ version: 2, needsReview: false });
  // Editing a flagged row is the review: the flag goes.
  const reviewed = await editSentence({ jobId: job.id, userId: owner.id, position: 6, version: 1, text: "Il avait un peu froid, oui." });
  expect(reviewed.rows[0]).toMatchObject({ needsReview: false });
});
