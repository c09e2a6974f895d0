// Study-set exports are opened in spreadsheets like the book exports, so
// every text cell of the CSV and the Anki TSV goes through the same
// neutraliser (lib/exports/neutralize-formula.ts): a cell that starts with
// = + - @, a tab or a carriage return becomes text, whichever column it is in.
import { describe, expect, it } from "vitest";
import { studySetAnkiTsv, studySetCsv } from "@/lib/study-sets/export-study-set";
import type { StudySetResult } from "@/lib/study-sets/study-set-result";
import { parseDelimited } from "./parse-delimited";

const starts = ["=", "+", "-", "@", "\t", "\r"];
const formulaStart = /^[=+\-@\t\r]/;

function resultWith(start: string): StudySetResult {
  return {
    coverage: { total: 1, covered: 1 },
    lowerBound: 1,
    greedyCount: 1,
    candidates: 1,
    sentences: [
      {
        jobId: "job-1",
        position: 1,
        text: `${start}HYPERLINK("http://x") chat`,
        original: `${start}cmd|' /C calc'!A0 le chat dort.`,
        page: 3,
        words: [{ word: `${start}SUM(1)`, form: `${start}chat` }],
      },
    ],
    uncovered: [],
  } as unknown as StudySetResult;
}

describe("study-set exports", () => {
  for (const start of starts) {
    const label = JSON.stringify(start);

    it(`neutralises every text column of the CSV for cells starting with ${label}`, () => {
      const csv = studySetCsv(resultWith(start), new Map([["job-1", `${start}1+1 livre.pdf`]]));
      const [header, row] = parseDelimited(csv, { bom: true }) as string[][];
      expect(header).toEqual(["sentence", "words", "forms", "original", "page", "book"]);
      const [sentence, words, forms, original, page, book] = row!;
      for (const cell of [sentence, words, forms, original, book]) {
        expect(cell!.startsWith("'"), cell).toBe(true);
        expect(cell!.slice(1).startsWith(start)).toBe(true);
      }
      expect(page).toBe("3");
    });

    it(`leaves no cell of the Anki TSV starting with a formula character for ${label}`, () => {
      const tsv = studySetAnkiTsv(resultWith(start));
      const records = parseDelimited(tsv, { delimiter: "\t" }) as string[][];
      expect(records).toHaveLength(1);
      const cells = records[0]!;
      expect(cells).toHaveLength(4);
      for (const cell of cells) expect(formulaStart.test(cell), cell).toBe(false);
      const [front, back, original, page] = cells;
      if (!/[\t\r]/.test(start)) {
        // The same apostrophe as the book's TSV; tabs and returns become spaces first, as there.
        expect(front).toMatch(new RegExp(`^'\\${start}`));
        expect(back).toMatch(new RegExp(`^'\\${start}`));
        expect(original).toMatch(new RegExp(`^'\\${start}`));
      }
      expect(page).toBe("3");
    });
  }

  it("leaves ordinary cells alone", () => {
    const result = resultWith("");
    const csv = studySetCsv(result, new Map([["job-1", "Madame Bovary.pdf"]]));
    const [, row] = parseDelimited(csv, { bom: true }) as string[][];
    expect(row).toEqual(['HYPERLINK("http://x") chat', "SUM(1)", "chat", "cmd|' /C calc'!A0 le chat dort.", "3", "Madame Bovary.pdf"]);
    expect((parseDelimited(studySetAnkiTsv(result), { delimiter: "\t" }) as string[][])[0]![0]).toBe('HYPERLINK("http://x") {{c1::chat}}');
  });
});
