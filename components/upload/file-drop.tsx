"use client";
import { useId, useRef, useState, type DragEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import styles from "./upload.module.css";
import { bookFileAccept } from "./check-pdf-file";

/** A drop zone plus a labelled file input; hands the chosen file to the parent. */
export function FileDrop({
  onFile,
  maxMegabytes,
  onManyFiles,
}: {
  onFile: (file: File) => void;
  maxMegabytes: number;
  onManyFiles: () => void;
}) {
  const inputId = useId();
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);

  function take(files: FileList | null) {
    if (!files || files.length === 0) return;
    if (files.length > 1) {
      onManyFiles();
      return;
    }
    onFile(files[0]!);
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    depth.current = 0;
    setDragging(false);
    take(event.dataTransfer.files);
  }

  return (
    <div
      className={[styles.drop, dragging && styles.dragging].filter(Boolean).join(" ")}
      onDragEnter={(event) => {
        event.preventDefault();
        depth.current += 1;
        setDragging(true);
      }}
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = "copy";
      }}
      onDragLeave={() => {
        depth.current -= 1;
        if (depth.current <= 0) setDragging(false);
      }}
      onDrop={onDrop}
      data-testid="file-drop"
    >
      <span className={styles.dropIcon} aria-hidden="true">
        BOOK
      </span>
      <p className={styles.dropTitle}>{dragging ? "Drop the book here" : "Drag a novel here: PDF, EPUB or text"}</p>
      <p className={styles.dropHint}>
        One PDF with a text layer, a DRM-free EPUB or a plain-text file, up to {maxMegabytes} MB.
      </p>
      <input
        id={inputId}
        type="file"
        accept={bookFileAccept}
        className={styles.fileInput}
        onChange={(event) => {
          take(event.currentTarget.files);
          // Choosing the same file again after an error must fire change again.
          event.currentTarget.value = "";
        }}
      />
      <label htmlFor={inputId} className={buttonClass({ variant: "primary" }, styles.chooseLabel)}>
        Choose a book
      </label>
    </div>
  );
}
