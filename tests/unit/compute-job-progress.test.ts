import { describe, expect, it } from "vitest";
import {
  computeJobProgress,
  mergePageRanges,
  snapshotChunks,
  type ChunkSnapshot,
  type ProgressJobRow,
} from "@/lib/jobs/compute-job-progress";
import type { ChunkStatus } from "@/lib/generated/prisma/client";
import { tickJobClock } from "@/lib/client/tick-job-clock";
import { decodeChunkStates, encodeChunkStates } from "@/lib/jobs/chunk-state-runs";

const start = new Date("2026-11-20T10:00:00Z");
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);

function job(overrides: Partial<ProgressJobRow> = {}): ProgressJobRow {
  return {
    id: "6f1c2b9e-8d4a-4c3b-9a7e-1f2d3c4b5a69",
    status: "running",
    step: "processing",
    fileName: "Les Misérables — Tome I — Fantine.pdf",
    pageCount: 700,
    format: "pdf",
    maxWords: 8,
    engine: "gemini",
    model: "gemini-2.5-flash",
    chunksTotal: 35,
    chunksDone: 0,
    chunksFailed: 0,
    sentenceCount: 0,
    creditsReserved: 2100,
    creditsCharged: 0,
    creditsRefunded: 0,
    includeMatter: false,
    frontMatterPages: 0,
    backMatterPages: 0,
    error: null,
    createdAt: at(-5),
    startedAt: start,
    finishedAt: null,
    updatedAt: start,
    ...overrides,
  };
}

function chunks(statuses: ChunkStatus[], size = 20): ChunkSnapshot {
  return snapshotChunks(
    statuses.map((status, index) => ({ index, status, ownedFirst: index * size + 1, ownedLast: (index + 1) * size })),
  );
}

describe("computeJobProgress", () => {
  it("projects the finish from the pace at the last chunk and counts down to it", () => {
    // 10 of 35 chunks took 100 s: 25 more take 250 s from the last completion.
    const statuses: ChunkStatus[] = [
      ...Array(10).fill("done"),
      ...Array(4).fill("running"),
      ...Array(21).fill("pending"),
    ];
    const row = job({ chunksDone: 10, updatedAt: at(100) });
    expect(computeJobProgress(row, chunks(statuses), null, at(100)).etaSeconds).toBe(250);
    const later = computeJobProgress(row, chunks(statuses), null, at(160));
    expect(later.etaSeconds).toBe(190);
    expect(later.elapsedSeconds).toBe(160);
    expect(later.percent).toBe(28);
    // The finish instant does not move with the clock: the answer stays the same between changes.
    expect(later.estimatedFinishAt).toBe(at(350).toISOString());
    expect(computeJobProgress(row, chunks(statuses), null, at(100)).estimatedFinishAt).toBe(at(350).toISOString());
    // Overdue: never negative.
    expect(computeJobProgress(row, chunks(statuses), null, at(1000)).etaSeconds).toBe(0);
  });

  it("has no ETA before the first chunk finishes, and a queue position only while queued", () => {
    const queued = computeJobProgress(
      job({ status: "queued", step: "queued", startedAt: null, chunksTotal: 0 }),
      chunks([]),
      3,
      at(5),
    );
    expect(queued).toMatchObject({
      etaSeconds: null,
      elapsedSeconds: 0,
      percent: 0,
      queuePosition: 3,
      chunkStates: "",
    });
    const running = computeJobProgress(job(), chunks(Array(35).fill("queued")), 3, at(20));
    expect(running.etaSeconds).toBeNull();
    expect(running.queuePosition).toBeNull();
  });

  it("stays at most 99 % until the job ends, and does not depend on the clock once ended", () => {
    const merging = computeJobProgress(
      job({ chunksDone: 35, step: "merging", updatedAt: at(300) }),
      chunks(Array(35).fill("done")),
      null,
      at(301),
    );
    expect(merging.percent).toBe(99);
    const done = job({
      status: "succeeded",
      step: "succeeded",
      chunksDone: 35,
      finishedAt: at(320),
      updatedAt: at(320),
    });
    const one = computeJobProgress(done, chunks(Array(35).fill("done")), null, at(400));
    const two = computeJobProgress(done, chunks(Array(35).fill("done")), null, at(9000));
    expect(one).toEqual(two);
    expect(one).toMatchObject({ percent: 100, elapsedSeconds: 320, etaSeconds: null });
  });

  it("lists failed pages as merged ranges", () => {
    const statuses: ChunkStatus[] = ["done", "failed", "failed", "done", "failed"];
    const progress = computeJobProgress(
      job({ status: "partial", chunksTotal: 5, chunksDone: 2, chunksFailed: 3, finishedAt: at(50) }),
      chunks(statuses),
      null,
    );
    expect(progress.failedPages).toEqual([
      { first: 21, last: 60 },
      { first: 81, last: 100 },
    ]);
    expect(progress.chunkStates).toBe("1d2f1d1f");
    expect(decodeChunkStates(progress.chunkStates)).toEqual(statuses);
  });

  it("answers in under 2 KB of JSON for a 700-page book in 35 chunks", () => {
    const statuses: ChunkStatus[] = [
      ...Array(12).fill("done"),
      ...Array(2).fill("failed"),
      ...Array(4).fill("running"),
      ...Array(4).fill("queued"),
      ...Array(13).fill("cancelled"),
    ];
    const progress = computeJobProgress(
      job({
        status: "cancelling",
        chunksDone: 12,
        chunksFailed: 2,
        error: "Pages 261–300 could not be processed.",
      }),
      chunks(statuses),
      null,
      at(500),
    );
    expect(Buffer.byteLength(JSON.stringify(progress))).toBeLessThan(2048);
  });
});

describe("chunk state runs", () => {
  it("codes a 35-chunk grid in a few characters and decodes it back in order", () => {
    const statuses: ChunkStatus[] = [
      ...Array(12).fill("done"),
      "failed",
      ...Array(4).fill("running"),
      ...Array(4).fill("queued"),
      ...Array(14).fill("pending"),
    ];
    const code = computeJobProgress(job({ chunksDone: 12, chunksFailed: 1 }), chunks(statuses), null, at(60)).chunkStates;
    expect(code).toBe("12d1f4r4q14p");
    expect(decodeChunkStates(code)).toEqual(statuses);
    expect(encodeChunkStates("")).toBe("");
    expect(decodeChunkStates("")).toEqual([]);
  });
});

describe("mergePageRanges", () => {
  it("joins touching and overlapping ranges in page order", () => {
    expect(
      mergePageRanges([
        { first: 41, last: 60 },
        { first: 1, last: 20 },
        { first: 21, last: 40 },
        { first: 100, last: 120 },
      ]),
    ).toEqual([
      { first: 1, last: 60 },
      { first: 100, last: 120 },
    ]);
  });
});

describe("tickJobClock", () => {
  const startedAt = "2026-01-01T10:00:00.000Z";
  const estimatedFinishAt = "2026-01-01T10:05:00.000Z";

  it("counts elapsed time up and time left down from the answer's instants", () => {
    const job = { startedAt, estimatedFinishAt, elapsedSeconds: 10, etaSeconds: 290 };
    expect(tickJobClock(job, Date.parse("2026-01-01T10:01:00.000Z"))).toEqual({ elapsedSeconds: 60, etaSeconds: 240 });
    expect(tickJobClock(job, Date.parse("2026-01-01T10:06:00.000Z"))).toEqual({ elapsedSeconds: 360, etaSeconds: 0 });
  });

  it("shows the answer's own figures before the first tick and while the finish is unknown", () => {
    const job = { startedAt, estimatedFinishAt: null, elapsedSeconds: 10, etaSeconds: null };
    expect(tickJobClock(job, null)).toEqual({ elapsedSeconds: 10, etaSeconds: null });
    expect(tickJobClock(job, Date.parse("2026-01-01T10:00:30.000Z"))).toEqual({ elapsedSeconds: 30, etaSeconds: null });
  });
});
