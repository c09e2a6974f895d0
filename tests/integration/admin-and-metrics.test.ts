// Operating the product over HTTP against the running stack: the admin routes
// answer 403 to ordinary users and act for administrators (credits adjusted
// with a ledger row, dead letters discarded), and /api/metrics, scraped with
// its bearer token before and after a real book, moves by exactly that book.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/prisma";
import { sendJob, stopBoss } from "@/lib/queue/boss";
import { loadCorpusText, makeNovelPdf } from "@/tests/fixtures/make-novel-pdf";
import { anonymousClient, pdfForm, signUpAndSignIn, type HttpClient } from "@/tests/support/http-client";
import { METRICS_TEST_TOKEN } from "@/tests/support/stack";
import { makeChunks, makeJob, makeUser, retireMadeJobs } from "./api-factories";

let reader: HttpClient;
let admin: HttpClient;

beforeAll(async () => {
  [reader, admin] = await Promise.all([signUpAndSignIn(), signUpAndSignIn({ role: "admin" })]);
});

afterAll(async () => {
  await retireMadeJobs();
  await stopBoss({ graceful: false, timeout: 1000 });
  await disconnectDb();
});

describe("admin routes", () => {
  it("answer 401 without a session and 403 to an ordinary user, touching nothing", async () => {
    const target = reader.userId!;
    const before = await db().user.findUniqueOrThrow({ where: { id: target } });
    const attempts: [string, string, unknown?][] = [
      ["GET", `/api/admin/accounts?email=${encodeURIComponent(reader.email!)}`],
      ["POST", `/api/admin/users/${target}/credits`, { amount: 500, reason: "Free credits for me" }],
      ["POST", `/api/admin/jobs/00000000-0000-4000-8000-000000000000/retry`],
      ["GET", "/api/admin/dead-letters"],
      ["POST", `/api/admin/dead-letters/00000000-0000-4000-8000-000000000000/requeue`],
      ["DELETE", `/api/admin/dead-letters/00000000-0000-4000-8000-000000000000`],
    ];
    for (const [method, path, body] of attempts) {
      const init = { method, body: body ? JSON.stringify(body) : undefined, headers: { "content-type": "application/json" } };
      const asUser = await reader.json<{ error: { code: string } }>(path, init);
      expect(asUser.status, `${method} ${path} as a user`).toBe(403);
      expect(asUser.body.error.code).toBe("forbidden");
      const asNobody = await anonymousClient(reader.baseUrl).json(path, init);
      expect(asNobody.status, `${method} ${path} signed out`).toBe(401);
    }
    const after = await db().user.findUniqueOrThrow({ where: { id: target } });
    expect(after.creditBalance).toBe(before.creditBalance);
    expect(await db().creditLedger.count({ where: { userId: target, kind: "adjust" } })).toBe(0);
  });

  it("let an admin see an account and adjust its credits, with the reason in the ledger", async () => {
    // Reading the credits page grants the month's credits first; do it before taking the start balance.
    await reader.json("/api/credits");
    const account = await admin.json<{ user: { id: string; creditBalance: number } }>(
      `/api/admin/accounts?email=${encodeURIComponent(reader.email!.toUpperCase())}`,
    );
    expect(account.status).toBe(200);
    expect(account.body.user.id).toBe(reader.userId);
    const start = account.body.user.creditBalance;

    const added = await admin.json<{ balance: number }>(`/api/admin/users/${reader.userId}/credits`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ amount: 40, reason: "Compensation for an outage" }),
    });
    expect(added.status).toBe(200);
    expect(added.body.balance).toBe(start + 40);

    const overdraw = await admin.json<{ error: { code: string } }>(`/api/admin/users/${reader.userId}/credits`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ amount: -(start + 41), reason: "Too much" }),
    });
    expect(overdraw.status).toBe(402);
    const noReason = await admin.json(`/api/admin/users/${reader.userId}/credits`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ amount: 5, reason: "" }),
    });
    expect(noReason.status).toBe(422);

    const rows = await db().creditLedger.findMany({ where: { userId: reader.userId!, kind: "adjust" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.amount).toBe(40);
    expect(rows[0]!.reason).toBe(`Compensation for an outage (adjusted by ${admin.email})`);
    const credits = await reader.json<{ balance: number }>("/api/credits");
    expect(credits.body.balance).toBe(start + 40);
  });

  it("list a crash-abandoned chunk as a dead letter and discard it, leaving the chunk failed", async () => {
    const owner = await makeUser();
    const job = await makeJob({ userId: owner.id, status: "partial", fileName: "Abandoned.pdf" });
    await makeChunks({ jobId: job.id, size: 10, statuses: ["failed"] });
    const chunk = await db().chunk.findFirst({ where: { jobId: job.id } });
    const letterId = await sendJob("chunkAbandoned", { jobId: job.id, chunkId: chunk!.id });
    expect(letterId).toBeTruthy();

    const listed = await admin.json<{ deadLetters: { id: string; chunkId: string; userEmail: string }[] }>(
      "/api/admin/dead-letters",
    );
    expect(listed.status).toBe(200);
    const letter = listed.body.deadLetters.find((entry) => entry.id === letterId);
    expect(letter).toMatchObject({ chunkId: chunk!.id, userEmail: owner.email });

    const discarded = await admin.fetch(`/api/admin/dead-letters/${letterId}`, { method: "DELETE" });
    expect(discarded.status).toBe(204);
    const again = await admin.json<{ deadLetters: { id: string }[] }>("/api/admin/dead-letters");
    expect(again.body.deadLetters.some((entry) => entry.id === letterId)).toBe(false);
    expect((await db().chunk.findUniqueOrThrow({ where: { id: chunk!.id } })).status).toBe("failed");
    const gone = await admin.fetch(`/api/admin/dead-letters/${letterId}`, { method: "DELETE" });
    expect(gone.status).toBe(404);
  });
});

type Samples = Map<string, number>;

async function scrape(token = METRICS_TEST_TOKEN): Promise<Samples> {
  const response = await fetch(new URL("/api/metrics", reader.baseUrl), {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/plain");
  const samples: Samples = new Map();
  for (const line of (await response.text()).split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const cut = line.lastIndexOf(" ");
    samples.set(line.slice(0, cut), Number(line.slice(cut + 1)));
  }
  return samples;
}

const sample = (samples: Samples, name: string) => samples.get(name) ?? 0;

describe("GET /api/metrics", () => {
  it("refuses a scrape without the right bearer token", async () => {
    expect((await fetch(new URL("/api/metrics", reader.baseUrl))).status).toBe(401);
    const wrong = await fetch(new URL("/api/metrics", reader.baseUrl), {
      headers: { authorization: "Bearer not-the-metrics-token" },
    });
    expect(wrong.status).toBe(401);
  });

  it("moves by exactly one processed book: jobs, chunk durations and credits", async () => {
    const before = await scrape();
    const text = loadCorpusText("bovary", { words: 30_000 });
    const pdf = await makeNovelPdf({ text, pages: 60, title: "Madame Bovary" });
    const created = await reader.json<{ job: { id: string } }>("/api/jobs", {
      method: "POST",
      body: pdfForm(pdf, { engine: "local", maxWords: "8" }, "metrics.pdf"),
    });
    expect(created.status).toBe(202);
    const jobId = created.body.job.id;
    await expect
      .poll(async () => (await db().job.findUniqueOrThrow({ where: { id: jobId } })).status, {
        timeout: 90_000,
        interval: 500,
      })
      .toBe("succeeded");
    const job = await db().job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job.chunksTotal).toBeGreaterThan(1);

    const after = await scrape();
    const delta = (name: string) => sample(after, name) - sample(before, name);
    expect(delta('phrases_jobs{status="succeeded"}')).toBe(1);
    expect(delta('phrases_chunk_duration_seconds_count{engine="local"}')).toBe(job.chunksTotal);
    expect(delta('phrases_chunk_duration_seconds_bucket{engine="local",le="+Inf"}')).toBe(job.chunksTotal);
    expect(delta('phrases_chunk_duration_seconds_sum{engine="local"}')).toBeGreaterThan(0);
    expect(delta('phrases_credits_total{kind="reserved"}')).toBe(job.creditsReserved);
    expect(delta('phrases_credits_total{kind="charged"}')).toBe(job.creditsCharged);
    expect(job.creditsCharged).toBe(job.pageCount);
    expect(delta('phrases_credits_total{kind="refunded"}')).toBe(job.creditsRefunded);
    // The series is pg-boss's cached queue count (refreshed every few seconds), so it
    // converges on the live count; other files share this stack, so that need not be 0.
    await expect
      .poll(
        async () => {
          const [{ active }] = await db().$queryRaw<{ active: number }[]>`
            select count(*)::int as active from pgboss.job where name = 'novel-chunk' and state = 'active'`;
          return sample(await scrape(), 'phrases_queue_jobs{queue="novel-chunk",state="active"}') - active;
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe(0);
    expect(sample(after, "process_resident_memory_bytes")).toBeGreaterThan(10_000_000);
  });
});
