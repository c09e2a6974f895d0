"use client";
// The owner's corrections of one row of the results page, keyboard first:
// the row's text is a button (Enter edits), the editor saves on Enter and
// cancels on Escape; join, split (pick the word to cut before), delete and
// restore are buttons beside it. Errors the server explains (over the word
// limit, changed in another tab) are shown where the teacher is working.
import { useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import type { Sentence } from "@/lib/client/api-types";
import styles from "./sentences.module.css";

const wordPattern = /[\p{L}\p{N}]/u;

function countWords(text: string): number {
  return text.split(/\s+/u).filter((token) => wordPattern.test(token)).length;
}

export type RowAction =
  | { kind: "edit"; text: string; override?: boolean }
  | { kind: "join"; override?: boolean }
  | { kind: "split"; at: number }
  | { kind: "delete" }
  | { kind: "restore" };

export function RowText({
  sentence,
  maxWords,
  editing,
  onEditingChange,
  onAction,
}: {
  sentence: Sentence;
  maxWords: number;
  editing: "text" | "split" | null;
  onEditingChange: (mode: "text" | "split" | null) => void;
  onAction: (action: RowAction) => Promise<void>;
}) {
  const [draft, setDraft] = useState(sentence.text);
  const label = `row ${sentence.position}${sentence.piece > 0 ? `, piece ${sentence.piece + 1}` : ""}`;

  if (editing === "text") {
    const words = countWords(draft);
    const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
      if (event.key === "Enter") {
        event.preventDefault();
        void onAction({ kind: "edit", text: draft });
      } else if (event.key === "Escape") {
        event.preventDefault();
        onEditingChange(null);
      }
    };
    return (
      <span className={styles.editor}>
        <input
          className={controlClass}
          aria-label={`Text of ${label}`}
          aria-describedby={`row-hint-${sentence.position}-${sentence.piece}`}
          value={draft}
          autoFocus
          onChange={(event) => setDraft(event.currentTarget.value)}
          onKeyDown={onKeyDown}
          lang="fr"
          data-testid="row-editor"
        />
        <span id={`row-hint-${sentence.position}-${sentence.piece}`} className={words > maxWords ? styles.overHint : styles.hint}>
          {words} / {maxWords} words · Enter saves, Esc cancels
        </span>
      </span>
    );
  }

  if (editing === "split") {
    const tokens = sentence.text.trim().split(/\s+/u);
    return (
      <span className={styles.splitter} role="group" aria-label={`Cut ${label} before a word (Esc to stop)`}>
        {tokens.map((token, index) =>
          index === 0 ? (
            <span key={index} lang="fr">
              {token}{" "}
            </span>
          ) : (
            <button
              key={index}
              type="button"
              className={styles.cutButton}
              lang="fr"
              autoFocus={index === 1}
              onKeyDown={(event) => {
                if (event.key === "Escape") onEditingChange(null);
              }}
              onClick={() => void onAction({ kind: "split", at: index })}
              data-testid="split-before"
            >
              <span className="visually-hidden" lang="en">
                Cut before{" "}
              </span>
              {token}
            </button>
          ),
        )}
      </span>
    );
  }

  return (
    <button
      type="button"
      className={`${styles.textButton} ${sentence.deleted ? styles.deletedText : ""}`}
      disabled={sentence.deleted}
      onClick={() => {
        setDraft(sentence.text);
        onEditingChange("text");
      }}
      data-testid="sentence-text"
    >
      <span className="visually-hidden" lang="en">
        Edit {label}:{" "}
      </span>
      {sentence.text}
    </button>
  );
}

export function RowMarks({ sentence }: { sentence: Sentence }) {
  return (
    <>
      {sentence.deleted ? (
        <span className={styles.editMark} data-testid="deleted-mark">
          deleted
        </span>
      ) : sentence.edited ? (
        <span className={styles.editMark} title={`The engine wrote: ${sentence.engineText}`} data-testid="edited-mark">
          edited
        </span>
      ) : null}
      {sentence.overLimit ? (
        <span className={styles.editMark} title="Kept above the word limit on purpose" data-testid="over-limit-mark">
          over the limit
        </span>
      ) : null}
      {sentence.needsReview ? (
        <span className={styles.reviewMark} title="A re-run replaced the engine's row under this edit" data-testid="review-mark">
          review
        </span>
      ) : null}
    </>
  );
}

export function RowActions({
  sentence,
  canJoin,
  busy,
  onEditingChange,
  onAction,
}: {
  sentence: Sentence;
  canJoin: boolean;
  busy: boolean;
  onEditingChange: (mode: "text" | "split" | null) => void;
  onAction: (action: RowAction) => Promise<void>;
}) {
  const label = `row ${sentence.position}`;
  if (sentence.deleted) {
    return (
      <span className={styles.actions}>
        <Button size="sm" variant="ghost" disabled={busy} onClick={() => void onAction({ kind: "restore" })} aria-label={`Restore ${label}`}>
          Restore
        </Button>
      </span>
    );
  }
  const words = sentence.text.trim().split(/\s+/u).length;
  return (
    <span className={styles.actions}>
      {canJoin ? (
        <Button size="sm" variant="ghost" disabled={busy} onClick={() => void onAction({ kind: "join" })} aria-label={`Join ${label} with the next row`}>
          Join
        </Button>
      ) : null}
      {words > 1 ? (
        <Button size="sm" variant="ghost" disabled={busy} onClick={() => onEditingChange("split")} aria-label={`Split ${label}`}>
          Split
        </Button>
      ) : null}
      <Button size="sm" variant="ghost" disabled={busy} onClick={() => void onAction({ kind: "delete" })} aria-label={`Delete ${label}`}>
        Delete
      </Button>
      {sentence.edited ? (
        <Button size="sm" variant="ghost" disabled={busy} onClick={() => void onAction({ kind: "restore" })} aria-label={`Restore ${label} to the engine's text`}>
          Restore
        </Button>
      ) : null}
    </span>
  );
}
