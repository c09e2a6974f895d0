"use client";
// A job's sentences: 200 rows per request, "Load more" for the next page, a
// search box and a method filter that ask the server (so they cover the whole
// book). While the job runs (`live`) it shows the rows of the finished chunks
// as they arrive. A row split locally rather than rewritten, or read from a
// scan, carries a small marker.
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, controlClass } from "@/components/ui/field";
import { formatNumber } from "@/components/ui/format";
import { EmptyState, Skeleton } from "@/components/ui/surface";
import tableStyles from "@/components/ui/table.module.css";
import { useDebounced } from "@/components/ui/use-debounced";
import type { SentenceMethod } from "@/lib/client/api-types";
import { useSentences } from "@/lib/client/use-sentences";
import styles from "./sentences.module.css";
import { BookIcon, SearchIcon } from "@/components/ui/icons";
import layout from "@/components/ui/layout.module.css";
import { NumberHeader } from "@/components/ui/number-header";

const methodLabels: Record<SentenceMethod, string> = {
  kept: "Kept as written",
  rewritten: "Rewritten",
  split: "Split",
  ocr: "Read from a scan",
};

/** What the marker says about a row, for the rows that were not kept or rewritten. */
const methodMarks: Partial<Record<SentenceMethod, { label: string; title: string }>> = {
  split: { label: "split", title: "Cut at natural breaks without changing a word, rather than rewritten" },
  ocr: { label: "scan", title: "Read from a scanned page (no text layer)" },
};

export function SentencesTable({ jobId, total, live = false }: { jobId: string; total: number; live?: boolean }) {
  const searchId = useId();
  const methodId = useId();
  const [query, setQuery] = useState("");
  const [method, setMethod] = useState<SentenceMethod | "">("");
  const q = useDebounced(query.trim(), 300);
  const { sentences, hasMore, isLoading, isLoadingMore, loadMore, error, isValidating } = useSentences(jobId, {
    q,
    method: method || undefined,
    live,
  });
  const searching = q !== "" || method !== "";

  return (
    <div>
      <div className={styles.toolbar}>
        <Field id={searchId} label="Search sentences" className={styles.search}>
          <input
            id={searchId}
            type="search"
            className={controlClass}
            placeholder="A word or phrase, in French"
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
            data-testid="sentence-search"
          />
        </Field>
        <Field id={methodId} label="Made by">
          <select
            id={methodId}
            className={controlClass}
            value={method}
            onChange={(event) => setMethod(event.currentTarget.value as SentenceMethod | "")}
            data-testid="sentence-method"
          >
            <option value="">Every sentence</option>
            {(Object.keys(methodLabels) as SentenceMethod[]).map((value) => (
              <option key={value} value={value}>
                {methodLabels[value]}
              </option>
            ))}
          </select>
        </Field>
        <p className={styles.count} role="status" aria-live="polite" data-testid="sentence-count">
          {isLoading
            ? "Loading…"
            : searching
              ? `${formatNumber(sentences.length)}${hasMore ? "+" : ""} matching sentence${sentences.length === 1 ? "" : "s"}`
              : live
                ? `${formatNumber(sentences.length)}${hasMore ? "+" : ""} sentences so far`
                : `Showing ${formatNumber(sentences.length)} of ${formatNumber(total)}`}
        </p>
      </div>

      {error ? (
        <Alert tone="danger">{error.message}</Alert>
      ) : isLoading ? (
        <div className={layout.stackSm} aria-busy="true" aria-label="Loading sentences">
          {Array.from({ length: 6 }, (_, index) => (
            <Skeleton key={index} height="2.2rem" />
          ))}
        </div>
      ) : sentences.length === 0 ? (
        <EmptyState
          icon={searching ? <SearchIcon /> : <BookIcon />}
          title={searching ? "No sentence matches" : "No sentences"}
        >
          {searching
            ? q
              ? `Nothing contains “${q}”. Try another word.`
              : "No sentence was made this way."
            : live
              ? "The first pages are on their way."
              : "This job produced no sentences."}
        </EmptyState>
      ) : (
        <>
          <div className={tableStyles.wrap} style={{ opacity: isValidating && !isLoadingMore ? 0.7 : 1 }}>
            <table className={`${tableStyles.table} ${tableStyles.responsive}`} data-testid="sentences-table">
              <caption className="visually-hidden">Rewritten sentences with their original and page</caption>
              <thead>
                <tr>
                  <NumberHeader>#</NumberHeader>
                  <th scope="col">Sentence</th>
                  <th scope="col">Original</th>
                  <NumberHeader>Page</NumberHeader>
                  <NumberHeader>Words</NumberHeader>
                </tr>
              </thead>
              <tbody>
                {sentences.map((sentence, index) => {
                  const previous = sentences[index - 1];
                  const continued = !searching && previous?.original === sentence.original;
                  if (sentence.kind === "heading") {
                    // A section break: the heading spans the text columns.
                    return (
                      <tr key={sentence.position} className={styles.headingRow} data-kind="heading">
                        <td data-label="#" className={`${tableStyles.num} ${styles.position}`}>
                          {sentence.position}
                        </td>
                        <th scope="rowgroup" colSpan={2} className={styles.heading} lang="fr">
                          <span data-testid="sentence-text">{sentence.text}</span>
                        </th>
                        <td data-label="Page" className={`${tableStyles.num} ${styles.page}`}>
                          {sentence.page}
                        </td>
                        <td data-label="Words" className={`${tableStyles.num} ${styles.words}`} data-testid="sentence-words">
                          {sentence.wordCount}
                        </td>
                      </tr>
                    );
                  }
                  // Pieces of one sentence: an ellipsis marks the side where it goes on.
                  // A model's pieces are each a complete sentence: only the badge says they belong together.
                  const cut = sentence.method !== "rewritten";
                  const before = cut && sentence.part > 1;
                  const after = cut && sentence.part < sentence.parts;
                  const mark =
                    sentence.rewrittenBy === "rules"
                      ? { label: "rules", title: "Rewritten by the offline rules: clauses made into sentences of their own" }
                      : methodMarks[sentence.method];
                  return (
                    <tr
                      key={sentence.position}
                      data-part={`${sentence.part}/${sentence.parts}`}
                      data-method={sentence.method}
                      data-rewritten-by={sentence.rewrittenBy ?? undefined}
                    >
                      <td data-label="#" className={`${tableStyles.num} ${styles.position}`}>
                        {sentence.position}
                      </td>
                      <td data-label="Sentence" className={styles.sentence} lang="fr">
                        {before ? (
                          <span className={styles.continues} title="Continues the sentence above" aria-label="continued: ">
                            …{" "}
                          </span>
                        ) : null}
                        <span data-testid="sentence-text">{sentence.text}</span>
                        {after ? (
                          <span className={styles.continues} title="The sentence goes on below" aria-label=" (continues)">
                            {" "}…
                          </span>
                        ) : null}
                        {sentence.parts > 1 ? (
                          <span className={styles.partBadge} data-testid="sentence-part">
                            {sentence.part}/{sentence.parts}
                          </span>
                        ) : null}
                        {mark && sentence.part === 1 ? (
                          <span className={styles.methodMark} title={mark.title} data-testid="sentence-method-mark">
                            {mark.label}
                          </span>
                        ) : null}
                      </td>
                      <td data-label="Original" className={styles.original} lang="fr">
                        {continued ? (
                          <span className={styles.sameAsAbove} lang="en">
                            same as above
                          </span>
                        ) : (
                          sentence.original
                        )}
                      </td>
                      <td data-label="Page" className={`${tableStyles.num} ${styles.page}`}>
                        {sentence.page}
                      </td>
                      <td
                        data-label="Words"
                        className={`${tableStyles.num} ${styles.words}`}
                        data-testid="sentence-words"
                      >
                        {sentence.wordCount}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {hasMore ? (
            <div className={styles.more}>
              <Button onClick={() => void loadMore()} busy={isLoadingMore} data-testid="load-more">
                Load 200 more
              </Button>
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}
