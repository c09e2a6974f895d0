// Uploads waiting for the inspection thread go smallest first: a short book
// that arrives with long ones is accepted before them, not after.
import { beforeAll, describe, expect, it } from "vitest";
import { inspectPdfSafely } from "@/lib/pdf/inspect-pdf-safely";
import { loadCorpusText, makeNovelPdf } from "@/tests/fixtures/make-novel-pdf";

const limits = { maxBytes: 50 * 2 ** 20, maxPages: 1000 };
let short: Uint8Array;
let long: Uint8Array;

beforeAll(async () => {
  const text = loadCorpusText("bovary", { words: 40_000 });
  short = await makeNovelPdf({ text: loadCorpusText("bovary", { words: 3000 }), pages: 5, title: "Court" });
  long = await makeNovelPdf({ text, pages: 100, title: "Long" });
}, 60_000);

describe("inspectPdfSafely", () => {
  it("inspects a short upload before long ones that arrived with it", async () => {
    const finished: string[] = [];
    const track = (name: string, bytes: Uint8Array) =>
      inspectPdfSafely(bytes, limits).then((info) => {
        finished.push(name);
        return info;
      });
    // The first one occupies the thread; the other three wait together.
    const answers = await Promise.all([
      track("first", long),
      track("long 1", long),
      track("long 2", long),
      track("short", short),
    ]);
    expect(finished).toEqual(["first", "short", "long 1", "long 2"]);
    expect(answers.map((info) => info.pageCount)).toEqual([100, 100, 100, 5]);
  }, 60_000);
});
