// After a merge writes a book's rows again (a re-run of failed pages, or a
// stuck job closed with what it has), the owner's corrections are moved to
// the rows they were made on, found by their original sentence's text and
// their part, on the nearest page. A correction whose engine row came back
// the same keeps its place quietly; one whose engine text changed is kept and
// flagged for review (the teacher corrected a row the engine has now
// replaced); one whose row is gone altogether is kept at a negative position
// (-its old one), out of every page and export but never discarded, and its
// history stays in SentenceEdit. Runs in the merge's transaction; a book
// without corrections costs one count.
import type { Tx } from "@/lib/db/prisma";

export async function reattachCorrections(tx: Tx, jobId: string): Promise<{ kept: number; flagged: number; orphaned: number }> {
  const corrections = await tx.sentenceCorrection.findMany({ where: { jobId }, orderBy: { position: "asc" } });
  if (corrections.length === 0) return { kept: 0, flagged: 0, orphaned: 0 };
  const rows = await tx.sentence.findMany({
    where: { jobId },
    orderBy: { position: "asc" },
    select: { position: true, text: true, page: true, part: true, original: { select: { text: true } } },
  });
  const byKey = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = `${row.part}\u0000${row.original.text}`;
    const list = byKey.get(key) ?? [];
    list.push(row);
    byKey.set(key, list);
  }
  const taken = new Set<number>();
  const negatives = new Set(corrections.filter((c) => c.position < 0).map((c) => c.position));
  const orphanPosition = (position: number) => {
    if (position < 0) return position;
    let candidate = -position;
    while (negatives.has(candidate)) candidate--;
    negatives.add(candidate);
    return candidate;
  };
  const placed = corrections.map((correction) => {
    const candidates = (byKey.get(`${correction.part}\u0000${correction.originalText}`) ?? []).filter(
      (row) => !taken.has(row.position),
    );
    const row = candidates.sort((a, b) => Math.abs(a.page - correction.page) - Math.abs(b.page - correction.page))[0];
    if (!row) return { correction, position: orphanPosition(correction.position), changed: true };
    taken.add(row.position);
    return { correction, position: row.position, changed: row.text !== correction.engineText, row };
  });

  await tx.sentenceCorrection.deleteMany({ where: { jobId } });
  await tx.sentenceCorrection.createMany({
    data: placed.map(({ correction, position, changed, row }) => ({
      ...correction,
      position,
      // A restored row has nothing of the owner's to review; an active one the engine changed has.
      needsReview: correction.needsReview || (changed && correction.active),
      engineText: row?.text ?? correction.engineText,
      page: row?.page ?? correction.page,
    })),
  });
  return {
    kept: placed.filter((entry) => entry.position > 0 && !entry.changed).length,
    flagged: placed.filter((entry) => entry.position > 0 && entry.changed).length,
    orphaned: placed.filter((entry) => entry.position < 0).length,
  };
}
