"use client";
// Step 1 of the upload: drop or choose a PDF, then wait while the server reads it.
import { Alert } from "@/components/ui/alert";
import { Spinner } from "@/components/ui/button";
import { FileCard } from "./file-card";
import { FileDrop } from "./file-drop";
import styles from "./upload.module.css";

export function FileStep({
  estimating,
  error,
  maxMegabytes,
  onFile,
  onManyFiles,
}: {
  /** The file the server is reading now; null while the user picks one. */
  estimating: File | null;
  error: string | null;
  maxMegabytes: number;
  onFile: (file: File) => void;
  onManyFiles: () => void;
}) {
  return (
    <div className={styles.stack}>
      {error ? (
        <Alert tone="danger" testId="upload-error">
          {error}
        </Alert>
      ) : null}
      {estimating ? (
        <>
          <FileCard file={estimating} />
          <p className={styles.loading} role="status">
            <Spinner /> Reading the book: counting its pages (or sections of 300 words) and checking its text…
          </p>
        </>
      ) : (
        <FileDrop onFile={onFile} maxMegabytes={maxMegabytes} onManyFiles={onManyFiles} />
      )}
    </div>
  );
}
