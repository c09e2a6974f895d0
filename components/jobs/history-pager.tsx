"use client";
// Previous / Next over cursor pages; shown only when there is more than one page.
import { Button } from "@/components/ui/button";
import styles from "./history.module.css";

export function HistoryPager({
  page,
  hasNext,
  onPrevious,
  onNext,
}: {
  /** 1-based. */
  page: number;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}) {
  if (page <= 1 && !hasNext) return null;
  return (
    <nav className={styles.pager} aria-label="Pages of history">
      <span className="tabular">Page {page}</span>
      <span className={styles.pagerButtons}>
        <Button size="sm" disabled={page <= 1} onClick={onPrevious}>
          ← Previous
        </Button>
        <Button size="sm" disabled={!hasNext} onClick={onNext}>
          Next →
        </Button>
      </span>
    </nav>
  );
}
