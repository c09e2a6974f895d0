"use client";
// Importing a word list: a CSV or text file, or words pasted one a line. The
// import report says what was read, merged, kept as phrases or not recognised.
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, controlClass } from "@/components/ui/field";
import type { WordListSummary } from "@/lib/study-sets/word-list-summary";
import { isApiError } from "@/lib/client/fetcher";
import { importWordList } from "@/lib/client/study-set-mutations";
import styles from "./study-sets.module.css";

function ImportReport({ list }: { list: WordListSummary }) {
  const { report } = list;
  return (
    <Alert tone={report.unrecognised.length > 0 ? "warning" : "success"} title={`“${list.name}”: ${report.entries} words`}>
      <ul className={styles.report} data-testid="import-report">
        <li>{report.read} entries read{report.headerSkipped ? " (header row skipped)" : ""}</li>
        <li>{report.duplicatesMerged.length} duplicates merged</li>
        <li>
          {report.phrases.length} phrases{report.phrases.length > 0 ? `: ${report.phrases.slice(0, 10).join(", ")}` : ""}
        </li>
        <li>
          {report.unrecognised.length} not recognised as French
          {report.unrecognised.length > 0 ? `: ${report.unrecognised.slice(0, 20).join(", ")}` : ""}
        </li>
      </ul>
    </Alert>
  );
}

export function WordListImport() {
  const [name, setName] = useState("");
  const [text, setText] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [imported, setImported] = useState<WordListSummary | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setImported(await importWordList({ name, file, text }));
      setText("");
      setName("");
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : "The list could not be imported.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={styles.form} onSubmit={submit} aria-label="Import a word list">
      <Field id="word-list-name" label="Name" hint="Required for pasted words; a file's name is used otherwise.">
        <input id="word-list-name" className={controlClass} value={name} onChange={(event) => setName(event.target.value)} maxLength={120} />
      </Field>
      <Field id="word-list-file" label="File (CSV or text, one word a line)">
        <input
          id="word-list-file"
          type="file"
          accept=".csv,.txt,.tsv,text/csv,text/plain"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
      </Field>
      <Field
        id="word-list-text"
        label="…or paste the words"
        hint="One a line. chat|chats or bon/bonne give variants; # starts a comment."
      >
        <textarea
          id="word-list-text"
          className={controlClass}
          rows={5}
          value={text}
          onChange={(event) => setText(event.target.value)}
          disabled={file !== null}
        />
      </Field>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      {imported ? <ImportReport list={imported} /> : null}
      <div>
        <Button type="submit" variant="primary" busy={busy} disabled={!file && text.trim() === ""}>
          Import the list
        </Button>
      </div>
    </form>
  );
}
