// The delete command: the owner drops a row (a line of the publisher's text,
// say) or one piece of a split row. The engine's row stays, so restore brings
// it back. Deleting a row already deleted changes nothing.
import type { ActingUser } from "@/lib/commands/acting-user";
import { assertVersion, changeRows, type ChangeResult } from "@/lib/corrections/change-rows";
import { AppError } from "@/lib/errors";

export async function deleteSentence(
  options: ActingUser & { jobId: string; position: number; version: number; piece?: number },
): Promise<ChangeResult> {
  return changeRows({ ...options, action: "delete" }, async ({ row: load }) => {
    const row = await load(options.position);
    if (row.state.deleted && options.piece === undefined) return { changes: [], report: [row] };
    assertVersion(row, options.version);
    const { texts } = row.state;
    if (options.piece !== undefined && options.piece >= texts.length) {
      throw new AppError("invalid_input", "This row has no such piece.");
    }
    const next = options.piece === undefined ? [] : texts.toSpliced(options.piece, 1);
    return { changes: [{ row, value: { texts: next, active: true, overLimit: row.state.overLimit && next.length > 0 } }] };
  });
}
