// The JSON API over HTTP against the running Next server (TEST_BASE_URL),
// signed in through next-auth like a browser: one error shape everywhere,
// uploads checked before anything is stored or reserved, progress with
// ETag/304, and owner isolation on every job route (another user's id is a
// 404, never a 403).
import http from "node:http";
import { insertSentences } from "@/tests/support/insert-sentences";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { priceJob } from "@/lib/credits/price-job";
import { planChunks } from "@/lib/pipeline/plan-chunks";
import {
  loadCorpusText,
  makeEncryptedPdf,
  makeImageOnlyPdf,
  makeNovelPdf,
  makeTruncatedPdf,
  makeZipFile,
} from "@/tests/fixtures/make-novel-pdf";
import {
  anonymousClient,
  pdfForm,
  signUpAndSignIn,
  testBaseUrl,
  type HttpClient,
} from "@/tests/support/http-client";
import { makeChunks, makeJob, makeUser as makeUserRow, retireMadeJobs } from "./api-factories";

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

let novel: Uint8Array;
let novelPages: number;
let alice: HttpClient;
let bob: HttpClient;

beforeAll(async () => {
  const text = loadCorpusText("bovary", { words: 4000 });
  novel = await makeNovelPdf({ text, pages: 6, title: "Madame Bovary" });
  novelPages = 6;
  [alice, bob] = await Promise.all([signUpAndSignIn(), signUpAndSignIn()]);
});

afterAll(async () => {
  await retireMadeJobs();
  await disconnectDb();
});

function expectErrorShape(body: unknown, code: string) {
  const error = (body as ErrorBody).error;
  expect(error.code).toBe(code);
  expect(typeof error.message).toBe("string");
  expect(error.message.length).toBeGreaterThan(10);
}

async function postPdf(
  client: HttpClient,
  path: string,
  bytes: Uint8Array,
  fields: Record<string, string> = {},
) {
  return client.json<Record<string, unknown>>(path, {
    method: "POST",
    body: pdfForm(bytes, fields, "Madame Bovary.pdf"),
  });
}

async function balanceOf(client: HttpClient): Promise<number> {
  const credits = await client.json<{ balance: number }>("/api/credits");
  return credits.body.balance;
}

async function jobCountOf(client: HttpClient): Promise<number> {
  return db().job.count({ where: { userId: client.userId! } });
}

/** Sends raw bytes with exactly the headers given (fetch would fix Content-Length itself). */
function rawPost(
  path: string,
  headers: Record<string, string | number>,
  write: (request: http.ClientRequest) => void,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(path, testBaseUrl()), { method: "POST", headers }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    // The server may answer and close before the whole body is written.
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE" && error.code !== "ECONNRESET") reject(error);
    });
    write(request);
  });
}

describe("authentication and authorization", () => {
  it("answers 401 with the error shape to anyone not signed in", async () => {
    const anonymous = anonymousClient();
    const id = "6f1c2b9e-8d4a-4c3b-9a7e-1f2d3c4b5a69";
    for (const [method, path] of [
      ["GET", "/api/jobs"],
      ["POST", "/api/jobs"],
      ["POST", "/api/jobs/estimate"],
      ["GET", `/api/jobs/${id}`],
      ["DELETE", `/api/jobs/${id}`],
      ["POST", `/api/jobs/${id}/cancel`],
      ["POST", `/api/jobs/${id}/retry`],
      ["GET", `/api/jobs/${id}/sentences`],
      ["GET", `/api/jobs/${id}/rewriting`],
      ["GET", `/api/jobs/${id}/export?format=csv`],
      ["GET", "/api/credits"],
      ["GET", "/api/settings"],
      ["PUT", "/api/settings"],
      ["GET", "/api/admin/queues"],
    ] as const) {
      const response = await anonymous.json(path, { method });
      expect(response.status, `${method} ${path}`).toBe(401);
      expectErrorShape(response.body, "unauthenticated");
    }
  });

  it("keeps the queue dashboard for admins: 403 for users", async () => {
    const response = await alice.json("/api/admin/queues");
    expect(response.status).toBe(403);
    expectErrorShape(response.body, "forbidden");

    const admin = await signUpAndSignIn({ role: "admin" });
    const overview = await admin.json<{
      queues: { name: string; queuedCount: number; oldestWaitingSeconds: number | null }[];
      workers: unknown[];
      failuresLastHour: number;
      jobsByStatus: Record<string, number>;
    }>("/api/admin/queues");
    expect(overview.status).toBe(200);
    expect(overview.body.queues.map((queue) => queue.name)).toEqual(
      expect.arrayContaining(["novel-plan", "novel-chunk", "novel-merge"]),
    );
    expect(typeof overview.body.failuresLastHour).toBe("number");
    expect(overview.body.jobsByStatus).toHaveProperty("succeeded");
    expect(Array.isArray(overview.body.workers)).toBe(true);
    expect(Array.isArray((overview.body as unknown as { geminiUsage: unknown[] }).geminiUsage)).toBe(true);
  });
});

describe("credits and settings", () => {
  it("shows a new user this month's credits", async () => {
    const user = await signUpAndSignIn();
    const credits = await user.json<{
      balance: number;
      monthlyGrant: number;
      grantedThisMonth: number;
      ledger: { kind: string; amount: number }[];
      nextCursor: string | null;
    }>("/api/credits");
    expect(credits.status).toBe(200);
    expect(credits.body).toMatchObject({
      balance: env().MONTHLY_CREDITS,
      monthlyGrant: env().MONTHLY_CREDITS,
      grantedThisMonth: env().MONTHLY_CREDITS,
      nextCursor: null,
    });
    expect(credits.body.ledger).toEqual([
      expect.objectContaining({ kind: "grant", amount: env().MONTHLY_CREDITS }),
    ]);
    // Reading twice does not grant twice.
    expect(await balanceOf(user)).toBe(env().MONTHLY_CREDITS);
  });

  it("reads and validates the defaults for new jobs", async () => {
    const user = await signUpAndSignIn();
    const initial = await user.json<{ maxWords: number; engine: string; model: string | null }>(
      "/api/settings",
    );
    expect(initial.status).toBe(200);
    expect(initial.body).toMatchObject({ maxWords: 8, engine: "local", model: null, includeMatter: false });

    const saved = await user.json("/api/settings", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ maxWords: 12, engine: "local" }),
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ maxWords: 12, engine: "local", model: null });
    expect((await user.json("/api/settings")).body).toMatchObject({ maxWords: 12 });

    // Keeping the publisher's pages can be the default too; a non-boolean is refused.
    const keep = await user.json("/api/settings", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ maxWords: 12, engine: "local", includeMatter: true }),
    });
    expect(keep.body).toMatchObject({ maxWords: 12, includeMatter: true });
    expect((await user.json("/api/settings")).body).toMatchObject({ includeMatter: true });
    const notFlag = await user.json("/api/settings", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ maxWords: 12, engine: "local", includeMatter: "perhaps" }),
    });
    expect(notFlag.status).toBe(422);
    expectErrorShape(notFlag.body, "invalid_input");

    const invalid = await user.json("/api/settings", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ maxWords: 50, engine: "local" }),
    });
    expect(invalid.status).toBe(422);
    expectErrorShape(invalid.body, "invalid_input");

    const notJson = await user.json("/api/settings", { method: "PUT", body: "maxWords=5" });
    expect(notJson.status).toBe(400);
    expectErrorShape(notJson.body, "bad_request");
  });
});

describe("estimate and create", () => {
  it("estimates pages, chunks and price without storing anything", async () => {
    const user = await signUpAndSignIn();
    const estimate = await postPdf(user, "/api/jobs/estimate", novel, { engine: "local" });
    expect(estimate.status).toBe(200);
    expect(estimate.body).toMatchObject({
      pageCount: novelPages,
      chunks: planChunks({
        pageCount: novelPages,
        chunkPages: env().CHUNK_PAGES,
        overlapPages: env().CHUNK_OVERLAP_PAGES,
      }).length,
      price: priceJob({ pageCount: novelPages, engine: "local" }),
      balance: env().MONTHLY_CREDITS,
      hasText: true,
      engineAvailable: { local: true },
    });
    expect(typeof (estimate.body.engineAvailable as { gemini: unknown }).gemini).toBe("boolean");
    expect(await jobCountOf(user)).toBe(0);
    expect(await db().document.count({ where: { userId: user.userId! } })).toBe(0);
  });

  it("starts a job: 202, credits reserved, the same file stored once", async () => {
    const user = await signUpAndSignIn();
    const price = priceJob({ pageCount: novelPages, engine: "local" });
    const created = await postPdf(user, "/api/jobs", novel, { maxWords: "6", engine: "local" });
    expect(created.status).toBe(202);
    const job = created.body.job as Record<string, unknown>;
    expect(job).toMatchObject({
      fileName: "Madame Bovary.pdf",
      pageCount: novelPages,
      maxWords: 6,
      engine: "local",
      creditsReserved: price,
    });
    expect(["queued", "running", "succeeded"]).toContain(job.status);
    expect(created.headers.get("location")).toBe(`/api/jobs/${job.id}`);

    const credits = await user.json<{
      balance: number;
      ledger: { kind: string; amount: number; jobId: string }[];
    }>("/api/credits");
    const reserve = credits.body.ledger.find((row) => row.kind === "reserve");
    expect(reserve).toMatchObject({ amount: -price, jobId: job.id });

    const again = await postPdf(user, "/api/jobs", novel);
    expect(again.status).toBe(202);
    expect(await jobCountOf(user)).toBe(2);
    expect(await db().document.count({ where: { userId: user.userId! } })).toBe(1);
    // Defaults came from the settings: 8 words, local engine.
    expect(again.body.job).toMatchObject({ maxWords: 8, engine: "local" });
  });

  it("prices Gemini at its own rate, and refuses it clearly when the server has no key", async () => {
    const user = await signUpAndSignIn();
    const estimate = await postPdf(user, "/api/jobs/estimate", novel, { engine: "gemini" });
    expect(estimate.status).toBe(200);
    const geminiAvailable = (estimate.body.engineAvailable as { gemini: boolean }).gemini;
    expect(estimate.body).toMatchObject({
      engine: "gemini",
      price: priceJob({ pageCount: novelPages, engine: "gemini" }),
      prices: {
        local: priceJob({ pageCount: novelPages, engine: "local" }),
        gemini: priceJob({ pageCount: novelPages, engine: "gemini" }),
      },
    });
    if (geminiAvailable) return; // The stack configures a (fake) Gemini; the refusal needs a server without one.

    const created = await postPdf(user, "/api/jobs", novel, { engine: "gemini" });
    expect(created.status).toBe(422);
    expectErrorShape(created.body, "invalid_input");
    expect((created.body as unknown as ErrorBody).error.message).toMatch(/GEMINI_API_KEY/);
    const settings = await user.json("/api/settings", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ maxWords: 8, engine: "gemini" }),
    });
    expect(settings.status).toBe(422);
    expect(await jobCountOf(user)).toBe(0);
  });

  it("refuses files that are not usable books, with nothing stored or reserved", async () => {
    const user = await signUpAndSignIn();
    const before = await balanceOf(user);
    const cases: [Uint8Array, number, string][] = [
      [makeZipFile(), 415, "unsupported_media_type"],
      // A text in KOI8-R: neither UTF-8 nor Windows-1252 reads it as French.
      [new Uint8Array([0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4, 0x2c, 0x20, 0xcd, 0xc9, 0xd2, 0x21, 0x0a]), 422, "book_invalid"],
      [makeEncryptedPdf(), 422, "pdf_encrypted"],
      [makeTruncatedPdf(novel), 422, "pdf_invalid"],
      [await makeImageOnlyPdf(2), 422, "pdf_no_text"],
    ];
    for (const [bytes, status, code] of cases) {
      const response = await postPdf(user, "/api/jobs", bytes, { engine: "local" });
      expect(response.status, code).toBe(status);
      expectErrorShape(response.body, code);
    }
    const scan = await postPdf(user, "/api/jobs", await makeImageOnlyPdf(2), { engine: "local" });
    expect((scan.body as unknown as ErrorBody).error.message).toMatch(/choose Gemini/);

    const badWords = await postPdf(user, "/api/jobs", novel, { maxWords: "40" });
    expect(badWords.status).toBe(422);
    expectErrorShape(badWords.body, "invalid_input");
    const noFile = await user.json("/api/jobs", { method: "POST", body: new FormData() });
    expect(noFile.status).toBe(422);
    const notMultipart = await user.json("/api/jobs", {
      method: "POST",
      headers: { "content-type": "application/pdf" },
      body: novel as Uint8Array<ArrayBuffer>,
    });
    expect(notMultipart.status).toBe(415);

    expect(await balanceOf(user)).toBe(before);
    expect(await jobCountOf(user)).toBe(0);
    expect(await db().document.count({ where: { userId: user.userId! } })).toBe(0);
  });

  it("answers 402 with the shortfall when credits are short, and stores nothing", async () => {
    const user = await signUpAndSignIn();
    await balanceOf(user); // Grants this month's credits.
    const price = priceJob({ pageCount: novelPages, engine: "local" });
    await db().$transaction(async (tx) => {
      const current = await tx.user.findUniqueOrThrow({ where: { id: user.userId! } });
      const drain = current.creditBalance - (price - 1);
      await tx.user.update({ where: { id: user.userId! }, data: { creditBalance: price - 1 } });
      await tx.creditLedger.create({
        data: { userId: user.userId!, kind: "adjust", amount: -drain, reason: "test" },
      });
    });
    const response = await postPdf(user, "/api/jobs", novel, { engine: "local" });
    expect(response.status).toBe(402);
    expectErrorShape(response.body, "insufficient_credits");
    expect((response.body as unknown as ErrorBody).error.details).toEqual({
      price,
      balance: price - 1,
      shortfall: 1,
    });
    expect((response.body as unknown as ErrorBody).error.message).toBe(
      `This book costs ${price} credits; you have ${price - 1}.`,
    );
    expect(await balanceOf(user)).toBe(price - 1);
    expect(await jobCountOf(user)).toBe(0);
    expect(await db().document.count({ where: { userId: user.userId! } })).toBe(0);
  });

  it("refuses an upload over the size limit from its Content-Length and while it streams", async () => {
    const limit = env().MAX_UPLOAD_MB * 1024 * 1024;
    const cookie = alice.cookieHeader();
    const boundary = "----limit-test";
    const declared = await rawPost(
      "/api/jobs",
      { cookie, "content-type": `multipart/form-data; boundary=${boundary}`, "content-length": limit * 2 },
      (request) => request.write(`--${boundary}\r\n`),
    );
    expect(declared.status).toBe(413);
    expectErrorShape(JSON.parse(declared.body), "payload_too_large");

    // No Content-Length (chunked): the server counts and stops at the limit.
    const streamed = await rawPost(
      "/api/jobs",
      { cookie, "content-type": `multipart/form-data; boundary=${boundary}`, "transfer-encoding": "chunked" },
      (request) => {
        request.write(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n` +
            "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n",
        );
        const block = Buffer.alloc(256 * 1024, 0x20);
        let sent = 0;
        const pump = () => {
          while (sent < limit + 2 * 1024 * 1024) {
            sent += block.length;
            if (!request.write(block)) return void request.once("drain", pump);
          }
          request.end(`\r\n--${boundary}--\r\n`);
        };
        pump();
      },
    );
    expect(streamed.status).toBe(413);
    expectErrorShape(JSON.parse(streamed.body), "payload_too_large");
  });

  it("limits books in progress per user with a 429", async () => {
    const user = await signUpAndSignIn();
    for (let index = 0; index < env().MAX_RUNNING_JOBS_PER_USER; index++) {
      await makeJob({ userId: user.userId!, status: "running" });
    }
    const response = await postPdf(user, "/api/jobs", novel);
    expect(response.status).toBe(429);
    expectErrorShape(response.body, "rate_limited");
  });

  it("limits job starts per minute with a 429 and Retry-After", async () => {
    const user = await signUpAndSignIn();
    await db().creditLedger.createMany({
      data: Array.from({ length: env().JOB_CREATE_PER_MINUTE }, () => ({
        userId: user.userId!,
        kind: "reserve" as const,
        amount: 0,
        reason: "test start",
      })),
    });
    const response = await postPdf(user, "/api/jobs", novel);
    expect(response.status).toBe(429);
    expectErrorShape(response.body, "rate_limited");
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("sheds load with a 503 and Retry-After when the backlog is too deep", async () => {
    const owner = await signUpAndSignIn();
    const backlog = await makeJob({ userId: owner.userId!, status: "running" });
    // No chunk rows: the counters alone say how much work is left.
    await db().job.update({
      where: { id: backlog.id },
      data: { chunksTotal: env().QUEUE_BACKPRESSURE_LIMIT + 1 },
    });
    try {
      const user = await signUpAndSignIn();
      const response = await postPdf(user, "/api/jobs", novel);
      expect(response.status).toBe(503);
      expectErrorShape(response.body, "unavailable");
      expect(response.headers.get("retry-after")).toBe("30");
      expect(await jobCountOf(user)).toBe(0);
    } finally {
      await db().job.delete({ where: { id: backlog.id } });
    }
  });
});

describe("retry and the Gemini models", () => {
  /** A failed book of one 20-page chunk, ready to retry. */
  async function failedBook(userId: string, options: { engine?: "local" | "gemini"; model?: string | null } = {}) {
    const job = await makeJob({ userId, status: "failed", pageCount: 20, ...options });
    await makeChunks({ jobId: job.id, size: 20, statuses: ["failed"] });
    return job;
  }

  async function expectNothingRetried(client: HttpClient, jobId: string, balance: number) {
    expect(await balanceOf(client)).toBe(balance);
    const job = await db().job.findUniqueOrThrow({ where: { id: jobId }, include: { chunks: true } });
    expect(job.status).toBe("failed");
    expect(job.creditsReserved).toBe(0);
    expect(job.chunks.map((chunk) => chunk.status)).toEqual(["failed"]);
  }

  it("holds a retry to the running cap, the start rate and the back-pressure of a new job", async () => {
    const user = await signUpAndSignIn();
    const balance = await balanceOf(user);
    const job = await failedBook(user.userId!);

    const running = await Promise.all(
      Array.from({ length: env().MAX_RUNNING_JOBS_PER_USER }, () => makeJob({ userId: user.userId!, status: "running" })),
    );
    const capped = await user.json(`/api/jobs/${job.id}/retry`, { method: "POST" });
    expect(capped.status).toBe(429);
    expectErrorShape(capped.body, "rate_limited");
    await expectNothingRetried(user, job.id, balance);
    await db().job.updateMany({ where: { id: { in: running.map((row) => row.id) } }, data: { status: "failed" } });

    const starts = await db().creditLedger.createManyAndReturn({
      data: Array.from({ length: env().JOB_CREATE_PER_MINUTE }, () => ({
        userId: user.userId!,
        kind: "reserve" as const,
        amount: 0,
        reason: "test start",
      })),
    });
    const tooFast = await user.json(`/api/jobs/${job.id}/retry`, { method: "POST" });
    expect(tooFast.status).toBe(429);
    expect(Number(tooFast.headers.get("retry-after"))).toBeGreaterThan(0);
    await expectNothingRetried(user, job.id, balance);
    await db().creditLedger.updateMany({
      where: { id: { in: starts.map((row) => row.id) } },
      data: { createdAt: new Date(Date.now() - 3_600_000) },
    });

    const backlog = await makeJob({ userId: (await makeUserRow()).id, status: "running" });
    await db().job.update({ where: { id: backlog.id }, data: { chunksTotal: env().QUEUE_BACKPRESSURE_LIMIT + 1 } });
    try {
      const busy = await user.json(`/api/jobs/${job.id}/retry`, { method: "POST" });
      expect(busy.status).toBe(503);
      expectErrorShape(busy.body, "unavailable");
      expect(busy.headers.get("retry-after")).toBe("30");
      await expectNothingRetried(user, job.id, balance);
    } finally {
      await db().job.delete({ where: { id: backlog.id } });
    }
  });

  it("offers only the configured models, each at its own price, and refuses any other with 422", async () => {
    const models = env().GEMINI_MODELS;
    expect(models.length).toBeGreaterThan(1);
    const dear = models.reduce((best, model) => (model.creditsPerPage > best.creditsPerPage ? model : best));
    const user = await signUpAndSignIn();
    const settings = await user.json<{ models: unknown; defaultModel: string }>("/api/settings");
    expect(settings.body.models).toEqual(models);
    expect(settings.body.defaultModel).toBe(env().GEMINI_MODEL);

    const estimate = await postPdf(user, "/api/jobs/estimate", novel, { engine: "gemini", model: dear.name });
    expect(estimate.status).toBe(200);
    expect(estimate.body).toMatchObject({
      model: dear.name,
      price: novelPages * dear.creditsPerPage,
      prices: { gemini: novelPages * dear.creditsPerPage },
      modelPrices: models.map((model) => ({
        model: model.name,
        creditsPerPage: model.creditsPerPage,
        price: novelPages * model.creditsPerPage,
      })),
    });

    const balance = await balanceOf(user);
    const unknownModel = "gemini-9-ultra";
    const refusals = [
      await postPdf(user, "/api/jobs/estimate", novel, { engine: "gemini", model: unknownModel }),
      await postPdf(user, "/api/jobs", novel, { engine: "gemini", model: unknownModel }),
      await user.json("/api/settings", {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ maxWords: 8, engine: "local", model: unknownModel }),
      }),
    ];
    for (const refused of refusals) {
      expect(refused.status).toBe(422);
      expectErrorShape(refused.body, "invalid_input");
      const error = (refused.body as unknown as ErrorBody).error;
      for (const model of models) expect(error.message).toContain(model.name);
      expect(error.details).toMatchObject({ field: "model", allowed: models.map((model) => model.name) });
    }
    expect(await jobCountOf(user)).toBe(0);
    expect(await balanceOf(user)).toBe(balance);

    // The dearer model is charged at its own rate.
    const created = await postPdf(user, "/api/jobs", novel, { engine: "gemini", model: dear.name });
    expect(created.status).toBe(202);
    expect(created.body.job).toMatchObject({ model: dear.name, creditsReserved: novelPages * dear.creditsPerPage });
    await user.fetch(`/api/jobs/${(created.body.job as { id: string }).id}/cancel`, { method: "POST" });
  });

  it("refuses to retry a book whose model is no longer offered, naming the ones that are", async () => {
    const user = await signUpAndSignIn();
    const balance = await balanceOf(user);
    const job = await failedBook(user.userId!, { engine: "gemini", model: "gemini-1.0-pro" });
    const refused = await user.json(`/api/jobs/${job.id}/retry`, { method: "POST" });
    expect(refused.status).toBe(422);
    expectErrorShape(refused.body, "invalid_input");
    expect((refused.body as unknown as ErrorBody).error.details).toMatchObject({
      allowed: env().GEMINI_MODELS.map((model) => model.name),
    });
    await expectNothingRetried(user, job.id, balance);
  });
});

describe("progress, history and results", () => {
  let finishedId: string;

  beforeAll(async () => {
    const job = await makeJob({
      userId: alice.userId!,
      status: "succeeded",
      fileName: "Les Misérables.pdf",
      pageCount: 40,
      startedAt: new Date(Date.now() - 30_000),
    });
    await makeChunks({ jobId: job.id, size: 20, statuses: ["done", "done"] });
    await insertSentences(
      job.id,
      Array.from({ length: 450 }, (_, index) => ({
        position: index + 1,
        text: `Fantine était belle, ${index + 1}.`,
        original: `« Fantine était belle », dit-il ; c’était la ${index + 1}e fois.`,
        page: 1 + Math.floor(index / 12),
        wordCount: 4,
      })),
    );
    await db().job.update({
      where: { id: job.id },
      data: { sentenceCount: 450, finishedAt: new Date(), step: "succeeded" },
    });
    finishedId = job.id;
  });

  it("serves progress with an ETag and answers 304 when nothing changed", async () => {
    const first = await alice.fetch(`/api/jobs/${finishedId}`);
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("private, no-cache");
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^W\/".+"$/);
    const body = await first.json();
    expect(body).toMatchObject({ id: finishedId, status: "succeeded", percent: 100, sentenceCount: 450 });
    expect(body.chunkStates).toBe("2d");

    const again = await alice.fetch(`/api/jobs/${finishedId}`, { headers: { "if-none-match": etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);

    // The version check runs before the owner's rows are read: the owner's
    // ETag gets a stranger the same 404 as any other request.
    const foreign = await bob.fetch(`/api/jobs/${finishedId}`, { headers: { "if-none-match": etag! } });
    expect(foreign.status).toBe(404);
  });

  it("pages the history and filters it", async () => {
    const list = await alice.json<{ jobs: { id: string; fileName: string }[]; nextCursor: string | null }>(
      "/api/jobs?status=succeeded&q=mis%C3%A9rables&limit=5",
    );
    expect(list.status).toBe(200);
    expect(list.body.jobs.map((job) => job.id)).toEqual([finishedId]);
    const bad = await alice.json("/api/jobs?status=exploded");
    expect(bad.status).toBe(422);
    expectErrorShape(bad.body, "invalid_input");
  });

  it("pages sentences by position and searches them", async () => {
    const first = await alice.json<{ sentences: { position: number; text: string }[]; nextCursor: string }>(
      `/api/jobs/${finishedId}/sentences`,
    );
    expect(first.status).toBe(200);
    expect(first.body.sentences).toHaveLength(200);
    expect(first.body.sentences[0]).toEqual({
      position: 1,
      text: "Fantine était belle, 1.",
      original: "« Fantine était belle », dit-il ; c’était la 1e fois.",
      page: 1,
      wordCount: 4,
      kind: "sentence",
      part: 1,
      parts: 1,
      method: "kept",
      rewrittenBy: null,
      // Nobody corrected it: the engine's row, at version 0.
      piece: 0,
      version: 0,
      engineText: "Fantine était belle, 1.",
      edited: false,
      deleted: false,
      overLimit: false,
      needsReview: false,
    });
    const third = await alice.json<{ sentences: unknown[]; nextCursor: string | null }>(
      `/api/jobs/${finishedId}/sentences?cursor=400`,
    );
    expect(third.body.sentences).toHaveLength(50);
    expect(third.body.nextCursor).toBeNull();
    const search = await alice.json<{ sentences: { position: number }[] }>(
      `/api/jobs/${finishedId}/sentences?q=${encodeURIComponent("la 123e")}`,
    );
    expect(search.body.sentences.map((row) => row.position)).toEqual([123]);
    const kept = await alice.json<{ sentences: unknown[] }>(`/api/jobs/${finishedId}/sentences?method=kept&limit=1000`);
    expect(kept.body.sentences).toHaveLength(450);
    const split = await alice.json<{ sentences: unknown[] }>(`/api/jobs/${finishedId}/sentences?method=split`);
    expect(split.body.sentences).toEqual([]);
    const badMethod = await alice.json<ErrorBody>(`/api/jobs/${finishedId}/sentences?method=guessed`);
    expect(badMethod.status).toBe(422);
    expect(badMethod.body.error.message).toMatch(/kept, rewritten, split or ocr/u);
  });

  it("says how the sentences were made: by method and writer, fallbacks by reason, Gemini requests", async () => {
    const rewriting = await alice.json<{ methods: Record<string, number>; fallbacks: object; requests: unknown[] }>(
      `/api/jobs/${finishedId}/rewriting`,
    );
    expect(rewriting.status).toBe(200);
    expect(rewriting.body).toEqual({
      methods: { kept: 450, rewritten: 0, split: 0, ocr: 0 },
      rewrittenBy: { rules: 0, model: 0 },
      fallbacks: {},
      requests: [],
    });
    expect((await bob.json(`/api/jobs/${finishedId}/rewriting`)).status).toBe(404);
  });

  it("downloads exports with a file name from the book", async () => {
    const csv = await alice.fetch(`/api/jobs/${finishedId}/export?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toBe(
      "attachment; filename=\"les-miserables-phrases.csv\"; filename*=UTF-8''les-mis%C3%A9rables-phrases.csv",
    );
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(451);
    expect(text).toContain("« Fantine était belle », dit-il ; c’était la 450e fois.");

    const json = await alice.json<unknown[]>(`/api/jobs/${finishedId}/export?format=json`);
    expect(json.body).toHaveLength(450);
    const xlsx = await alice.fetch(`/api/jobs/${finishedId}/export?format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString("latin1"),
    ).toBe("PK");
    const tsv = await alice.fetch(`/api/jobs/${finishedId}/export?format=tsv`);
    expect((await tsv.text()).trimEnd().split("\n")).toHaveLength(450);
    const unknown = await alice.json(`/api/jobs/${finishedId}/export?format=pdf`);
    expect(unknown.status).toBe(422);
  });

  it("answers 404 to another user on every job route, and for ids that are not ids", async () => {
    for (const id of [finishedId, "not-an-id", "00000000-0000-4000-8000-000000000000"]) {
      for (const [method, path] of [
        ["GET", `/api/jobs/${id}`],
        ["GET", `/api/jobs/${id}/sentences`],
        ["GET", `/api/jobs/${id}/export?format=csv`],
        ["POST", `/api/jobs/${id}/cancel`],
        ["POST", `/api/jobs/${id}/retry`],
        ["DELETE", `/api/jobs/${id}`],
      ] as const) {
        const response = await bob.json(path, { method });
        expect(response.status, `${method} ${path}`).toBe(404);
        expectErrorShape(response.body, "not_found");
      }
    }
    const list = await bob.json<{ jobs: unknown[] }>("/api/jobs");
    expect(list.body.jobs).toEqual([]);
    // Still there for its owner.
    expect((await alice.fetch(`/api/jobs/${finishedId}`)).status).toBe(200);
  });

  it("refuses to retry a job with nothing to retry", async () => {
    const response = await alice.json(`/api/jobs/${finishedId}/retry`, { method: "POST" });
    expect(response.status).toBe(409);
    expectErrorShape(response.body, "conflict");
  });

  it("deletes a job for its owner", async () => {
    const job = await makeJob({ userId: alice.userId!, status: "failed" });
    const response = await alice.fetch(`/api/jobs/${job.id}`, { method: "DELETE" });
    expect(response.status).toBe(204);
    expect((await alice.json(`/api/jobs/${job.id}`)).status).toBe(404);
  });
});

describe("cancel", () => {
  it("cancels a job just started and gives the unused credits back", async () => {
    const user = await signUpAndSignIn();
    const created = await postPdf(user, "/api/jobs", novel);
    expect(created.status).toBe(202);
    const jobId = (created.body.job as { id: string }).id;
    const cancelled = await user.json<{ status: string }>(`/api/jobs/${jobId}/cancel`, { method: "POST" });
    expect(cancelled.status).toBe(200);
    expect(["cancelling", "cancelled", "succeeded"]).toContain(cancelled.body.status);

    // The worker closes the job; whatever it finished is charged, the rest refunded.
    const deadline = Date.now() + 60_000;
    let progress: {
      status: string;
      creditsReserved: number;
      creditsCharged: number;
      creditsRefunded: number;
    };
    do {
      await new Promise((resolve) => setTimeout(resolve, 250));
      progress = (await user.json<typeof progress>(`/api/jobs/${jobId}`)).body;
    } while (progress.status === "cancelling" && Date.now() < deadline);
    expect(["cancelled", "succeeded"]).toContain(progress.status);
    expect(progress.creditsReserved - progress.creditsRefunded).toBe(progress.creditsCharged);
    expect(await balanceOf(user)).toBe(env().MONTHLY_CREDITS - progress.creditsCharged);
  });
});
