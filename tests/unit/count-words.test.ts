import { describe, expect, it } from "vitest";
import { countWords, listWords } from "@/lib/text/count-words";

describe("countWords", () => {
  it("counts elisions and hyphenated inversions as one word", () => {
    expect(countWords("Aujourd'hui, l'homme demanda-t-elle.")).toBe(3);
    expect(countWords("Qu’est-ce que c’est ?")).toBe(3);
  });

  it("does not count punctuation standing alone", () => {
    expect(countWords("— « Vraiment ? » ; : ! ? …")).toBe(1);
    expect(countWords("-- Que cherchez-vous? demanda le professeur.")).toBe(5);
  });

  it("splits on any whitespace, including no-break and narrow no-break spaces", () => {
    expect(countWords("Vraiment\u00a0?\u202fOui\nnon\tpeut-être")).toBe(4);
    expect(listWords("«\u00a0Je m'endors.\u00a0»")).toEqual(["Je", "m'endors."]);
  });

  it("counts numbers as words and an empty text as none", () => {
    expect(countWords("En 1812, vers la fin.")).toBe(5);
    expect(countWords("   ")).toBe(0);
    expect(countWords("")).toBe(0);
  });
});
