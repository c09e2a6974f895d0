// Writes a book's rows the way the merge stores them, for tests that build a
// job without running the pipeline: each original once (consecutive rows
// with the same original and part > 1 are its pieces), the pieces pointing to it.
import { db } from "@/lib/db/prisma";

export interface TestSentence {
  position: number;
  text: string;
  original: string;
  page: number;
  wordCount: number;
  kind?: "sentence" | "heading";
  part?: number;
  parts?: number;
  method?: "kept" | "rewritten" | "split" | "ocr";
  fallbackReason?: string;
}

export async function insertSentences(jobId: string, rows: readonly TestSentence[]): Promise<void> {
  const start = await db().originalSentence.count({ where: { jobId } });
  const originals: {
    jobId: string;
    position: number;
    text: string;
    page: number;
    kind: "sentence" | "heading";
    method: "kept" | "rewritten" | "split" | "ocr";
    fallbackReason: string | null;
  }[] = [];
  const pieces = rows.map((row, index) => {
    const previous = rows[index - 1];
    const continues = previous && (row.part ?? 1) > 1 && previous.original === row.original;
    if (!continues) {
      originals.push({
        jobId,
        position: start + originals.length + 1,
        text: row.original,
        page: row.page,
        kind: row.kind ?? "sentence",
        method: row.method ?? ((row.parts ?? 1) > 1 ? "split" : "kept"),
        fallbackReason: row.fallbackReason ?? null,
      });
    }
    return {
      jobId,
      position: row.position,
      text: row.text,
      originalPosition: start + originals.length,
      page: row.page,
      wordCount: row.wordCount,
      kind: row.kind ?? "sentence",
      part: row.part ?? 1,
      parts: row.parts ?? 1,
    };
  });
  for (let at = 0; at < originals.length; at += 5000) {
    await db().originalSentence.createMany({ data: originals.slice(at, at + 5000) });
  }
  for (let at = 0; at < pieces.length; at += 5000) {
    await db().sentence.createMany({ data: pieces.slice(at, at + 5000) });
  }
}
