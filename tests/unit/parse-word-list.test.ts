// Word lists as teachers write them, and the import report a user reads.
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { hasKnownLemma } from "@/lib/french/lemmatize";
import { maxVariantsPerLine, parseWordList } from "@/lib/study-sets/parse-word-list";

describe("reading a word list", () => {
  it("reads variants, comments, a header, phrases, duplicates and unknown words", () => {
    const text = [
      "mot,traduction",
      "# Unité 3",
      "chat|chats,cat",
      "bon/bonne",
      "aller # le verbe",
      "Chat",
      "tout à coup",
      '"œil",eye',
      "zblorfquux",
      "",
      "chats",
    ].join("\r\n");
    const { entries, report } = parseWordList(text, hasKnownLemma);
    expect(entries.map((entry) => entry.word)).toEqual(["chat", "bon", "aller", "tout à coup", "œil", "zblorfquux"]);
    expect(entries[0]!.variants).toEqual(["chat", "chats"]);
    expect(entries[1]!.variants).toEqual(["bon", "bonne"]);
    expect(report.headerSkipped).toBe(true);
    expect(report.read).toBe(8);
    expect(report.entries).toBe(6);
    expect(report.duplicatesMerged).toEqual(["Chat", "chats"]);
    expect(report.phrases).toEqual(["tout à coup"]);
    expect(report.unrecognised).toEqual(["zblorfquux"]);
  });

  it("keeps a first line that is a word, not a header", () => {
    const { entries, report } = parseWordList("maison\nporte\n", hasKnownLemma);
    expect(report.headerSkipped).toBe(false);
    expect(entries.map((entry) => entry.word)).toEqual(["maison", "porte"]);
  });
});

// Lists built to make merging slow. A merge that compared every variant with
// every other took about 21 s on two lines of 8,000 variants; the budgets
// below are generous for linear work (a few milliseconds) and far under that.
describe("reading a word list built to be slow", () => {
  const variants = (prefix: string, count: number) =>
    Array.from({ length: count }, (_, index) => `${prefix}${index.toString(36)}`).join("|");

  it("refuses a line of more than 50 variants with 422 naming the line, at once", () => {
    const text = `# liste\nchat|${variants("chat", 7_999)}\nchat|${variants("chien", 7_999)}\n`;
    const started = performance.now();
    let error: unknown;
    try {
      parseWordList(text, hasKnownLemma);
    } catch (caught) {
      error = caught;
    }
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(422);
    expect((error as AppError).message).toMatch(/line 2\b/i);
    expect((error as AppError).details).toMatchObject({ line: 2, maxVariants: maxVariantsPerLine });
    // Fifty is still read.
    expect(parseWordList(`chat|${variants("chat", 49)}`, hasKnownLemma).entries[0]!.variants).toHaveLength(50);
  });

  it("merges many duplicate lines in linear time, keeping each spelling once", () => {
    const lines = Array.from({ length: 300 }, (_, line) => `chat|${variants(`chat${line.toString(36)}x`, 45)}|Chats`);
    const started = performance.now();
    const { entries, report } = parseWordList(lines.join("\n"), hasKnownLemma);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.variants).toHaveLength(1 + 300 * 45 + 1);
    expect(report.duplicatesMerged).toHaveLength(299);
  });
});
