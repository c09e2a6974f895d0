// Front and back matter are the runs of rows from publisher-looking pages
// (see detect-matter-pages.ts) at the very start and the very end of the
// book. A flagged page inside the novel is not matter: only the edges are.

export interface MatterInput {
  page: number;
  matter?: boolean;
}

export interface MatterRows {
  /** Rows [0, frontEnd) are front matter; rows [backStart, length) back matter. */
  frontEnd: number;
  backStart: number;
  frontMatterPages: number;
  backMatterPages: number;
}

/**
 * The matter runs, and how many pages they cover: with the book's page
 * count, every page before the novel's first row (a blank or a title page
 * that gave no row is matter too) and after its last.
 */
export function findMatterRows(rows: MatterInput[], pageCount?: number): MatterRows {
  let frontEnd = 0;
  while (frontEnd < rows.length && rows[frontEnd]!.matter) frontEnd++;
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
