import { describe, expect, it } from "vitest";
import { planChunks, type ChunkPlan } from "@/lib/pipeline/plan-chunks";

function expectTiling(plans: ChunkPlan[], pageCount: number, overlap: number) {
  expect(plans[0].ownedFirst).toBe(1);
  expect(plans.at(-1)!.ownedLast).toBe(pageCount);
  plans.forEach((plan, index) => {
    expect(plan.index).toBe(index);
    expect(plan.ownedFirst).toBeLessThanOrEqual(plan.ownedLast);
    if (index > 0) expect(plan.ownedFirst).toBe(plans[index - 1].ownedLast + 1);
    expect(plan.firstPage).toBe(Math.max(1, plan.ownedFirst - overlap));
    expect(plan.lastPage).toBe(Math.min(pageCount, plan.ownedLast + overlap));
  });
}

describe("planChunks", () => {
  it("gives a one-page book one chunk with no overlap", () => {
    expect(planChunks({ pageCount: 1, chunkPages: 20, overlapPages: 2 })).toEqual([
      { index: 0, firstPage: 1, lastPage: 1, ownedFirst: 1, ownedLast: 1 },
    ]);
  });

  it("keeps a book of exactly one chunk in one piece", () => {
    const plans = planChunks({ pageCount: 20, chunkPages: 20, overlapPages: 1 });
    expect(plans).toHaveLength(1);
    expectTiling(plans, 20, 1);
  });

  it("does not leave a runt last chunk shorter than the overlap", () => {
    const plans = planChunks({ pageCount: 41, chunkPages: 20, overlapPages: 2 });
    expect(plans.map((plan) => plan.ownedLast - plan.ownedFirst + 1)).toEqual([21, 20]);
    expectTiling(plans, 41, 2);
  });

  it("tiles a 1,000-page book in balanced chunks", () => {
    const plans = planChunks({ pageCount: 1000, chunkPages: 20, overlapPages: 1 });
    expect(plans).toHaveLength(50);
    expectTiling(plans, 1000, 1);
  });

  it("tiles every size from 1 to 300 pages with any overlap", () => {
    for (let pageCount = 1; pageCount <= 300; pageCount++) {
      for (const overlap of [0, 1, 3]) {
        expectTiling(planChunks({ pageCount, chunkPages: 7, overlapPages: overlap }), pageCount, overlap);
      }
    }
  });

  it("rejects impossible sizes", () => {
    expect(() => planChunks({ pageCount: 0, chunkPages: 20, overlapPages: 1 })).toThrow(RangeError);
    expect(() => planChunks({ pageCount: 10, chunkPages: 0, overlapPages: 1 })).toThrow(RangeError);
  });
});
