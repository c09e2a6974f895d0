"use client";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { formatNumber } from "@/components/ui/format";
import { LocalTime } from "@/components/ui/local-time";
import { StatusBadge } from "@/components/ui/status-badge";
import { Card, EmptyState, Skeleton } from "@/components/ui/surface";
import { Alert } from "@/components/ui/alert";
import { useJobs } from "@/lib/client/use-jobs";
import { MiniProgress } from "./mini-progress";
import styles from "./recent-jobs.module.css";
import layout from "@/components/ui/layout.module.css";
import { pageUnit } from "@/lib/jobs/job-states";

/** The last few jobs, live: running ones keep moving after the dialog closes. */
export function RecentJobs() {
  const { data, error, isLoading } = useJobs({ limit: 5 });

  return (
    <Card
      title="Recent books"
      labelledBy="recent-jobs-title"
      actions={
        <ButtonLink href="/jobs" size="sm" variant="ghost">
          View all
        </ButtonLink>
      }
    >
      {error ? (
        <Alert tone="danger">{error.message}</Alert>
      ) : isLoading || !data ? (
        <div className={layout.stackSm} aria-busy="true" aria-label="Loading recent books">
          <Skeleton height="2.4rem" />
          <Skeleton height="2.4rem" />
          <Skeleton height="2.4rem" />
        </div>
      ) : data.jobs.length === 0 ? (
        <EmptyState title="No books yet">Your uploads will appear here, with their progress.</EmptyState>
      ) : (
        <ul className={styles.list}>
          {data.jobs.map((job) => (
            <li key={job.id} className={styles.item}>
              <span className={styles.name}>
                <Link href={`/jobs/${job.id}`}>{job.fileName}</Link>
                <span className={styles.meta}>
                  {formatNumber(job.pageCount)} {pageUnit(job.format).many} · max {job.maxWords} words · <LocalTime iso={job.createdAt} />
                </span>
              </span>
              <StatusBadge status={job.status} />
              <MiniProgress job={job} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
