// The restore command: a row shows the engine's text again. The correction
// row stays (inactive) so its version keeps counting and its history stays.
// Restoring a row that shows the engine's text changes nothing.
import type { ActingUser } from "@/lib/commands/acting-user";
import { assertVersion, changeRows, type ChangeResult } from "@/lib/corrections/change-rows";

export async function restoreSentence(
  options: ActingUser & { jobId: string; position: number; version: number },
): Promise<ChangeResult> {
  return changeRows({ ...options, action: "restore" }, async ({ row: load }) => {
    const row = await load(options.position);
    if (!row.state.edited) return { changes: [], report: [row] };
    assertVersion(row, options.version);
    return { changes: [{ row, value: { texts: [], active: false, overLimit: false } }] };
  });
}
