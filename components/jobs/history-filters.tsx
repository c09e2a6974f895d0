"use client";
// The history's toolbar: one status and a search on the file name.
import { useId } from "react";
import { Field, controlClass } from "@/components/ui/field";
import type { JobStatus } from "@/lib/client/api-types";
import { jobStatuses, jobStatusLabels } from "@/lib/jobs/job-states";
import styles from "./history.module.css";

export function HistoryFilters({
  status,
  query,
  onStatusChange,
  onQueryChange,
}: {
  status: JobStatus | "";
  query: string;
  onStatusChange: (status: JobStatus | "") => void;
  onQueryChange: (query: string) => void;
}) {
  const statusId = useId();
  const searchId = useId();
  return (
    <div className={styles.toolbar} role="search">
      <Field id={statusId} label="Status" className={styles.status}>
        <select
          id={statusId}
          className={controlClass}
          value={status}
          onChange={(event) => onStatusChange(event.currentTarget.value as JobStatus | "")}
          data-testid="status-filter"
        >
          <option value="">All statuses</option>
          {jobStatuses.map((value) => (
            <option key={value} value={value}>
              {jobStatusLabels[value].replace("…", "")}
            </option>
          ))}
        </select>
      </Field>
      <Field id={searchId} label="File name" className={styles.search}>
        <input
          id={searchId}
          type="search"
          className={controlClass}
          placeholder="Search by file name"
          value={query}
          onChange={(event) => onQueryChange(event.currentTarget.value)}
          data-testid="history-search"
        />
      </Field>
    </div>
  );
}
