// A finished book written straight to the database for e2e specs that need
// results without running the pipeline (no corpus, no worker time): four rows,
// the first two pieces of one original sentence, the third a publisher's line.
import { randomUUID } from "node:crypto";
import pg from "pg";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is unset: run this spec through the e2e global setup`);
  return value;
}

const original = "Emma rêvait de Paris et de ses théâtres pendant que Charles dormait.";
const rows = [
  { text: "Emma rêvait de Paris.", original, part: 1, parts: 2 },
  { text: "Charles dormait pendant ce temps-là.", original, part: 2, parts: 2 },
  { text: "Éditions du Rocher, 1857.", original: "Éditions du Rocher, 1857.", part: 1, parts: 1 },
  { text: "Elle soupira.", original: "Elle soupira.", part: 1, parts: 1 },
];

/** A finished job of `rows` for the account with this email; returns its id. */
export async function insertFinishedBook(email: string): Promise<string> {
  const client = new pg.Client({ connectionString: required("E2E_DATABASE_URL") });
  await client.connect();
  try {
    const { rows: users } = await client.query<{ id: string }>(`select id from "User" where email = $1`, [email]);
    const userId = users[0]!.id;
    const documentId = randomUUID();
    const jobId = randomUUID();
    await client.query(
      `insert into "Document" (id, "userId", "fileName", sha256, "byteSize", "pageCount", "hasText", bytes)
       values ($1, $2, 'Madame Bovary.pdf', $3, 4, 3, true, '\\x25504446')`,
      [documentId, userId, randomUUID().replace(/-/g, "")],
    );
    await client.query(
      `insert into "Job" (id, "userId", "documentId", "fileName", "pageCount", status, step, "maxWords", engine,
         "sentenceCount", "finishedAt", "updatedAt")
       values ($1, $2, $3, 'Madame Bovary.pdf', 3, 'succeeded', 'succeeded', 8, 'local', $4, now(), now())`,
      [jobId, userId, documentId, rows.length],
    );
    let originalPosition = 0;
    for (const [index, row] of rows.entries()) {
      if (row.part === 1) {
        originalPosition++;
        await client.query(
          `insert into "OriginalSentence" ("jobId", position, text, page, method) values ($1, $2, $3, 2, $4)`,
          [jobId, originalPosition, row.original, row.parts > 1 ? "split" : "kept"],
        );
      }
      await client.query(
        `insert into "Sentence" ("jobId", position, text, "originalPosition", page, "wordCount", part, parts)
         values ($1, $2, $3, $4, 2, $5, $6, $7)`,
        [jobId, index + 1, row.text, originalPosition, row.text.split(" ").length, row.part, row.parts],
      );
    }
    return jobId;
  } finally {
    await client.end();
  }
}
