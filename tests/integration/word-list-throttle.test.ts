// Word lists are parsed on the web process, so reading them is limited per
// user (WORD_LISTS_PER_MINUTE), imports and words pasted into a study set
// alike; a line of too many spellings and an over-long multipart boundary are
// refused before any slow work, over HTTP against the running server.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { disconnectDb } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { signUpAndSignIn, type HttpClient } from "@/tests/support/http-client";
import { makeJob, retireMadeJobs } from "./api-factories";

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

afterAll(async () => {
  await retireMadeJobs();
  await disconnectDb();
});

function importList(client: HttpClient, text: string) {
  return client.json<ErrorBody & { id?: string }>("/api/word-lists", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "Unité 1", text }),
  });
}

/** A study set of pasted words from a job nobody owns: 404 once past the throttle. */
function pasteWords(client: HttpClient, body: Record<string, unknown> = { words: "maison\nporte" }) {
  return client.json<ErrorBody>("/api/study-sets", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jobIds: [randomUUID()], ...body }),
  });
}

function expectThrottled(response: { status: number; body: ErrorBody; headers: Headers }, what: string) {
  expect(response.status, what).toBe(429);
  expect(response.body.error.code, what).toBe("rate_limited");
  expect(Number(response.headers.get("retry-after")), what).toBeGreaterThan(0);
}

describe("word-list throttle", () => {
  it("limits imports per user with 429 and Retry-After, and pasted words share the allowance", async () => {
    const client = await signUpAndSignIn();
    for (let index = 0; index < env().WORD_LISTS_PER_MINUTE; index++) {
      expect((await importList(client, "maison\nporte")).status, `import ${index + 1}`).toBe(201);
    }
    expectThrottled(await importList(client, "maison"), "import past the limit");
    expectThrottled(await pasteWords(client), "pasted words past the limit");
    // A study set from a saved list or from the book parses no list: not counted.
    expect((await pasteWords(client, { topWords: 50 })).status).toBe(404);

    // Another user has their own allowance.
    const other = await signUpAndSignIn();
    expect((await importList(other, "maison")).status).toBe(201);
  });

  it("counts words pasted into study sets against the same allowance", async () => {
    const client = await signUpAndSignIn();
    for (let index = 0; index < env().WORD_LISTS_PER_MINUTE; index++) {
      expect((await pasteWords(client)).status, `paste ${index + 1}`).toBe(404);
    }
    expectThrottled(await pasteWords(client), "pasted words past the limit");
    expectThrottled(await importList(client, "maison"), "import past the limit");
  });
});

describe("lists and uploads built to be slow", () => {
  it("refuses a line of more than 50 spellings with 422 naming the line", async () => {
    const client = await signUpAndSignIn();
    const line = Array.from({ length: 8_000 }, (_, index) => `chat${index}`).join("|");
    const started = performance.now();
    const imported = await importList(client, `mot\n${line}\n${line}\n`);
    expect(imported.status).toBe(422);
    expect(imported.body.error.code).toBe("invalid_input");
    expect(imported.body.error.message).toMatch(/Line 2\b/);
    const job = await makeJob({ userId: client.userId!, status: "succeeded" });
    const pasted = await pasteWords(client, { jobIds: [job.id], words: `maison\n${line}` });
    expect(pasted.status).toBe(422);
    expect(pasted.body.error.message).toMatch(/Line 2\b/);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it("refuses a multipart boundary over 70 characters with 400 at once", async () => {
    const client = await signUpAndSignIn();
    const boundary = `${"-".repeat(3_999)}x`;
    const response = await client.json<ErrorBody>("/api/jobs", {
      method: "POST",
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      body: new Uint8Array(4 * 1024 * 1024).fill(45),
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("bad_request");
    expect(response.body.error.message).toMatch(/boundary/);
  });
});
