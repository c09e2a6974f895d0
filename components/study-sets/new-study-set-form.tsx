"use client";
// A new study set: finished jobs, then a saved list, pasted words, or none
// (the books' own most useful words), and the options.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, controlClass } from "@/components/ui/field";
import { isApiError } from "@/lib/client/fetcher";
import { createStudySet } from "@/lib/client/study-set-mutations";
import { useJobs } from "@/lib/client/use-jobs";
import { useWordLists } from "@/lib/client/use-study-sets";
import styles from "./study-sets.module.css";

type Source = "list" | "words" | "book";

export function NewStudySetForm({ initialJobId }: { initialJobId?: string }) {
  const router = useRouter();
  const { data: jobsPage } = useJobs({ limit: 100 });
  const { data: lists } = useWordLists();
  const finished = (jobsPage?.jobs ?? []).filter((job) => job.status === "succeeded" || job.status === "partial");
  const [jobIds, setJobIds] = useState<string[]>(initialJobId ? [initialJobId] : []);
  const [source, setSource] = useState<Source>("list");
  const [wordListId, setWordListId] = useState("");
  const [words, setWords] = useState("");
  const [topWords, setTopWords] = useState(300);
  const [maxSentences, setMaxSentences] = useState(500);
  const [maxWords, setMaxWords] = useState("");
  const [preferFewerUnknown, setPreferFewerUnknown] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const chosenListId = wordListId || lists?.wordLists[0]?.id || "";

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { id } = await createStudySet({
        jobIds,
        ...(source === "list" ? { wordListId: chosenListId } : {}),
        ...(source === "words" ? { words } : {}),
        ...(source === "book" ? { topWords } : {}),
        maxSentences,
        ...(maxWords ? { maxWords: Number(maxWords) } : {}),
        preferFewerUnknown,
      });
      router.push(`/study-sets/${id}`);
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : "The study set could not be started.");
      setBusy(false);
    }
  }

  return (
    <form className={styles.form} onSubmit={submit} aria-label="New study set">
      <fieldset className={styles.checkboxes}>
        <legend>Finished jobs to take sentences from</legend>
        {finished.length === 0 ? <p className={styles.muted}>No finished job yet: upload a book first.</p> : null}
        {finished.map((job) => (
          <label key={job.id}>
            <input
              type="checkbox"
              checked={jobIds.includes(job.id)}
              onChange={(event) =>
                setJobIds((ids) => (event.target.checked ? [...ids, job.id] : ids.filter((id) => id !== job.id)))
              }
            />{" "}
            {job.fileName} <span className={styles.muted}>({job.sentenceCount} sentences, ≤ {job.maxWords} words)</span>
          </label>
        ))}
      </fieldset>
      <Field id="study-set-source" label="Words to cover">
        <select id="study-set-source" className={controlClass} value={source} onChange={(event) => setSource(event.target.value as Source)}>
          <option value="list">A saved word list</option>
          <option value="words">Words I paste</option>
          <option value="book">No list: the book’s most useful words</option>
        </select>
      </Field>
      {source === "list" ? (
        <Field id="study-set-list" label="Word list">
          <select id="study-set-list" className={controlClass} value={chosenListId} onChange={(event) => setWordListId(event.target.value)}>
            {(lists?.wordLists ?? []).map((list) => (
              <option key={list.id} value={list.id}>
                {list.name} ({list.entryCount} words)
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {source === "words" ? (
        <Field id="study-set-words" label="Words, one a line">
          <textarea id="study-set-words" className={controlClass} rows={5} value={words} onChange={(event) => setWords(event.target.value)} />
        </Field>
      ) : null}
      {source === "book" ? (
        <Field id="study-set-top" label="How many words">
          <input id="study-set-top" type="number" min={10} max={5000} className={controlClass} value={topWords} onChange={(event) => setTopWords(Number(event.target.value))} />
        </Field>
      ) : null}
      <div className={styles.options}>
        <Field id="study-set-max-sentences" label="At most this many sentences">
          <input id="study-set-max-sentences" type="number" min={1} max={5000} className={controlClass} value={maxSentences} onChange={(event) => setMaxSentences(Number(event.target.value))} />
        </Field>
        <Field id="study-set-max-words" label="Words per sentence" hint="Empty: the jobs’ own limit.">
          <input id="study-set-max-words" type="number" min={3} max={30} className={controlClass} value={maxWords} onChange={(event) => setMaxWords(event.target.value)} />
        </Field>
      </div>
      <label>
        <input type="checkbox" checked={preferFewerUnknown} onChange={(event) => setPreferFewerUnknown(event.target.checked)} /> Prefer
        sentences with fewer words outside the list
      </label>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <div>
        <Button
          type="submit"
          variant="primary"
          busy={busy}
          disabled={jobIds.length === 0 || (source === "list" && !chosenListId) || (source === "words" && words.trim() === "")}
        >
          Choose the sentences
        </Button>
      </div>
    </form>
  );
}
