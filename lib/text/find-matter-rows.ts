// Front and back matter are the runs of rows from publisher-looking pages
// (see detect-matter-pages.ts) at the very start and the very end of the
// book. A flagged page inside the novel is not matter: only the edges are.
//
// One page the detector missed among the front pages (a title page it took
// for text) must not cut the run short, or every publisher's page after it
// would come out as the novel's sentences. So the front run goes on over a
// single unflagged page with a few words when flagged pages follow it at
// once, unless that page holds a chapter or part title. The back run gets no
// such leeway: a novel's last page may well be short.
import type { SentenceKind } from "@/lib/generated/prisma/client";
import { countWords } from "@/lib/text/count-words";

export interface MatterInput {
  page: number;
  matter?: boolean;
  /** The row's text and kind, for weighing an unflagged page inside the front matter. */
  text?: string;
  kind?: SentenceKind;
}

export interface MatterRows {
  /** Rows [0, frontEnd) are front matter; rows [backStart, length) back matter. */
  frontEnd: number;
  backStart: number;
  frontMatterPages: number;
  backMatterPages: number;
}

/** Most words an unflagged page inside the front matter may hold and still be bridged. */
const bridgeWords = 30;
const structuralHeading =
  /^(chapitre|livre|partie|tome|acte|scène|prologue|épilogue|préface|avant-propos|introduction|(première|deuxième|troisième|quatrième|cinquième|sixième|septième|huitième|neuvième|dixième|seconde|dernière)\s+partie)\b|^[IVXLC]+\b|^\d{1,3}\.?$/iu;

/** Where the front run ends: its first row, after any bridged page, that is the novel's. */
function frontRunEnd(rows: MatterInput[]): number {
  let end = 0;
  for (;;) {
    while (end < rows.length && rows[end]!.matter) end++;
    if (end === 0 || end >= rows.length) return end;
    // The unflagged rows that follow, up to the next flagged row.
    let next = end;
    while (next < rows.length && !rows[next]!.matter) next++;
    if (next >= rows.length) return end;
    const island = rows.slice(end, next);
    const onePage = island.every((row) => row.page === island[0]!.page);
    const words = island.reduce((total, row) => total + (row.text === undefined ? Infinity : countWords(row.text)), 0);
    const opensNovel = island.some((row) => row.kind === "heading" && structuralHeading.test(row.text?.trim() ?? ""));
    const flaggedNext = rows[next]!.page <= island[0]!.page + 1;
    if (!onePage || words > bridgeWords || opensNovel || !flaggedNext) return end;
    end = next;
  }
}

/**
 * The matter runs, and how many pages they cover: with the book's page
 * count, every page before the novel's first row (a blank or a title page
 * that gave no row is matter too) and after its last.
 */
export function findMatterRows(rows: MatterInput[], pageCount?: number): MatterRows {
  const frontEnd = frontRunEnd(rows);
  let backStart = rows.length;
  while (backStart > frontEnd && rows[backStart - 1]!.matter) backStart--;
  const distinctPages = (from: number, to: number) =>
    new Set(rows.slice(from, to).map((row) => row.page)).size;
  const firstBody = rows[frontEnd];
  const lastBody = rows[backStart - 1];
  let frontMatterPages = distinctPages(0, frontEnd);
  let backMatterPages = distinctPages(backStart, rows.length);
  if (frontEnd > 0) {
    frontMatterPages = firstBody ? firstBody.page - 1 : frontMatterPages;
  }
  if (backStart < rows.length && pageCount !== undefined) {
    backMatterPages = lastBody ? pageCount - lastBody.page : backMatterPages;
  }
  return { frontEnd, backStart, frontMatterPages, backMatterPages };
}
