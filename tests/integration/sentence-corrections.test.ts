// The owner corrects a finished book's rows: edit, join, split, delete,
// restore and undo through the commands and the HTTP routes, on a real
// database. Nobody else may (404, admins included), an edit over the word
// limit is a 422 unless kept on purpose (marked), a change naming an old
// version is a 409 carrying the row as it is, and repeating a change that
// succeeded changes nothing. The engine's rows are never written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteSentence } from "@/lib/commands/delete-sentence";
import { editSentence } from "@/lib/commands/edit-sentence";
import { joinSentences } from "@/lib/commands/join-sentences";
import { restoreSentence } from "@/lib/commands/restore-sentence";
import { splitSentence } from "@/lib/commands/split-sentence";
import { undoSentenceEdit } from "@/lib/commands/undo-sentence-edit";
import { db, disconnectDb } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { listSentences } from "@/lib/jobs/list-sentences";
import { insertSentences } from "@/tests/support/insert-sentences";
import { signUpAndSignIn, type HttpClient } from "@/tests/support/http-client";
import { makeJob, makeUser, retireMadeJobs } from "./api-factories";

const original = "Emma rêvait de Paris et de ses théâtres pendant que Charles dormait.";
const rows = [
  { position: 1, text: "Emma rêvait de Paris.", original, page: 3, wordCount: 4, part: 1, parts: 2, method: "split" as const },
  { position: 2, text: "Charles dormait pendant ce temps.", original, page: 3, wordCount: 5, part: 2, parts: 2, method: "split" as const },
  { position: 3, text: "Éditions du Rocher, 1857.", original: "Éditions du Rocher, 1857.", page: 3, wordCount: 4 },
  { position: 4, text: "Elle soupira.", original: "Elle soupira.", page: 4, wordCount: 2 },
];

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the command to fail");
}

async function freshBook(userId: string, status: "succeeded" | "partial" | "running" = "succeeded") {
  const job = await makeJob({ userId, status, maxWords: 8 });
  await insertSentences(job.id, rows);
  return job.id;
}

let owner: { id: string };
let stranger: { id: string };
let admin: { id: string };

beforeAll(async () => {
  owner = await makeUser();
  stranger = await makeUser();
  admin = await makeUser({ role: "admin" });
});

afterAll(async () => {
  await retireMadeJobs();
  await disconnectDb();
});

describe("correction commands", () => {
  it("edits a row beside the engine's text, records who and the text before, and restores it", async () => {
    const jobId = await freshBook(owner.id, "partial");
    const edited = await editSentence({ jobId, userId: owner.id, position: 1, version: 0, text: "  Emma  rêve de Paris. " });
    expect(edited.rows).toMatchObject([{ position: 1, version: 1, texts: ["Emma rêve de Paris."], edited: true }]);

    const engine = await db().sentence.findUnique({ where: { jobId_position: { jobId, position: 1 } } });
    expect(engine!.text).toBe("Emma rêvait de Paris.");
    const history = await db().sentenceEdit.findMany({ where: { jobId } });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ userId: owner.id, action: "edit" });
    expect(history[0]!.rows).toEqual([
      {
        position: 1,
        before: { texts: ["Emma rêvait de Paris."], edited: false, overLimit: false, version: 0 },
        after: { texts: ["Emma rêve de Paris."], edited: true, overLimit: false, version: 1 },
      },
    ]);

    const page = await listSentences({ jobId, userId: owner.id });
    expect(page.sentences[0]).toMatchObject({ text: "Emma rêve de Paris.", engineText: "Emma rêvait de Paris.", edited: true, version: 1 });
    const editedOnly = await listSentences({ jobId, userId: owner.id, edited: true });
    expect(editedOnly.sentences.map((row) => row.position)).toEqual([1]);
    expect((await listSentences({ jobId, userId: owner.id, q: "rêve de" })).sentences.map((row) => row.position)).toEqual([1]);

    const restored = await restoreSentence({ jobId, userId: owner.id, position: 1, version: 1 });
    expect(restored.rows).toMatchObject([{ version: 2, texts: ["Emma rêvait de Paris."], edited: false }]);
    expect((await listSentences({ jobId, userId: owner.id, edited: true })).sentences).toEqual([]);
  });

  it("is the owner's alone: a stranger and an admin get the 404 of a missing job", async () => {
    const jobId = await freshBook(owner.id);
    for (const user of [stranger, admin]) {
      const error = await failure(editSentence({ jobId, userId: user.id, isAdmin: user === admin, position: 1, version: 0, text: "x" }));
      expect(error.status).toBe(404);
      expect((await failure(deleteSentence({ jobId, userId: user.id, position: 3, version: 0 }))).status).toBe(404);
    }
    expect((await failure(editSentence({ jobId, userId: owner.id, position: 99, version: 0, text: "Bonjour." }))).status).toBe(404);
    expect((await failure(undoSentenceEdit({ jobId, userId: owner.id, editId: "12345678" }))).status).toBe(404);
    expect(await db().sentenceCorrection.count({ where: { jobId } })).toBe(0);
  });

  it("refuses an edit over the word limit with the counts, and keeps it marked when the teacher insists", async () => {
    const jobId = await freshBook(owner.id);
    const long = "Emma rêvait de Paris et de ses théâtres illuminés.";
    const error = await failure(editSentence({ jobId, userId: owner.id, position: 1, version: 0, text: long }));
    expect(error.status).toBe(422);
    expect(error.message).toMatch(/9 words; this book's limit is 8/);
    expect(error.details).toMatchObject({ reason: "over_word_limit", maxWords: 8, pieces: [{ piece: 0, words: 9 }] });
    expect((await failure(editSentence({ jobId, userId: owner.id, position: 1, version: 0, text: "   " }))).status).toBe(422);
    expect((await failure(editSentence({ jobId, userId: owner.id, position: 1, version: 0, text: "a".repeat(2001) }))).status).toBe(422);

    const kept = await editSentence({ jobId, userId: owner.id, position: 1, version: 0, text: long, override: true });
    expect(kept.rows).toMatchObject([{ texts: [long], overLimit: true, version: 1 }]);
    const page = await listSentences({ jobId, userId: owner.id });
    expect(page.sentences[0]).toMatchObject({ overLimit: true, wordCount: 9 });
  });

  it("answers a stale version with 409 and the row as it is, and repeats a finished change harmlessly", async () => {
    const jobId = await freshBook(owner.id);
    const first = await editSentence({ jobId, userId: owner.id, position: 2, version: 0, text: "Charles dormait." });
    // The same request again (a retried save, a second tab saving the same words) changes nothing.
    const again = await editSentence({ jobId, userId: owner.id, position: 2, version: 0, text: "Charles dormait." });
    expect(again).toEqual({ edit: null, rows: first.rows });

    const stale = await failure(editSentence({ jobId, userId: owner.id, position: 2, version: 0, text: "Charles ronflait." }));
    expect(stale.status).toBe(409);
    expect(stale.details).toMatchObject({ current: { position: 2, version: 1, texts: ["Charles dormait."] } });

    await deleteSentence({ jobId, userId: owner.id, position: 3, version: 0 });
    expect(await deleteSentence({ jobId, userId: owner.id, position: 3, version: 0 })).toMatchObject({ edit: null });
    expect((await restoreSentence({ jobId, userId: owner.id, position: 4, version: 0 })).edit).toBeNull();
    expect(await db().sentenceEdit.count({ where: { jobId } })).toBe(2);
  });

  it("lets exactly one of two simultaneous saves of one row win; the other is told the winner's text", async () => {
    const jobId = await freshBook(owner.id);
    const results = await Promise.allSettled([
      editSentence({ jobId, userId: owner.id, position: 4, version: 0, text: "Elle soupira fort." }),
      editSentence({ jobId, userId: owner.id, position: 4, version: 0, text: "Elle soupira doucement." }),
    ]);
    const won = results.filter((result) => result.status === "fulfilled");
    const lost = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const conflict = lost[0]!.reason as AppError;
    expect(conflict.status).toBe(409);
    const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof editSentence>>>).value.rows[0]!;
    expect(conflict.details).toMatchObject({ current: { version: 1, texts: winner.texts } });
    expect(await db().sentenceEdit.count({ where: { jobId } })).toBe(1);
  });

  it("splits at a word, joins within a row and across rows of one original, and never across originals", async () => {
    const jobId = await freshBook(owner.id);
    const split = await splitSentence({ jobId, userId: owner.id, position: 2, version: 0, at: 2 });
    expect(split.rows[0]!.texts).toEqual(["Charles dormait", "pendant ce temps."]);
    expect((await failure(splitSentence({ jobId, userId: owner.id, position: 4, version: 0, at: 2 }))).status).toBe(422);

    const joinedInRow = await joinSentences({ jobId, userId: owner.id, position: 2, version: 1, piece: 0 });
    expect(joinedInRow.rows[0]!.texts).toEqual(["Charles dormait pendant ce temps."]);

    // Row 1's last piece with row 2's first: both rows' versions are named.
    const staleNext = await failure(joinSentences({ jobId, userId: owner.id, position: 1, version: 0, nextVersion: 0 }));
    expect(staleNext.status).toBe(409);
    expect(staleNext.details).toMatchObject({ current: { position: 2, version: 2 } });
    const overLimit = await failure(joinSentences({ jobId, userId: owner.id, position: 1, version: 0, nextVersion: 2 }));
    expect(overLimit.status).toBe(422);
    const joined = await joinSentences({ jobId, userId: owner.id, position: 1, version: 0, nextVersion: 2, override: true });
    expect(joined.rows).toMatchObject([
      { position: 1, texts: ["Emma rêvait de Paris. Charles dormait pendant ce temps."], overLimit: true },
      { position: 2, texts: [], deleted: true },
    ]);
    const page = await listSentences({ jobId, userId: owner.id });
    expect(page.sentences.map((row) => [row.position, row.deleted])).toEqual([[1, false], [2, true], [3, false], [4, false]]);

    const across = await failure(joinSentences({ jobId, userId: owner.id, position: 3, version: 0, nextVersion: 0 }));
    expect(across.status).toBe(422);
    expect(across.message).toMatch(/same original sentence/);
  });

  it("undoes a change while no later one touched its rows, and only once", async () => {
    const jobId = await freshBook(owner.id);
    const split = await splitSentence({ jobId, userId: owner.id, position: 4, version: 0, at: 1 });
    const undone = await undoSentenceEdit({ jobId, userId: owner.id, editId: split.edit!.id });
    expect(undone.rows).toMatchObject([{ position: 4, texts: ["Elle soupira."], edited: false, version: 2 }]);
    expect(await undoSentenceEdit({ jobId, userId: owner.id, editId: split.edit!.id })).toMatchObject({ edit: null });

    const edit = await editSentence({ jobId, userId: owner.id, position: 4, version: 2, text: "Elle soupire." });
    await editSentence({ jobId, userId: owner.id, position: 4, version: 3, text: "Elle soupirait." });
    const blocked = await failure(undoSentenceEdit({ jobId, userId: owner.id, editId: edit.edit!.id }));
    expect(blocked.status).toBe(409);
    expect(blocked.details).toMatchObject({ current: { texts: ["Elle soupirait."] } });
  });

  it("waits for a running book to finish", async () => {
    const jobId = await freshBook(owner.id, "running");
    expect((await failure(editSentence({ jobId, userId: owner.id, position: 1, version: 0, text: "Emma rêve." }))).status).toBe(409);
  });
});

describe("correction routes", () => {
  let client: HttpClient;
  let jobId: string;
  const json = { "content-type": "application/json" };

  beforeAll(async () => {
    client = await signUpAndSignIn();
    jobId = await freshBook(client.userId!);
  });

  it("PATCH edits with the version, 409 with the current text when stale, 422 over the limit", async () => {
    const path = `/api/jobs/${jobId}/sentences/4`;
    const ok = await client.json<{ edit: { id: string }; rows: { version: number }[] }>(path, {
      method: "PATCH",
      headers: json,
      body: JSON.stringify({ text: "Elle soupire.", version: 0 }),
    });
    expect(ok.status).toBe(200);
    expect(ok.body.rows[0]!.version).toBe(1);

    const stale = await client.json<{ error: { code: string; details: { current: { texts: string[] } } } }>(path, {
      method: "PATCH",
      headers: json,
      body: JSON.stringify({ text: "Elle pleure.", version: 0 }),
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current.texts).toEqual(["Elle soupire."]);

    const long = await client.json<{ error: { code: string } }>(path, {
      method: "PATCH",
      headers: json,
      body: JSON.stringify({ text: "un deux trois quatre cinq six sept huit neuf", version: 1 }),
    });
    expect(long.status).toBe(422);
    expect(long.body.error.code).toBe("invalid_input");

    const undo = await client.json(`/api/jobs/${jobId}/edits/${ok.body.edit.id}/undo`, { method: "POST" });
    expect(undo.status).toBe(200);
  });

  it("the actions answer 404 to anyone but the owner, and for a row that does not exist", async () => {
    const other = await signUpAndSignIn();
    for (const action of ["join", "split", "delete", "restore"]) {
      const response = await other.fetch(`/api/jobs/${jobId}/sentences/3/${action}`, {
        method: "POST",
        headers: json,
        body: JSON.stringify({ version: 0, at: 1 }),
      });
      expect(response.status, action).toBe(404);
    }
    expect((await client.fetch(`/api/jobs/${jobId}/sentences/abc`, { method: "PATCH", headers: json, body: JSON.stringify({ text: "x", version: 0 }) })).status).toBe(404);
    const deleted = await client.json<{ rows: { deleted: boolean }[] }>(`/api/jobs/${jobId}/sentences/3/delete`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ version: 0 }),
    });
    expect(deleted.body.rows[0]!.deleted).toBe(true);
  });
});
