import type { JobSummary } from "@/lib/client/api-types";
import styles from "./recent-jobs.module.css";

/** A compact progress bar for lists; the full one lives in JobProgressPanel. */
export function MiniProgress({ job }: { job: JobSummary }) {
  const percent = job.status === "succeeded" ? 100 : Math.max(0, Math.min(100, Math.round(job.percent || 0)));
  return (
    <div className={styles.mini}>
      <div
        className={styles.miniBar}
        role="progressbar"
        aria-label={`Progress of ${job.fileName}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className={styles.miniFill} style={{ transform: `scaleX(${percent / 100})` }} />
      </div>
      <span>
        {percent} %{job.chunksTotal > 0 ? ` · ${job.chunksDone}/${job.chunksTotal} chunks` : ""}
      </span>
    </div>
  );
}
