"use client";
// The Study sets page: word lists (import, reuse, delete), a new set, and the
// history of the user's sets (a study-set history here rather than in the
// jobs history, which lists books).
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { Badge } from "@/components/ui/status-badge";
import { Card, EmptyState } from "@/components/ui/surface";
import { deleteWordList } from "@/lib/client/study-set-mutations";
import { isStudySetActive, useStudySets, useWordLists } from "@/lib/client/use-study-sets";
import { NewStudySetForm } from "./new-study-set-form";
import { WordListImport } from "./word-list-import";
import styles from "./study-sets.module.css";

function StudySetHistory() {
  const { data } = useStudySets();
  const sets = data?.studySets ?? [];
  if (data && sets.length === 0) return <EmptyState title="No study set yet">Choose jobs and a list above.</EmptyState>;
  return (
    <ul className={styles.list} data-testid="study-set-history">
      {sets.map((set) => (
        <li key={set.id} className={styles.listItem}>
          <Link href={`/study-sets/${set.id}`}>{set.name}</Link>
          <span className={styles.tags}>
            <Badge tone={set.status === "succeeded" ? "success" : isStudySetActive(set.status) ? "info" : "warning"} pulse={isStudySetActive(set.status)}>
              {set.status}
            </Badge>
            {set.coverage ? (
              <span className={styles.muted}>
                {set.coverage.covered}/{set.coverage.total} words
              </span>
            ) : null}
            <span className={styles.muted}>
              <LocalTime iso={set.createdAt} />
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}

function WordLists() {
  const { data } = useWordLists();
  const lists = data?.wordLists ?? [];
  return (
    <ul className={styles.list} data-testid="word-lists">
      {lists.map((list) => (
        <li key={list.id} className={styles.listItem}>
          <span>
            {list.name} <span className={styles.muted}>({list.entryCount} words)</span>
          </span>
          <Button size="sm" variant="ghost" onClick={() => void deleteWordList(list.id)} aria-label={`Delete the list ${list.name}`}>
            Delete
          </Button>
        </li>
      ))}
    </ul>
  );
}

export function StudySetsView({ jobId }: { jobId?: string }) {
  return (
    <div className={styles.grid}>
      <Card title="New study set" labelledBy="new-study-set-title">
        <NewStudySetForm initialJobId={jobId} />
      </Card>
      <Card title="Your study sets" labelledBy="study-set-history-title">
        <StudySetHistory />
      </Card>
      <Card title="Word lists" labelledBy="word-lists-title">
        <WordLists />
        <WordListImport />
      </Card>
    </div>
  );
}
