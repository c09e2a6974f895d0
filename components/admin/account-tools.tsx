"use client";
// Support for one account: find it by email, see its books and ledger, add or
// remove credits with a reason, and retry a failed book on the owner's behalf.
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { controlClass, Field } from "@/components/ui/field";
import { formatNumber } from "@/components/ui/format";
import { LocalTime } from "@/components/ui/local-time";
import { StatusBadge } from "@/components/ui/status-badge";
import { Card, EmptyState } from "@/components/ui/surface";
import tableStyles from "@/components/ui/table.module.css";
import layout from "@/components/ui/layout.module.css";
import { adjustUserCredits, retryUserJob } from "@/lib/client/admin-mutations";
import type { UserAccount } from "@/lib/client/api-types";
import { useAdminAccount } from "@/lib/client/use-admin-account";
import { NumberHeader } from "@/components/ui/number-header";

export function AccountTools() {
  const [draft, setDraft] = useState("");
  const [email, setEmail] = useState<string | null>(null);
  const { data, error, isLoading, mutate } = useAdminAccount(email);

  function onSearch(event: FormEvent) {
    event.preventDefault();
    const next = draft.trim() || null;
    // The same email again means "show me the latest".
    if (next === email) void mutate();
    else setEmail(next);
  }

  return (
    <Card title="Accounts" labelledBy="accounts-title" testId="account-tools">
      <div className={layout.stack}>
        <form onSubmit={onSearch} className={layout.row}>
          <Field id="account-email" label="Account email">
            <input
              id="account-email"
              type="email"
              className={controlClass}
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              required
            />
          </Field>
          <Button type="submit" busy={isLoading}>
            Find account
          </Button>
        </form>
        {error ? <Alert tone="danger">{error.message}</Alert> : null}
        {data ? <AccountDetails account={data} /> : null}
      </div>
    </Card>
  );
}

function AccountDetails({ account }: { account: UserAccount }) {
  return (
    <div className={layout.stack} data-testid="account-details">
      <p>
        <strong>{account.user.email}</strong> ({account.user.role}) · balance{" "}
        <strong className="tabular" data-testid="account-balance">
          {formatNumber(account.user.creditBalance)}
        </strong>{" "}
        credits
      </p>
      <CreditAdjustmentForm userId={account.user.id} />
      <AccountJobs jobs={account.jobs} />
      <AccountLedger ledger={account.ledger} />
    </div>
  );
}

function CreditAdjustmentForm({ userId }: { userId: string }) {
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "success" | "danger"; text: string } | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const result = await adjustUserCredits(userId, { amount: Number(amount), reason });
      setMessage({ tone: "success", text: `Done. The balance is now ${formatNumber(result.balance)} credits.` });
      setAmount("");
      setReason("");
    } catch (error) {
      setMessage({ tone: "danger", text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className={layout.stackSm} data-testid="credit-adjustment">
      <div className={layout.row}>
        <Field id="adjust-amount" label="Credits to add (negative to remove)">
          <input
            id="adjust-amount"
            type="number"
            step={1}
            className={controlClass}
            value={amount}
            onChange={(event) => setAmount(event.target.value)}
            required
          />
        </Field>
        <Field id="adjust-reason" label="Reason (written to the ledger)">
          <input
            id="adjust-reason"
            className={controlClass}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            required
            minLength={3}
            maxLength={300}
          />
        </Field>
      </div>
      <div>
        <Button type="submit" variant="primary" busy={busy}>
          Adjust credits
        </Button>
      </div>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </form>
  );
}

function AccountJobs({ jobs }: { jobs: UserAccount["jobs"] }) {
  const [busyId, setBusyId] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function onRetry(jobId: string) {
    setBusyId(jobId);
    setFailure(null);
    try {
      await retryUserJob(jobId);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusyId(null);
    }
  }

  if (jobs.length === 0) return <EmptyState title="No books yet">This account has not uploaded anything.</EmptyState>;
  return (
    <div className={tableStyles.wrap}>
      {failure ? <Alert tone="danger">{failure}</Alert> : null}
      <table className={`${tableStyles.table} ${tableStyles.responsive}`} data-testid="account-jobs">
        <caption className="visually-hidden">The account&apos;s latest books</caption>
        <thead>
          <tr>
            <th scope="col">Book</th>
            <th scope="col">Status</th>
            <NumberHeader>Chunks done / failed</NumberHeader>
            <th scope="col">Uploaded</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <tr key={job.id} data-job-id={job.id}>
              <td data-label="Book">{job.fileName}</td>
              <td data-label="Status">
                <StatusBadge status={job.status} />
              </td>
              <td data-label="Chunks" className={tableStyles.num}>
                {job.chunksDone} / {job.chunksFailed} of {job.chunksTotal}
              </td>
              <td data-label="Uploaded" className={tableStyles.nowrap}>
                <LocalTime iso={job.createdAt} />
              </td>
              <td data-label="Action">
                {job.status === "partial" || job.status === "failed" ? (
                  <Button size="sm" busy={busyId === job.id} onClick={() => void onRetry(job.id)}>
                    Retry failed pages
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AccountLedger({ ledger }: { ledger: UserAccount["ledger"] }) {
  return (
    <div className={tableStyles.wrap}>
      <table className={`${tableStyles.table} ${tableStyles.responsive}`} data-testid="account-ledger">
        <caption className="visually-hidden">The account&apos;s latest ledger rows</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Kind</th>
            <NumberHeader>Amount</NumberHeader>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {ledger.map((row) => (
            <tr key={row.id}>
              <td data-label="When" className={tableStyles.nowrap}>
                <LocalTime iso={row.createdAt} />
              </td>
              <td data-label="Kind">{row.kind}</td>
              <td data-label="Amount" className={`${tableStyles.num} tabular`}>
                {row.amount > 0 ? `+${row.amount}` : row.amount}
              </td>
              <td data-label="Reason">{row.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
