// Word lists and study sets over HTTP against the running web server, with
// the real worker choosing the sentences: list import and its report, owner
// isolation (another user's list, set or job is a 404), a finished set whose
// every sentence really contains the words it claims, a word found in only
// one sentence always covered, uncovered words explained, exports, the
// "without a list" mode, refusals, and cancel.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertSentences, type TestSentence } from "@/tests/support/insert-sentences";
import { db, disconnectDb } from "@/lib/db/prisma";
import { entryLemmas, lemmatizeSentence } from "@/lib/french/lemmatize";
import type { StudySetSummary } from "@/lib/study-sets/study-set-summary";
import type { WordListSummary } from "@/lib/study-sets/word-list-summary";
import { countWords } from "@/lib/text/count-words";
import { segmentSentences } from "@/lib/text/segment-sentences";
import { splitLongSentence } from "@/lib/text/split-long-sentence";
import { corpusParagraphs } from "@/tests/fixtures/corpus-text";
import { anonymousClient, signUpAndSignIn, type HttpClient } from "@/tests/support/http-client";
import { makeJob, retireMadeJobs } from "./api-factories";

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

let alice: HttpClient;
let bob: HttpClient;
let aliceJobId: string;
let bigJobId: string;
let bobJobId: string;

// Placed in the book by hand: `xylophone` in exactly one short sentence,
// `hippopotame` only in a long one.
const onlyOnce = "Le vieux xylophone sonnait faux.";
const onlyLong =
  "Il avait vu un hippopotame dans la rivière pendant ce long voyage au fond de l'Afrique avec son père et ses deux frères.";

/** A job's sentences as the local engine makes them: corpus text split to at most 8 words. */
async function addSentences(jobId: string, name: string, limit: number, extra: string[] = []) {
  const rows: TestSentence[] = [];
  const push = (text: string, original: string, page: number, part = 1, parts = 1) =>
    rows.push({ position: rows.length, text, original, page, wordCount: countWords(text), part, parts });
  for (const paragraph of corpusParagraphs(name).slice(100)) {
    for (const original of segmentSentences(paragraph)) {
      const pieces = splitLongSentence(original, 8);
      pieces.forEach((text, index) =>
        push(text, original, 1 + Math.floor(rows.length / 30), index + 1, pieces.length),
      );
    }
    if (rows.length >= limit) break;
  }
  for (const sentence of extra) push(sentence, sentence, 99);
  await insertSentences(jobId, rows);
  await db().job.update({ where: { id: jobId }, data: { sentenceCount: rows.length } });
}

async function waitForSet(client: HttpClient, id: string, until: (set: StudySetSummary) => boolean) {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const response = await client.json<StudySetSummary>(`/api/study-sets/${id}`);
    expect(response.status).toBe(200);
    if (until(response.body)) return response.body;
    if (Date.now() > deadline) throw new Error(`study set ${id} stuck at ${response.body.status} ${response.body.step}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const ended = (set: StudySetSummary) => ["succeeded", "failed", "cancelled"].includes(set.status);

beforeAll(async () => {
  [alice, bob] = await Promise.all([signUpAndSignIn(), signUpAndSignIn()]);
  const aliceJob = await makeJob({ userId: alice.userId!, fileName: "Madame Bovary.pdf" });
  aliceJobId = aliceJob.id;
  await addSentences(aliceJobId, "bovary", 2500, [onlyOnce, onlyLong]);
  const bigJob = await makeJob({ userId: alice.userId!, fileName: "Les Misérables.pdf" });
  bigJobId = bigJob.id;
  await addSentences(bigJobId, "miserables", 30_000);
  bobJobId = (await makeJob({ userId: bob.userId!, fileName: "Swann.pdf" })).id;
  await addSentences(bobJobId, "swann", 300);
});

afterAll(async () => {
  await retireMadeJobs();
  await disconnectDb();
});

const listCsv = [
  "mot,anglais",
  "# Unité 1",
  "aller,to go",
  "œil,eye",
  "chat|chats",
  "bon/bonne",
  "Aller",
  "tout à coup",
  "xylophone",
  "hippopotame",
  "zblorfquux",
  "maison",
  "femme",
  "porte",
].join("\n");

describe("authentication", () => {
  it("answers 401 on every word-list and study-set route to anyone not signed in", async () => {
    const anonymous = anonymousClient();
    const id = "6f1c2b9e-8d4a-4c3b-9a7e-1f2d3c4b5a69";
    for (const [method, path] of [
      ["GET", "/api/word-lists"],
      ["POST", "/api/word-lists"],
      ["GET", `/api/word-lists/${id}`],
      ["DELETE", `/api/word-lists/${id}`],
      ["GET", "/api/study-sets"],
      ["POST", "/api/study-sets"],
      ["GET", `/api/study-sets/${id}`],
      ["POST", `/api/study-sets/${id}/cancel`],
      ["GET", `/api/study-sets/${id}/export?format=csv`],
    ] as const) {
      const response = await anonymous.json<ErrorBody>(path, { method });
      expect(response.status, `${method} ${path}`).toBe(401);
      expect(response.body.error.code).toBe("unauthenticated");
    }
  });
});

describe("word lists", () => {
  it("imports an uploaded CSV with its report, lists it, and hides it from everyone else", async () => {
    const form = new FormData();
    form.set("file", new File([listCsv], "Unité 1.csv", { type: "text/csv" }));
    const created = await alice.json<WordListSummary & { report: WordListSummary["report"] }>("/api/word-lists", {
      method: "POST",
      body: form,
    });
    expect(created.status).toBe(201);
    expect(created.body.name).toBe("Unité 1");
    expect(created.body.entries.map((entry) => entry.word)).toEqual([
      "aller",
      "œil",
      "chat",
      "bon",
      "tout à coup",
      "xylophone",
      "hippopotame",
      "zblorfquux",
      "maison",
      "femme",
      "porte",
    ]);
    expect(created.body.report).toMatchObject({
      read: 12,
      entries: 11,
      duplicatesMerged: ["Aller"],
      phrases: ["tout à coup"],
      unrecognised: ["zblorfquux"],
      headerSkipped: true,
    });

    const mine = await alice.json<{ wordLists: { id: string }[] }>("/api/word-lists");
    expect(mine.body.wordLists.map((list) => list.id)).toContain(created.body.id);
    const theirs = await bob.json<{ wordLists: { id: string }[] }>("/api/word-lists");
    expect(theirs.body.wordLists.map((list) => list.id)).not.toContain(created.body.id);
    expect((await bob.json<ErrorBody>(`/api/word-lists/${created.body.id}`)).status).toBe(404);
    expect((await bob.json<ErrorBody>(`/api/word-lists/${created.body.id}`, { method: "DELETE" })).status).toBe(404);
    expect((await alice.json(`/api/word-lists/${created.body.id}`)).status).toBe(200);
    expect((await alice.json("/api/word-lists/not-a-uuid")).status).toBe(404);
  });

  it("takes pasted JSON text, refuses an empty list, and deletes for its owner only", async () => {
    const created = await alice.json<WordListSummary>("/api/word-lists", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Pasted", text: "maison\nporte\n" }),
    });
    expect(created.status).toBe(201);
    expect(created.body.entryCount).toBe(2);
    const empty = await alice.json<ErrorBody>("/api/word-lists", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Empty", text: "# only a comment\n" }),
    });
    expect(empty.status).toBe(422);
    expect(empty.body.error.code).toBe("invalid_input");
    expect((await alice.json(`/api/word-lists/${created.body.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await alice.json(`/api/word-lists/${created.body.id}`)).status).toBe(404);
  });
});

describe("study sets", () => {
  let listId: string;
  let setId: string;

  beforeAll(async () => {
    const created = await alice.json<WordListSummary>("/api/word-lists", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Unité 1", text: listCsv }),
    });
    listId = created.body.id;
  });

  it("chooses sentences that really contain every word they claim, in book order, and explains the rest", async () => {
    const started = await alice.json<{ id: string }>("/api/study-sets", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jobIds: [aliceJobId], wordListId: listId, maxSentences: 50 }),
    });
    expect(started.status).toBe(202);
    setId = started.body.id;
    const set = await waitForSet(alice, setId, ended);
    expect(set.status).toBe("succeeded");
    expect(set.coverage!.total).toBe(11);
    expect(set.lowerBound).toBeGreaterThan(0);
    expect(set.lowerBound!).toBeLessThanOrEqual(set.sentences.length);

    const entries = (await alice.json<WordListSummary>(`/api/word-lists/${listId}`)).body.entries;
    const claimed = new Set<string>();
    for (const sentence of set.sentences) {
      expect(countWords(sentence.text)).toBeLessThanOrEqual(8);
      expect(sentence.words.length).toBeGreaterThan(0);
      const tokens = lemmatizeSentence(sentence.text);
      for (const { word, form } of sentence.words) {
        claimed.add(word);
        expect(sentence.text, `${word} as ${form}`).toContain(form);
        const entry = entries.find((candidate) => candidate.word === word)!;
        if (entry.phrase) continue;
        const lemmas = entry.variants.flatMap(entryLemmas);
        const token = tokens.find((candidate) => candidate.text === form)!;
        expect(token, `${form} is a word of "${sentence.text}"`).toBeDefined();
        expect(
          token.lemmas.some((lemma) => lemmas.includes(lemma)) || entry.variants.includes(token.norm),
          `${form} is a form of ${word} in "${sentence.text}"`,
        ).toBe(true);
      }
    }
    expect(claimed.size).toBe(set.coverage!.covered);
    const positions = set.sentences.map((sentence) => sentence.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));

    // The only sentence with `xylophone` is in the set.
    expect(set.sentences.map((sentence) => sentence.text)).toContain(onlyOnce);
    expect(set.uncovered).toEqual(
      expect.arrayContaining([
        { word: "hippopotame", reason: "only_long" },
        { word: "zblorfquux", reason: "absent" },
      ]),
    );
    expect(set.uncovered.length + set.coverage!.covered).toBe(11);
  });

  it("exports CSV and an Anki TSV with cloze deletions, for its owner only", async () => {
    const csv = await alice.fetch(`/api/study-sets/${setId}/export?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const csvBytes = new Uint8Array(await csv.arrayBuffer());
    // A byte-order mark first, so Excel reads UTF-8 (text() would drop it).
    expect([...csvBytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csvText = new TextDecoder().decode(csvBytes);
    expect(csvText.split("\r\n")[0]).toBe("sentence,words,forms,original,page,book");
    expect(csvText).toContain("xylophone");
    const tsv = await alice.fetch(`/api/study-sets/${setId}/export?format=tsv`);
    const lines = (await tsv.text()).trim().split("\n");
    const set = (await alice.json<StudySetSummary>(`/api/study-sets/${setId}`)).body;
    expect(lines).toHaveLength(set.sentences.length);
    expect(lines.find((line) => line.includes("{{c1::xylophone}}"))).toBeDefined();
    for (const line of lines) expect(line.split("\t")[0]).toMatch(/\{\{c1::[^}]+\}\}/u);
    expect((await bob.fetch(`/api/study-sets/${setId}/export?format=csv`)).status).toBe(404);
  });

  it("is a 404 for anyone else, and nobody can build one from another user's job or list", async () => {
    expect((await bob.json<ErrorBody>(`/api/study-sets/${setId}`)).status).toBe(404);
    expect((await bob.json<ErrorBody>(`/api/study-sets/${setId}/cancel`, { method: "POST" })).status).toBe(404);
    const bobSets = await bob.json<{ studySets: { id: string }[] }>("/api/study-sets");
    expect(bobSets.body.studySets.map((set) => set.id)).not.toContain(setId);
    const post = (client: HttpClient, body: unknown) =>
      client.json<ErrorBody>("/api/study-sets", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    expect((await post(bob, { jobIds: [aliceJobId], words: "maison" })).status).toBe(404);
    expect((await post(bob, { jobIds: [bobJobId], wordListId: listId })).status).toBe(404);
  });

  it("refuses unfinished jobs, bad options, and the split-pieces filter that sentences cannot support yet", async () => {
    const running = await makeJob({ userId: alice.userId!, status: "running" });
    const post = (body: unknown) =>
      alice.json<ErrorBody>("/api/study-sets", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const unfinished = await post({ jobIds: [running.id], words: "maison" });
    expect(unfinished.status).toBe(409);
    expect(unfinished.body.error.code).toBe("conflict");
    expect((await post({ jobIds: [], words: "maison" })).status).toBe(422);
    expect((await post({ jobIds: [aliceJobId], words: "maison", maxWords: 2 })).status).toBe(422);
  });

  it("with include whole, chooses only whole sentences, never a piece of a split one", async () => {
    const body = (include: string) =>
      JSON.stringify({ jobIds: [aliceJobId], words: "maison\nfemme\nporte\nmain\nyeux", include, maxSentences: 200 });
    const sets = await Promise.all(
      ["whole", "all"].map(async (include) => {
        const started = await alice.json<{ id: string }>("/api/study-sets", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: body(include),
        });
        expect(started.status).toBe(202);
        return waitForSet(alice, started.body.id, ended);
      }),
    );
    const [whole, all] = sets as [StudySetSummary, StudySetSummary];
    expect(whole.status).toBe("succeeded");
    expect(whole.sentences.length).toBeGreaterThan(0);
    const split = await db().sentence.findMany({
      where: { jobId: aliceJobId, parts: { gt: 1 } },
      select: { position: true },
    });
    const splitPositions = new Set(split.map((row) => row.position));
    expect(splitPositions.size).toBeGreaterThan(0);
    expect(whole.sentences.filter((sentence) => splitPositions.has(sentence.position))).toEqual([]);
    // Without the option, pieces are candidates too (the book has far more of them).
    expect(all.sentences.some((sentence) => splitPositions.has(sentence.position))).toBe(true);
  });

  it("builds a list from the book itself when none is given", async () => {
    const started = await alice.json<{ id: string }>("/api/study-sets", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jobIds: [aliceJobId], topWords: 40 }),
    });
    expect(started.status).toBe(202);
    const set = await waitForSet(alice, started.body.id, ended);
    expect(set.status).toBe("succeeded");
    expect(set.source).toBe("book");
    expect(set.coverage!.total).toBe(40);
    expect(set.coverage!.covered).toBeGreaterThanOrEqual(38);
    const words = set.sentences.flatMap((sentence) => sentence.words.map((word) => word.word));
    // Function words are left out of "the most useful words".
    for (const stop of ["le", "de", "et", "être", "avoir"]) expect(words).not.toContain(stop);
  });

  it("cancels a running selection: it ends cancelled, with no result", async () => {
    const started = await alice.json<{ id: string }>("/api/study-sets", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jobIds: [bigJobId], topWords: 2000 }),
    });
    expect(started.status).toBe(202);
    const running = await waitForSet(alice, started.body.id, (set) => set.status === "running" && set.progress > 0);
    expect(running.status).toBe("running");
    const cancel = await alice.json<{ status: string }>(`/api/study-sets/${started.body.id}/cancel`, { method: "POST" });
    expect(cancel.status).toBe(200);
    expect(["cancelling", "cancelled"]).toContain(cancel.body.status);
    const set = await waitForSet(alice, started.body.id, ended);
    expect(set.status).toBe("cancelled");
    expect(set.coverage).toBeNull();
    expect(set.sentences).toEqual([]);
    const history = await alice.json<{ studySets: StudySetSummary[] }>(`/api/study-sets?jobId=${bigJobId}`);
    expect(history.body.studySets.map((item) => [item.id, item.status])).toEqual([[started.body.id, "cancelled"]]);
  });
});
