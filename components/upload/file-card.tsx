// The chosen PDF as a small card: name, and size or whatever the step knows.
import { formatBytes } from "@/components/ui/format";
import styles from "./upload.module.css";

export function FileCard({ file, meta }: { file: File | { name: string; size?: number }; meta?: string }) {
  return (
    <div className={styles.file}>
      <span className={styles.fileBadge} aria-hidden="true">
        {/\.epub$/iu.test(file.name) ? "EPUB" : /\.txt$/iu.test(file.name) ? "TXT" : "PDF"}
      </span>
      <span className={styles.fileText}>
        <span className={styles.fileName} title={file.name} data-testid="upload-file-name">
          {file.name}
        </span>
        <span className={styles.fileMeta}>{meta ?? (file.size != null ? formatBytes(file.size) : "")}</span>
      </span>
    </div>
  );
}
