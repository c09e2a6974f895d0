import type { ChunkStatus, JobProgress } from "@/lib/client/api-types";
import { decodeChunkStates } from "@/lib/jobs/chunk-state-runs";
import styles from "./job-progress.module.css";

type Group = "done" | "running" | "waiting" | "failed" | "cancelled";

const groupOf: Record<ChunkStatus, Group> = {
  pending: "waiting",
  queued: "waiting",
  running: "running",
  done: "done",
  failed: "failed",
  cancelled: "cancelled",
};

const groups: { group: Group; label: string; className: string }[] = [
  { group: "done", label: "Done", className: styles.done },
  { group: "running", label: "Running", className: styles.running },
  { group: "waiting", label: "Waiting", className: styles.waiting },
  { group: "failed", label: "Failed", className: styles.failedCell },
  { group: "cancelled", label: "Cancelled", className: styles.cancelledCell },
];

const classOf = Object.fromEntries(groups.map((item) => [item.group, item.className])) as Record<Group, string>;
const labelOf = Object.fromEntries(groups.map((item) => [item.group, item.label])) as Record<Group, string>;

/**
 * One square per chunk, coloured by state, with a legend that carries the
 * counts in text so colour is never the only cue.
 */
export function ChunkGrid({ chunkStates }: { chunkStates: JobProgress["chunkStates"] }) {
  const chunks = decodeChunkStates(chunkStates);
  const counts: Record<Group, number> = { done: 0, running: 0, waiting: 0, failed: 0, cancelled: 0 };
  for (const status of chunks) counts[groupOf[status]] += 1;
  const summary = groups
    .filter((item) => counts[item.group] > 0)
    .map((item) => `${counts[item.group]} ${item.label.toLowerCase()}`)
    .join(", ");

  return (
    <div className={styles.chunks}>
      {chunks.length === 0 ? (
        <p className={styles.planning}>Splitting the book into chunks…</p>
      ) : (
        <div
          className={styles.grid}
          role="img"
          aria-label={`${chunks.length} chunks: ${summary}.`}
          data-testid="chunk-grid"
        >
          {chunks.map((status, index) => {
            const group = groupOf[status];
            return (
              <span
                key={index}
                className={`${styles.cell} ${classOf[group]}`}
                title={`Chunk ${index + 1}: ${labelOf[group].toLowerCase()}`}
                data-status={status}
              />
            );
          })}
        </div>
      )}
      <ul className={styles.legend} aria-label="Chunk states">
        {groups.map((item) => (
          <li key={item.group}>
            <span className={`${styles.cell} ${item.className}`} aria-hidden="true" />
            {item.label} {counts[item.group]}
          </li>
        ))}
      </ul>
    </div>
  );
}
