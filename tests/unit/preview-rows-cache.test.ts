// A running book's preview is built once per state of its finished chunks:
// polls of an unchanged book must not read and stitch every result again.
import { beforeEach, describe, expect, it, vi } from "vitest";

const state = vi.hoisted(() => ({
  chunks: [] as { index: number; status: string; finishedAt: Date | null; ownedFirst: number; ownedLast: number; result: unknown }[],
  resultReads: 0,
}));

vi.mock("@/lib/db/prisma", () => ({
  db: () => ({
    job: { findUniqueOrThrow: async () => ({ maxWords: 12, includeMatter: true, pageCount: 4 }) },
    chunk: {
      findMany: async (query: { select: { result?: boolean } }) => {
        if (query.select.result) state.resultReads++;
        return state.chunks;
      },
    },
  }),
}));

function chunk(index: number, status: string, text: string) {
  return {
    index,
    status,
    finishedAt: status === "done" ? new Date(1_000 + index) : null,
    ownedFirst: index * 2 + 1,
    ownedLast: index * 2 + 2,
    result: status === "done" ? [{ id: `${index}.0`, text, original: text, page: index * 2 + 1 }] : null,
  };
}

describe("previewRows", () => {
  beforeEach(() => {
    state.resultReads = 0;
  });

  it("builds an unchanged running book once over many polls, and again when a chunk finishes", async () => {
    const { previewRows, previewBuildCount } = await import("@/lib/pipeline/preview-rows");
    state.chunks = [chunk(0, "done", "Il pleut."), chunk(1, "running", "")];
    const before = typeof previewBuildCount === "function" ? previewBuildCount() : 0;
    const first = await previewRows("job-1");
    for (let poll = 0; poll < 20; poll++) expect(await previewRows("job-1")).toEqual(first);
    expect(first.map((row) => row.text)).toEqual(["Il pleut."]);
    expect(state.resultReads).toBe(1);
    expect(previewBuildCount() - before).toBe(1);

    state.chunks = [chunk(0, "done", "Il pleut."), chunk(1, "done", "Elle rit.")];
    const second = await previewRows("job-1");
    expect(second.map((row) => row.text)).toEqual(["Il pleut.", "Elle rit."]);
    expect(state.resultReads).toBe(2);
    expect(previewBuildCount() - before).toBe(2);
  });
});
