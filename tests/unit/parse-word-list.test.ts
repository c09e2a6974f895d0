// Word lists as teachers write them, and the import report a user reads.
import { describe, expect, it } from "vitest";
import { isFrenchWord } from "@/lib/french/lemmatize";
import { parseWordList } from "@/lib/study-sets/parse-word-list";

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
    const { entries, report } = parseWordList(text, isFrenchWord);
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
    const { entries, report } = parseWordList("maison\nporte\n", isFrenchWord);
    expect(report.headerSkipped).toBe(false);
    expect(entries.map((entry) => entry.word)).toEqual(["maison", "porte"]);
  });
});
