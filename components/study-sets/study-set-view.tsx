"use client";
// One study set: progress and cancel while it runs; then the coverage bar,
// how close the set is to the lower bound, the sentences in book order with
// the list words they teach (filterable by word), the uncovered words and why,
// and the exports.
import { useMemo, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonAnchor } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { Card, Stat, Stats } from "@/components/ui/surface";
import table from "@/components/ui/table.module.css";
import type { StudySetSentence, UncoveredReason } from "@/lib/study-sets/study-set-result";
import type { StudySetSummary } from "@/lib/study-sets/study-set-summary";
import { isApiError } from "@/lib/client/fetcher";
import { cancelStudySet } from "@/lib/client/study-set-mutations";
import { isStudySetActive, useStudySet } from "@/lib/client/use-study-sets";
import { studySetStepLabels } from "@/lib/study-sets/study-set-states";
import styles from "./study-sets.module.css";

const reasonLabels: Record<UncoveredReason, string> = {
  absent: "not in the books",
  only_long: "only in longer sentences",
  limit: "left out by the sentence cap",
};

/** The sentence with each found form highlighted. */
function Highlighted({ sentence }: { sentence: StudySetSentence }) {
  const parts: ReactNode[] = [];
  const spans = sentence.words
    .map((word) => ({ start: sentence.text.indexOf(word.form), length: word.form.length }))
    .filter((span) => span.start >= 0)
    .sort((a, b) => a.start - b.start);
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    parts.push(sentence.text.slice(at, span.start));
    parts.push(
      <mark key={span.start} className={styles.word}>
        {sentence.text.slice(span.start, span.start + span.length)}
      </mark>,
    );
    at = span.start + span.length;
  }
  parts.push(sentence.text.slice(at));
  return <>{parts}</>;
}

function Result({ set }: { set: StudySetSummary }) {
  const [filter, setFilter] = useState("");
  const coverage = set.coverage ?? { total: 0, covered: 0 };
  const percent = coverage.total > 0 ? (100 * coverage.covered) / coverage.total : 0;
  const needle = filter.trim().toLowerCase();
  const sentences = useMemo(
    () =>
      needle === ""
        ? set.sentences
        : set.sentences.filter((sentence) =>
            sentence.words.some((word) => word.word.toLowerCase().includes(needle) || word.form.toLowerCase().includes(needle)),
          ),
    [set.sentences, needle],
  );
  return (
    <>
      <Card title="Coverage" labelledBy="coverage-title">
        <div
          className={styles.bar}
          role="meter"
          aria-label="Words covered"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(percent)}
        >
          <div className={styles.barFill} style={{ width: `${percent}%` }} />
        </div>
        <Stats>
          <Stat label="Words covered" value={`${coverage.covered} / ${coverage.total} (${percent.toFixed(1)} %)`} testId="stat-coverage" />
          <Stat label="Sentences" value={set.sentences.length} testId="stat-set-sentences" />
          <Stat
            label="Lower bound"
            value={set.lowerBound ?? "–"}
            note="No set covering the same words can have fewer sentences."
            testId="stat-lower-bound"
          />
          <Stat label="Plain greedy" value={set.greedyCount ?? "–"} note="Sentences before the improvement steps." />
        </Stats>
        <div className={styles.tags}>
          <ButtonAnchor size="sm" href={`/api/study-sets/${set.id}/export?format=csv`} download data-testid="study-set-export-csv">
            ↓ CSV
          </ButtonAnchor>
          <ButtonAnchor size="sm" href={`/api/study-sets/${set.id}/export?format=tsv`} download data-testid="study-set-export-tsv">
            ↓ Anki (TSV, cloze)
          </ButtonAnchor>
        </div>
      </Card>
      <Card title="Sentences" labelledBy="set-sentences-title">
        <input
          className={controlClass}
          placeholder="Filter by word"
          aria-label="Filter by word"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        <div className={table.wrap}>
          <table className={table.table} data-testid="study-set-sentences">
            <thead>
              <tr>
                <th>Sentence</th>
                <th>Words</th>
                <th>Original</th>
                <th>Page</th>
              </tr>
            </thead>
            <tbody>
              {sentences.map((sentence) => (
                <tr key={`${sentence.jobId}-${sentence.position}`}>
                  <td>
                    <Highlighted sentence={sentence} />
                  </td>
                  <td>{sentence.words.map((word) => (word.word === word.form ? word.word : `${word.word} (${word.form})`)).join(", ")}</td>
                  <td className={styles.muted}>{sentence.original}</td>
                  <td>{sentence.page}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      {set.uncovered.length > 0 ? (
        <Card title={`Not covered (${set.uncovered.length})`} labelledBy="uncovered-title">
          <ul className={styles.report} data-testid="uncovered-words">
            {set.uncovered.map((word) => (
              <li key={word.word}>
                {word.word} <span className={styles.muted}>— {reasonLabels[word.reason]}</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}

export function StudySetView({ initialSet }: { initialSet: StudySetSummary }) {
  const { data } = useStudySet(initialSet.id);
  const set = data ?? initialSet;
  const [error, setError] = useState<string | null>(null);
  const active = isStudySetActive(set.status);

  return (
    <div className={styles.grid}>
      {active ? (
        <Card title="Choosing sentences…" labelledBy="set-progress-title">
          <div className={styles.bar} role="progressbar" aria-valuenow={set.progress} aria-valuemin={0} aria-valuemax={100}>
            <div className={styles.barFill} style={{ width: `${set.progress}%` }} />
          </div>
          <p className={styles.muted} data-testid="study-set-step">
            {set.status === "cancelling" ? "Cancelling…" : `${studySetStepLabels[set.step]} · ${set.progress} %`}
          </p>
          <div>
            <Button
              variant="dangerOutline"
              size="sm"
              disabled={set.status === "cancelling"}
              onClick={() => cancelStudySet(set.id).catch((caught) => setError(isApiError(caught) ? caught.message : "Could not cancel."))}
            >
              Cancel
            </Button>
          </div>
        </Card>
      ) : null}
      {error ? <Alert tone="danger">{error}</Alert> : null}
      {set.status === "cancelled" ? <Alert tone="warning">This study set was cancelled.</Alert> : null}
      {set.status === "failed" ? <Alert tone="danger">{set.error ?? "The selection failed."}</Alert> : null}
      {set.status === "succeeded" ? <Result set={set} /> : null}
    </div>
  );
}
