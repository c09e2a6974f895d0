// The undo command: one recorded change is reversed, every row it touched
// going back to its state before. A row changed again since (another tab, a
// later change) makes the undo a 409 with that row as it is now, so undo never
// silently discards newer work; undo the later changes first. Undoing a change
// already undone changes nothing.
import type { ActingUser } from "@/lib/commands/acting-user";
import { assertVersion, changeRows, type ChangeResult, type LoadedRow, type RowChange } from "@/lib/corrections/change-rows";
import { AppError } from "@/lib/errors";

interface RecordedRow {
  position: number;
  before: { texts: string[]; edited: boolean; overLimit: boolean; version: number };
  after: { version: number };
}

function editNotFound(): AppError {
  return new AppError("not_found", "This change does not exist.");
}

export async function undoSentenceEdit(options: ActingUser & { jobId: string; editId: string }): Promise<ChangeResult> {
  if (!/^\d{1,18}$/.test(options.editId)) throw editNotFound();
  const editId = BigInt(options.editId);
  return changeRows({ ...options, action: "undo" }, async ({ tx, row: load }) => {
    const edit = await tx.sentenceEdit.findFirst({ where: { id: editId, jobId: options.jobId } });
    if (!edit || edit.action === "undo") throw editNotFound();
    const recorded = edit.rows as unknown as RecordedRow[];
    const rows: LoadedRow[] = [];
    for (const entry of recorded) rows.push(await load(entry.position));
    if (edit.undoneAt) return { changes: [], report: rows };
    const changes: RowChange[] = recorded.map((entry, index) => {
      const row = rows[index]!;
      assertVersion(row, entry.after.version);
      return {
        row,
        value: { texts: entry.before.edited ? entry.before.texts : [], active: entry.before.edited, overLimit: entry.before.overLimit },
      };
    });
    return {
      changes,
      afterWrite: async (client) => {
        await client.sentenceEdit.update({ where: { id: editId }, data: { undoneAt: new Date() } });
      },
    };
  });
}
