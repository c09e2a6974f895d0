// The edit command: the owner rewrites one row (or one piece of a split row).
// Writing the text the row already holds changes nothing, whatever the version.
import type { ActingUser } from "@/lib/commands/acting-user";
import { assertVersion, changeRows, type ChangeResult } from "@/lib/corrections/change-rows";
import { normalizeRowText } from "@/lib/corrections/row-state";
import { AppError } from "@/lib/errors";

export async function editSentence(
  options: ActingUser & { jobId: string; position: number; text: string; version: number; piece?: number; override?: boolean },
): Promise<ChangeResult> {
  const piece = options.piece ?? 0;
  return changeRows({ ...options, action: "edit" }, async ({ row: load }) => {
    const row = await load(options.position);
    const { texts } = row.state;
    const text = normalizeRowText(options.text);
    if (row.state.edited && texts[piece] === text) return { changes: [], report: [row] };
    assertVersion(row, options.version);
    if (piece >= texts.length) throw new AppError("invalid_input", "This row has no such piece.");
    const next = texts.with(piece, text);
    return { changes: [{ row, value: { texts: next, active: true, overLimit: false }, validate: true }] };
  });
}
