"use client";
// A finished job's sentences: 200 rows per request, "Load more" for the next
// page, and a search box that asks the server (so it covers the whole book).
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, controlClass } from "@/components/ui/field";
import { formatNumber } from "@/components/ui/format";
import { EmptyState, Skeleton } from "@/components/ui/surface";
import tableStyles from "@/components/ui/table.module.css";
import { useDebounced } from "@/components/ui/use-debounced";
import { useSentences } from "@/lib/client/use-sentences";
import styles from "./sentences.module.css";
import { BookIcon, SearchIcon } from "@/components/ui/icons";
import layout from "@/components/ui/layout.module.css";

export function SentencesTable({ jobId, total }: { jobId: string; total: number }) {
  const searchId = useId();
  const [query, setQuery] = useState("");
  const q = useDebounced(query.trim(), 300);
  const { sentences, hasMore, isLoading, isLoadingMore, loadMore, error, isValidating } = useSentences(jobId, { q });
  const searching = q !== "";

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
        <p className={styles.count} role="status" aria-live="polite" data-testid="sentence-count">
          {isLoading
            ? "Loading…"
            : searching
              ? `${formatNumber(sentences.length)}${hasMore ? "+" : ""} matching sentence${sentences.length === 1 ? "" : "s"}`
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
          {searching ? `Nothing contains “${q}”. Try another word.` : "This job produced no sentences."}
        </EmptyState>
      ) : (
        <>
          <div className={tableStyles.wrap} style={{ opacity: isValidating && !isLoadingMore ? 0.7 : 1 }}>
            <table className={`${tableStyles.table} ${tableStyles.responsive}`} data-testid="sentences-table">
              <caption className="visually-hidden">Rewritten sentences with their original and page</caption>
              <thead>
                <tr>
                  <th scope="col" className={tableStyles.num}>
                    #
                  </th>
                  <th scope="col">Sentence</th>
                  <th scope="col">Original</th>
                  <th scope="col" className={tableStyles.num}>
                    Page
                  </th>
                  <th scope="col" className={tableStyles.num}>
                    Words
                  </th>
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
                  const before = sentence.part > 1;
                  const after = sentence.part < sentence.parts;
                  return (
                    <tr key={sentence.position} data-part={`${sentence.part}/${sentence.parts}`}>
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
