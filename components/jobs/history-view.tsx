"use client";
// The job history: filter by status, search by file name, page with cursors,
// and act on each row. Rows of running jobs refresh live (useJobs polls while
// any row is active). This component owns the state; the parts it composes
// each show one thing.
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/surface";
import layout from "@/components/ui/layout.module.css";
import { useDebounced } from "@/components/ui/use-debounced";
import type { JobStatus, JobSummary } from "@/lib/client/api-types";
import { postRetry } from "@/lib/client/mutations";
import { useJobs } from "@/lib/client/use-jobs";
import { HistoryConfirm, type PendingAction } from "./history-confirm";
import { HistoryEmpty } from "./history-empty";
import { HistoryFilters } from "./history-filters";
import { HistoryPager } from "./history-pager";
import { HistoryTable } from "./history-table";

const PAGE_SIZE = 20;

export function HistoryView({ initialStatus, initialQuery }: { initialStatus: JobStatus | ""; initialQuery: string }) {
  const [status, setStatus] = useState<JobStatus | "">(initialStatus);
  const [query, setQuery] = useState(initialQuery);
  const q = useDebounced(query.trim(), 300);
  // Cursors of the pages before the current one, so "Previous" can go back.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;
  const { data, error, isLoading } = useJobs({ status, q, cursor, limit: PAGE_SIZE });
  const [pending, setPending] = useState<PendingAction>(null);
  const [rowError, setRowError] = useState<string | null>(null);
  const [retrying, setRetrying] = useState<string | null>(null);

  // Keep the filter in the address bar so reload and back keep it.
  useEffect(() => {
    const params = new URLSearchParams();
    if (status) params.set("status", status);
    if (q) params.set("q", q);
    const search = params.toString();
    window.history.replaceState(null, "", search ? `/jobs?${search}` : "/jobs");
  }, [status, q]);

  async function retry(job: JobSummary) {
    setRetrying(job.id);
    setRowError(null);
    try {
      await postRetry(job.id);
    } catch (caught) {
      setRowError(caught instanceof Error ? caught.message : "Retry failed.");
    } finally {
      setRetrying(null);
    }
  }

  const jobs = data?.jobs ?? [];

  return (
    <div className={layout.stack}>
      <HistoryFilters
        status={status}
        query={query}
        onStatusChange={(next) => {
          setStatus(next);
          setCursors([null]);
        }}
        onQueryChange={(next) => {
          setQuery(next);
          setCursors([null]);
        }}
      />

      {rowError ? <Alert tone="danger">{rowError}</Alert> : null}

      {error ? (
        <Alert tone="danger">{error.message}</Alert>
      ) : isLoading && !data ? (
        <div className={layout.stackSm} aria-busy="true" aria-label="Loading history">
          {Array.from({ length: 5 }, (_, index) => (
            <Skeleton key={index} height="3rem" />
          ))}
        </div>
      ) : jobs.length === 0 ? (
        <HistoryEmpty filtered={status !== "" || q !== ""} />
      ) : (
        <HistoryTable
          jobs={jobs}
          actions={{
            onCancel: (job) => setPending({ kind: "cancel", job }),
            onDelete: (job) => setPending({ kind: "delete", job }),
            onRetry: (job) => void retry(job),
            retrying,
          }}
        />
      )}

      {data ? (
        <HistoryPager
          page={cursors.length}
          hasNext={Boolean(data.nextCursor)}
          onPrevious={() => setCursors((list) => list.slice(0, -1))}
          onNext={() => data.nextCursor && setCursors((list) => [...list, data.nextCursor])}
        />
      ) : null}

      <HistoryConfirm pending={pending} onClose={() => setPending(null)} />
    </div>
  );
}
