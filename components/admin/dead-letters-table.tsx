"use client";
// Chunks abandoned by crashed workers: requeue one (the owner pays for its
// pages again) or discard it (the book stays partial).
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { Card, EmptyState } from "@/components/ui/surface";
import tableStyles from "@/components/ui/table.module.css";
import { discardDeadLetter, requeueDeadLetter } from "@/lib/client/admin-mutations";
import { useDeadLetters } from "@/lib/client/use-dead-letters";

export function DeadLettersTable() {
  const { data, error } = useDeadLetters();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function act(id: string, action: (id: string) => Promise<void>) {
    setBusyId(id);
    setFailure(null);
    try {
      await action(id);
    } catch (caught) {
      setFailure(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusyId(null);
    }
  }

  const letters = data?.deadLetters ?? [];
  return (
    <Card title="Dead letters" labelledBy="dead-letters-title" testId="dead-letters">
      {error && !data ? <Alert tone="danger">{error.message}</Alert> : null}
      {failure ? <Alert tone="danger">{failure}</Alert> : null}
      {letters.length === 0 ? (
        <EmptyState title="No dead letters">No chunk was abandoned by a crashed worker.</EmptyState>
      ) : (
        <div className={tableStyles.wrap}>
          <table className={`${tableStyles.table} ${tableStyles.responsive}`}>
            <caption className="visually-hidden">Chunks abandoned by crashed workers</caption>
            <thead>
              <tr>
                <th scope="col">Book</th>
                <th scope="col">Owner</th>
                <th scope="col">Pages</th>
                <th scope="col">Abandoned</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {letters.map((letter) => (
                <tr key={letter.id}>
                  <td data-label="Book">{letter.fileName}</td>
                  <td data-label="Owner">{letter.userEmail}</td>
                  <td data-label="Pages">{letter.pages}</td>
                  <td data-label="Abandoned" className={tableStyles.nowrap}>
                    <LocalTime iso={letter.abandonedAt} />
                  </td>
                  <td data-label="Actions">
                    <Button size="sm" busy={busyId === letter.id} onClick={() => void act(letter.id, requeueDeadLetter)}>
                      Requeue
                    </Button>{" "}
                    <Button size="sm" variant="ghost" disabled={busyId === letter.id} onClick={() => void act(letter.id, discardDeadLetter)}>
                      Discard
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
