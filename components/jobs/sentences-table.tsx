"use client";
// A job's sentences: 200 rows per request, "Load more" for the next page, a
// search box and a method filter that ask the server (so they cover the whole
// book). While the job runs (`live`) it shows the rows of the finished chunks
// as they arrive. A row split locally rather than rewritten, or read from a
// scan, carries a small marker. Once the job has ended, the owner corrects
// rows in place (row-corrections.tsx): every change is the server's answer
// shown as is, an "edited" filter keeps the changed rows, and "Undo" reverses
// this visit's changes, last first.
import { useId, useState } from "react";
import { RowActions, RowMarks, RowText, type RowAction } from "@/components/jobs/row-corrections";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, controlClass } from "@/components/ui/field";
import { formatNumber } from "@/components/ui/format";
import { EmptyState, Skeleton } from "@/components/ui/surface";
import tableStyles from "@/components/ui/table.module.css";
import { useDebounced } from "@/components/ui/use-debounced";
import type { CurrentRow, Sentence, SentenceMethod } from "@/lib/client/api-types";
import { isApiError } from "@/lib/client/fetcher";
import { postDelete, postJoin, postRestore, postSplit, postUndo, patchSentence } from "@/lib/client/sentence-mutations";
import { useJob } from "@/lib/client/use-job";
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

export function SentencesTable({
  jobId,
  total,
  live = false,
  unitLabel = "Page",
}: {
  jobId: string;
  total: number;
  live?: boolean;
  /** "Page" for a PDF, "Section" (about 300 words) for an EPUB or a text file. */
  unitLabel?: string;
}) {
  const searchId = useId();
  const methodId = useId();
  const [query, setQuery] = useState("");
  const [method, setMethod] = useState<SentenceMethod | "">("");
  const [editedOnly, setEditedOnly] = useState(false);
  const q = useDebounced(query.trim(), 300);
  const { sentences, hasMore, isLoading, isLoadingMore, loadMore, error, isValidating, mutate } = useSentences(jobId, {
    q,
    method: method || undefined,
    edited: editedOnly,
    live,
  });
  const searching = q !== "" || method !== "" || editedOnly;
  const correctable = !live;
  const maxWords = useJob(correctable ? jobId : null).data?.maxWords ?? 0;
  const editedId = useId();
  // The row being edited or split: "position:piece".
  const [editing, setEditing] = useState<{ key: string; mode: "text" | "split" } | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ key: string; message: string; retry?: RowAction } | null>(null);
  const [announcement, setAnnouncement] = useState("");
  // This visit's changes, last at the end: Undo reverses them one at a time.
  const [undoStack, setUndoStack] = useState<string[]>([]);

  const rowKey = (sentence: Sentence) => `${sentence.position}:${sentence.piece}`;

  async function runChange(
    key: string,
    change: () => Promise<{ edit: { id: string } | null }>,
    done: string,
    /** Sent again with override when the teacher keeps a row over the limit. */
    retry?: RowAction,
  ) {
    setBusy(true);
    setProblem(null);
    try {
      const answer = await change();
      if (answer.edit) setUndoStack((stack) => [...stack, answer.edit!.id]);
      setEditing(null);
      setAnnouncement(answer.edit ? done : "Nothing to change.");
      await mutate();
    } catch (caught) {
      if (isApiError(caught) && caught.status === 409 && caught.details?.current) {
        const current = caught.details.current as CurrentRow;
        const now = current.texts.length > 0 ? `“${current.texts.join(" / ")}”` : "deleted";
        setProblem({ key, message: `This row was changed in another tab; it now reads ${now}. Your change was not saved.` });
        setEditing(null);
        await mutate();
      } else if (isApiError(caught) && caught.details?.reason === "over_word_limit") {
        setProblem({ key, message: caught.message, retry });
      } else {
        setProblem({ key, message: isApiError(caught) ? caught.message : "The change could not be saved." });
      }
    } finally {
      setBusy(false);
    }
  }

  function act(sentence: Sentence, action: RowAction) {
    const key = rowKey(sentence);
    const { position, version, piece } = sentence;
    const index = sentences.indexOf(sentence);
    const next = sentences[index + 1];
    switch (action.kind) {
      case "edit":
        return runChange(
          key,
          () => patchSentence(jobId, position, { text: action.text, version, piece, override: action.override }),
          "Saved.",
          action,
        );
      case "join":
        return runChange(
          key,
          () =>
            postJoin(jobId, position, {
              version,
              piece,
              nextVersion: next && next.position !== position ? next.version : undefined,
              override: action.override,
            }),
          "Joined with the next row.",
          action,
        );
      case "split":
        return runChange(key, () => postSplit(jobId, position, { version, piece, at: action.at }), "Split.");
      case "delete":
        return runChange(key, () => postDelete(jobId, position, { version, piece: sentence.piece > 0 || piecesOf(sentence) > 1 ? piece : undefined }), "Deleted.");
      case "restore":
        return runChange(key, () => postRestore(jobId, position, { version }), "Restored to the engine's text.");
    }
  }

  function piecesOf(sentence: Sentence) {
    return sentences.filter((other) => other.position === sentence.position && !other.deleted).length;
  }

  function canJoin(sentence: Sentence) {
    const next = sentences[sentences.indexOf(sentence) + 1];
    return Boolean(next && !next.deleted && next.original === sentence.original && next.kind !== "heading");
  }

  async function undo() {
    const editId = undoStack.at(-1);
    if (!editId) return;
    setBusy(true);
    setProblem(null);
    try {
      await postUndo(jobId, editId);
      setUndoStack((stack) => stack.slice(0, -1));
      setAnnouncement("Undone.");
    } catch (caught) {
      setProblem({ key: "undo", message: isApiError(caught) ? caught.message : "The change could not be undone." });
      if (isApiError(caught) && caught.status === 409) setUndoStack((stack) => stack.slice(0, -1));
    } finally {
      setBusy(false);
      await mutate();
    }
  }

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
        {correctable ? (
          <div className={styles.correctionTools}>
            <label htmlFor={editedId} className={styles.checkLabel}>
              <input
                id={editedId}
                type="checkbox"
                checked={editedOnly}
                onChange={(event) => setEditedOnly(event.currentTarget.checked)}
                data-testid="edited-only"
              />{" "}
              Edited rows only
            </label>
            <Button size="sm" disabled={busy || undoStack.length === 0} onClick={() => void undo()} data-testid="undo">
              Undo{undoStack.length > 0 ? ` (${undoStack.length})` : ""}
            </Button>
          </div>
        ) : null}
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

      <p className="visually-hidden" role="status" aria-live="polite" data-testid="correction-status">
        {announcement}
      </p>
      {problem?.key === "undo" ? (
        <Alert tone="danger" testId="correction-problem">
          {problem.message}
        </Alert>
      ) : null}
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
              : editedOnly
                ? "No row has been edited yet."
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
                  <NumberHeader>{unitLabel}</NumberHeader>
                  <NumberHeader>Words</NumberHeader>
                  {correctable ? (
                    <th scope="col">
                      <span className="visually-hidden">Corrections</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {sentences.map((sentence, index) => {
                  const previous = sentences[index - 1];
                  const continued = !searching && previous?.original === sentence.original;
                  if (sentence.kind === "heading") {
                    // A section break: the heading spans the text columns.
                    return (
                      <tr key={rowKey(sentence)} className={styles.headingRow} data-kind="heading">
                        <td data-label="#" className={`${tableStyles.num} ${styles.position}`}>
                          {sentence.position}
                        </td>
                        <th scope="rowgroup" colSpan={2} className={styles.heading} lang="fr">
                          <span data-testid="sentence-text">{sentence.text}</span>
                        </th>
                        <td data-label={unitLabel} className={`${tableStyles.num} ${styles.page}`}>
                          {sentence.page}
                        </td>
                        <td data-label="Words" className={`${tableStyles.num} ${styles.words}`} data-testid="sentence-words">
                          {sentence.wordCount}
                        </td>
                        {correctable ? <td /> : null}
                      </tr>
                    );
                  }
                  const key = rowKey(sentence);
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
                      key={key}
                      data-testid="sentence-row"
                      data-position={sentence.position}
                      data-piece={sentence.piece}
                      data-edited={sentence.edited || undefined}
                      data-deleted={sentence.deleted || undefined}
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
                        {correctable ? (
                          <RowText
                            key={`${key}:${sentence.version}`}
                            sentence={sentence}
                            maxWords={maxWords}
                            editing={editing?.key === key ? editing.mode : null}
                            onEditingChange={(mode) => setEditing(mode ? { key, mode } : null)}
                            onAction={(action) => act(sentence, action)}
                          />
                        ) : (
                          <span data-testid="sentence-text">{sentence.text}</span>
                        )}
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
                        {correctable ? <RowMarks sentence={sentence} /> : null}
                        {problem?.key === key ? (
                          <span className={styles.rowProblem} role="alert" data-testid="correction-problem">
                            {problem.message}
                            {problem.retry && (problem.retry.kind === "edit" || problem.retry.kind === "join") ? (
                              <Button
                                size="sm"
                                variant="ghost"
                                onClick={() => void act(sentence, { ...problem.retry!, override: true } as RowAction)}
                                data-testid="keep-over-limit"
                              >
                                Keep it anyway
                              </Button>
                            ) : null}
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
                      <td data-label={unitLabel} className={`${tableStyles.num} ${styles.page}`}>
                        {sentence.page}
                      </td>
                      <td
                        data-label="Words"
                        className={`${tableStyles.num} ${styles.words}`}
                        data-testid="sentence-words"
                      >
                        {sentence.wordCount}
                      </td>
                      {correctable ? (
                        <td data-label="Corrections" className={styles.actionsCell}>
                          <RowActions
                            sentence={sentence}
                            canJoin={canJoin(sentence)}
                            busy={busy}
                            onEditingChange={(mode) => setEditing(mode ? { key, mode } : null)}
                            onAction={(action) => act(sentence, action)}
                          />
                        </td>
                      ) : null}
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
