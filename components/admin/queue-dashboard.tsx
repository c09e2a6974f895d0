"use client";
// Operators' view of the pipeline, refreshed every 5 s: pg-boss queues, live
// worker processes, the oldest waiting job, recent failures and every book's
// status.
import { Alert } from "@/components/ui/alert";
import { formatDuration, formatNumber } from "@/components/ui/format";
import { LocalTime } from "@/components/ui/local-time";
import { StatusBadge } from "@/components/ui/status-badge";
import { Card, EmptyState, Skeleton, Stat, Stats } from "@/components/ui/surface";
import tableStyles from "@/components/ui/table.module.css";
import { jobStatuses } from "@/lib/jobs/job-states";
import { useAdminQueues } from "@/lib/client/use-admin-queues";
import { QueueIcon, WarningIcon } from "@/components/ui/icons";
import layout from "@/components/ui/layout.module.css";
import { NumberCell } from "@/components/ui/number-cell";
import { NumberHeader } from "@/components/ui/number-header";

const mono = { fontFamily: "var(--font-mono)", fontSize: "0.86rem" } as const;

export function QueueDashboard() {
  const { data, error, isLoading } = useAdminQueues();

  if (error && !data) return <Alert tone="danger">{error.message}</Alert>;
  if (isLoading || !data) {
    return (
      <div className={layout.stack} aria-busy="true" aria-label="Loading queues">
        <Skeleton height="5rem" />
        <Skeleton height="12rem" />
      </div>
    );
  }

  const backlogShare = data.backlog.limit > 0 ? Math.round((100 * data.backlog.pendingChunks) / data.backlog.limit) : 0;

  return (
    <div className={layout.stackLg} data-testid="queue-dashboard">
      {error ? <Alert tone="warning">Refresh failed ({error.message}); showing the last answer.</Alert> : null}
      <Stats>
        <Stat label="Live workers" value={formatNumber(data.workers.length)} note="processes with a recent heartbeat" />
        <Stat
          label="Oldest waiting"
          value={data.oldestWaitingSeconds == null ? "None" : formatDuration(data.oldestWaitingSeconds)}
          note="across all queues"
        />
        <Stat label="Failures, last hour" value={formatNumber(data.failuresLastHour)} note="queue jobs that failed" />
        <Stat
          label="Backlog"
          value={`${formatNumber(data.backlog.pendingChunks)} chunks`}
          note={`${formatNumber(data.backlog.queuedJobs)} books queued · ${backlogShare} % of the ${formatNumber(data.backlog.limit)} limit`}
        />
      </Stats>

      <Card
        title="Queues"
        labelledBy="queues-title"
        actions={
          <span className={layout.note}>
            Updated <LocalTime iso={data.generatedAt} /> · every 5 s
          </span>
        }
      >
        {data.queues.length === 0 ? (
          <EmptyState icon={<QueueIcon />} title="No queues yet">
            The worker creates its queues when it starts.
          </EmptyState>
        ) : (
          <div className={tableStyles.wrap}>
            <table className={`${tableStyles.table} ${tableStyles.responsive}`}>
              <caption className="visually-hidden">Jobs per pg-boss queue</caption>
              <thead>
                <tr>
                  <th scope="col">Queue</th>
                  <NumberHeader>Queued</NumberHeader>
                  <NumberHeader>Ready</NumberHeader>
                  <NumberHeader>Deferred</NumberHeader>
                  <NumberHeader>Active</NumberHeader>
                  <NumberHeader>Failed</NumberHeader>
                  <NumberHeader>Total</NumberHeader>
                  <NumberHeader>Oldest waiting</NumberHeader>
                  <NumberHeader>Failed, 1 h</NumberHeader>
                </tr>
              </thead>
              <tbody>
                {data.queues.map((queue) => (
                  <tr key={queue.name}>
                    <td data-label="Queue" style={mono}>
                      {queue.name}
                    </td>
                    <NumberCell label="Queued">{formatNumber(queue.queuedCount)}</NumberCell>
                    <NumberCell label="Ready">{formatNumber(queue.readyCount)}</NumberCell>
                    <NumberCell label="Deferred">{formatNumber(queue.deferredCount)}</NumberCell>
                    <NumberCell label="Active">{formatNumber(queue.activeCount)}</NumberCell>
                    <NumberCell label="Failed">{formatNumber(queue.failedCount)}</NumberCell>
                    <NumberCell label="Total">{formatNumber(queue.totalCount)}</NumberCell>
                    <NumberCell label="Oldest waiting">
                      {queue.oldestWaitingSeconds == null ? "—" : formatDuration(queue.oldestWaitingSeconds)}
                    </NumberCell>
                    <NumberCell label="Failed, 1 h">{formatNumber(queue.failedLastHour)}</NumberCell>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      <Card title="Workers" labelledBy="workers-title">
        {data.workers.length === 0 ? (
          <EmptyState icon={<WarningIcon />} title="No live worker">
            Nothing will be processed until a worker runs (<code>npm run worker</code>).
          </EmptyState>
        ) : (
          <div className={tableStyles.wrap}>
            <table className={`${tableStyles.table} ${tableStyles.responsive}`}>
              <caption className="visually-hidden">Worker processes</caption>
              <thead>
                <tr>
                  <th scope="col">Process</th>
                  <th scope="col">Queues (active / concurrency)</th>
                  <th scope="col">Started</th>
                  <th scope="col">Last heartbeat</th>
                </tr>
              </thead>
              <tbody>
                {data.workers.map((worker) => (
                  <tr key={worker.id}>
                    <td data-label="Process" style={mono}>
                      {worker.name ?? worker.host} · pid {worker.pid}
                    </td>
                    <td data-label="Queues">
                      {worker.queues.map((queue) => (
                        <div key={queue.queue} className="tabular">
                          <span style={mono}>{queue.queue}</span> {queue.active}/{queue.localConcurrency}
                        </div>
                      ))}
                    </td>
                    <td data-label="Started" className={tableStyles.nowrap}>
                      <LocalTime iso={worker.startedOn} />
                    </td>
                    <td data-label="Last heartbeat" className={tableStyles.nowrap}>
                      <LocalTime iso={worker.heartbeatOn} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      <Card title="Gemini, last 24 hours" labelledBy="gemini-usage-title">
        {data.geminiUsage.length === 0 ? (
          <p className={layout.note}>No Gemini request in the last 24 hours.</p>
        ) : (
          <div className={tableStyles.wrap}>
            <table className={`${tableStyles.table} ${tableStyles.responsive}`} data-testid="gemini-usage">
              <caption className="visually-hidden">Gemini requests and tokens by model and purpose</caption>
              <thead>
                <tr>
                  <th scope="col">Model</th>
                  <th scope="col">Purpose</th>
                  <NumberHeader>Requests</NumberHeader>
                  <NumberHeader>Failed</NumberHeader>
                  <NumberHeader>Prompt tokens</NumberHeader>
                  <NumberHeader>Output tokens</NumberHeader>
                  <NumberHeader>Books</NumberHeader>
                </tr>
              </thead>
              <tbody>
                {data.geminiUsage.map((row) => (
                  <tr key={`${row.model}/${row.purpose}`}>
                    <td data-label="Model" style={mono}>
                      {row.model}
                    </td>
                    <td data-label="Purpose">{row.purpose}</td>
                    <NumberCell label="Requests">{formatNumber(row.requests)}</NumberCell>
                    <NumberCell label="Failed">{formatNumber(row.failed)}</NumberCell>
                    <NumberCell label="Prompt tokens">{formatNumber(row.promptTokens)}</NumberCell>
                    <NumberCell label="Output tokens">{formatNumber(row.outputTokens)}</NumberCell>
                    <NumberCell label="Books">{formatNumber(row.jobs)}</NumberCell>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      <Card title="Books by status" labelledBy="books-by-status-title">
        <ul className={layout.inlineList}>
          {jobStatuses.map((status) => (
            <li key={status}>
              <StatusBadge status={status} />
              <strong className="tabular">{formatNumber(data.jobsByStatus[status] ?? 0)}</strong>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
