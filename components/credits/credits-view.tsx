"use client";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatNumber, formatSigned } from "@/components/ui/format";
import { LocalDate, LocalTime } from "@/components/ui/local-time";
import { Badge, type BadgeTone } from "@/components/ui/status-badge";
import { Card, EmptyState, Skeleton, Stat, Stats } from "@/components/ui/surface";
import tableStyles from "@/components/ui/table.module.css";
import type { LedgerKind } from "@/lib/client/api-types";
import { useCreditLedger } from "@/lib/client/use-credits";
import { CoinsIcon } from "@/components/ui/icons";
import layout from "@/components/ui/layout.module.css";
import { NumberHeader } from "@/components/ui/number-header";

const kinds: Record<LedgerKind, { label: string; tone: BadgeTone }> = {
  grant: { label: "Monthly grant", tone: "success" },
  reserve: { label: "Reserved", tone: "neutral" },
  settle: { label: "Charged", tone: "info" },
  refund: { label: "Refund", tone: "success" },
  adjust: { label: "Adjustment", tone: "warning" },
};

export function CreditsView() {
  const { summary, ledger, hasMore, loadMore, error, isLoading, isValidating, size, data } = useCreditLedger();
  const loadingMore = isValidating && data !== undefined && data.length < size;

  if (error) return <Alert tone="danger">{error.message}</Alert>;

  const granted = summary?.grantedThisMonth ?? 0;

  return (
    <div className={layout.stackLg}>
      {isLoading || !summary ? (
        <div className={layout.statGrid}>
          <Skeleton height="5rem" />
          <Skeleton height="5rem" />
          <Skeleton height="5rem" />
        </div>
      ) : (
        <Stats>
          <Stat
            label="Balance"
            value={formatNumber(summary.balance)}
            note="credits available"
            testId="credits-balance"
          />
          <Stat label="Monthly grant" value={formatNumber(summary.monthlyGrant)} note="credits each calendar month" />
          <Stat
            label="Granted this month"
            value={formatNumber(granted)}
            note={
              summary.nextGrantAt ? (
                <>
                  next on <LocalDate iso={summary.nextGrantAt} />
                </>
              ) : undefined
            }
          />
        </Stats>
      )}

      <Card title="Ledger" labelledBy="ledger-title">
        <p className={layout.note}>
          Starting a job reserves its price; when it ends you are charged for what was processed and the rest is
          refunded.
        </p>
        {isLoading ? (
          <div className={layout.stackSm} aria-busy="true" aria-label="Loading ledger">
            <Skeleton height="2.4rem" />
            <Skeleton height="2.4rem" />
            <Skeleton height="2.4rem" />
          </div>
        ) : ledger.length === 0 ? (
          <EmptyState icon={<CoinsIcon />} title="No movements yet">
            Your monthly grant and every job’s charges will show here.
          </EmptyState>
        ) : (
          <>
            <div className={tableStyles.wrap}>
              <table className={`${tableStyles.table} ${tableStyles.responsive}`} data-testid="ledger-table">
                <caption className="visually-hidden">Credit movements, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Kind</th>
                    <NumberHeader>Amount</NumberHeader>
                    <th scope="col">Reason</th>
                    <th scope="col">Job</th>
                  </tr>
                </thead>
                <tbody>
                  {ledger.map((entry) => (
                    <tr key={entry.id} data-kind={entry.kind}>
                      <td data-label="Date" className={tableStyles.nowrap}>
                        <LocalTime iso={entry.createdAt} />
                      </td>
                      <td data-label="Kind">
                        <Badge tone={kinds[entry.kind]?.tone ?? "neutral"}>
                          {kinds[entry.kind]?.label ?? entry.kind}
                        </Badge>
                      </td>
                      <td
                        data-label="Amount"
                        className={tableStyles.num}
                        style={{
                          fontWeight: 650,
                          color: entry.amount > 0 ? "var(--success)" : entry.amount < 0 ? "var(--danger)" : undefined,
                        }}
                      >
                        {formatSigned(entry.amount)}
                      </td>
                      <td data-label="Reason">{entry.reason}</td>
                      <td data-label="Job">
                        {entry.jobId ? (
                          <Link href={`/jobs/${entry.jobId}`}>Open job</Link>
                        ) : (
                          <span className={tableStyles.muted}>—</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {hasMore ? (
              <div className={layout.centerRow}>
                <Button onClick={() => void loadMore()} busy={loadingMore}>
                  Load older movements
                </Button>
              </div>
            ) : null}
          </>
        )}
      </Card>
    </div>
  );
}
